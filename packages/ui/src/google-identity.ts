import type { SignInProvidersDto } from "@bazaar/schemas";

/**
 * Google Identity Services, loaded from Google at run time in the browser only: it is
 * Google's script, changes on Google's schedule and must come from accounts.google.com, so
 * it is never bundled (and a page without the button never loads it).
 */
export const GIS_SRC = "https://accounts.google.com/gsi/client";

/** The part of `google.accounts.id` we use. */
export type GoogleIdentity = {
  initialize(config: {
    client_id: string;
    callback: (response: { credential?: string }) => void;
    ux_mode?: "popup";
    auto_select?: boolean;
    cancel_on_tap_outside?: boolean;
    context?: "signin" | "signup";
  }): void;
  renderButton(
    parent: HTMLElement,
    options: {
      type?: "standard";
      theme?: "outline" | "filled_blue";
      size?: "large" | "medium";
      text?: "signin_with" | "signup_with" | "continue_with";
      shape?: "rectangular" | "pill";
      logo_alignment?: "left" | "center";
      width?: number;
    },
  ): void;
};

type GisWindow = { google?: { accounts?: { id?: GoogleIdentity } } };
type ScriptLike = {
  src: string;
  async: boolean;
  defer: boolean;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  remove(): void;
};
/** What the loader touches of `document`, so it can run (and be tested) without a browser. */
export type ScriptHost = {
  createElement(tag: "script"): ScriptLike;
  head: { appendChild(node: ScriptLike): unknown };
};

let loading: Promise<GoogleIdentity> | null = null;

/**
 * Loads the script once per page: every button on the page waits for the same load. A
 * failed load (offline, blocked by an extension) is forgotten, so the next button tries again.
 */
export function loadGoogleIdentity(
  host: ScriptHost = document as unknown as ScriptHost,
  win: GisWindow = window as unknown as GisWindow,
): Promise<GoogleIdentity> {
  const ready = win.google?.accounts?.id;
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<GoogleIdentity>((resolve, reject) => {
    const script = host.createElement("script");
    script.src = GIS_SRC;
    script.async = true;
    script.defer = true;
    const fail = (why: string) => {
      loading = null;
      script.remove();
      reject(new Error(why));
    };
    script.onload = () => {
      const id = win.google?.accounts?.id;
      if (id) resolve(id);
      else fail("Google's sign-in script loaded without google.accounts.id");
    };
    script.onerror = () => fail("Google's sign-in script could not be loaded");
    host.head.appendChild(script);
  });
  return loading;
}

/** For tests: forget a load in progress. */
export function resetGoogleIdentityLoader() {
  loading = null;
}

/**
 * The client id to show the button for, or null to show nothing: while the server has not
 * answered, when it could not be asked, and when Google sign-in is off there.
 */
export function googleClientId(providers: SignInProvidersDto | undefined | null): string | null {
  const id = providers?.google?.clientId?.trim();
  return id ? id : null;
}
