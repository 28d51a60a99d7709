import { beforeEach, describe, expect, it } from "vitest";
import {
  GIS_SRC,
  type GoogleIdentity,
  googleClientId,
  loadGoogleIdentity,
  resetGoogleIdentityLoader,
  type ScriptHost,
} from "./google-identity";

/** A page's <head> that only records scripts added to it: no browser, no network. */
function fakePage() {
  type Script = ReturnType<ScriptHost["createElement"]> & { removed: boolean };
  const scripts: Script[] = [];
  const win: { google?: { accounts: { id: GoogleIdentity } } } = {};
  const host: ScriptHost = {
    createElement: () => {
      const s: Script = {
        src: "",
        async: false,
        defer: false,
        onload: null,
        onerror: null,
        removed: false,
        remove: () => {
          s.removed = true;
        },
      };
      return s;
    },
    head: { appendChild: (node) => scripts.push(node as Script) },
  };
  const gis: GoogleIdentity = { initialize() {}, renderButton() {} };
  return {
    host,
    win,
    scripts,
    /** Google's script arrives and defines google.accounts.id. */
    arrive: (i = 0) => {
      win.google = { accounts: { id: gis } };
      scripts[i]!.onload?.();
    },
    gis,
  };
}

beforeEach(() => resetGoogleIdentityLoader());

describe("googleClientId: whether the button shows", () => {
  it("shows only when the server says Google is on, with a client id", () => {
    expect(googleClientId({ google: { clientId: "abc.apps.googleusercontent.com" } })).toBe(
      "abc.apps.googleusercontent.com",
    );
    expect(googleClientId({ google: null })).toBeNull();
    // Not answered yet, or the question failed: no button rather than one that cannot work.
    expect(googleClientId(undefined)).toBeNull();
    expect(googleClientId(null)).toBeNull();
    expect(googleClientId({ google: { clientId: "  " } })).toBeNull();
  });
});

describe("loadGoogleIdentity", () => {
  it("adds Google's script once, however many buttons wait for it", async () => {
    const page = fakePage();
    const a = loadGoogleIdentity(page.host, page.win);
    const b = loadGoogleIdentity(page.host, page.win);
    expect(page.scripts).toHaveLength(1);
    expect(page.scripts[0]).toMatchObject({ src: GIS_SRC, async: true });
    page.arrive();
    expect(await a).toBe(page.gis);
    expect(await b).toBe(page.gis);
    // Already there: no script at all.
    expect(await loadGoogleIdentity(page.host, page.win)).toBe(page.gis);
    expect(page.scripts).toHaveLength(1);
  });

  it("forgets a failed load, so the next button tries again", async () => {
    const page = fakePage();
    const failed = loadGoogleIdentity(page.host, page.win);
    page.scripts[0]!.onerror?.();
    await expect(failed).rejects.toThrow(/could not be loaded/);
    expect(page.scripts[0]!.removed).toBe(true);

    const retry = loadGoogleIdentity(page.host, page.win);
    expect(page.scripts).toHaveLength(2);
    page.arrive(1);
    expect(await retry).toBe(page.gis);
  });

  it("fails when the script loads but defines no google.accounts.id", async () => {
    const page = fakePage();
    const load = loadGoogleIdentity(page.host, page.win);
    page.scripts[0]!.onload?.();
    await expect(load).rejects.toThrow(/google\.accounts\.id/);
  });
});
