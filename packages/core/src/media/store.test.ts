import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { samplePng } from "../testing/sample-images";
import { createLocalMediaStore } from "./store";

const dir = mkdtempSync(join(tmpdir(), "bazaar-local-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = createLocalMediaStore(dir, "http://127.0.0.1:3000/media/");

describe("local media store", () => {
  it("writes the file under its key and answers its public URL", async () => {
    const bytes = samplePng();
    const stored = await store.put("u/2026/11/a.png", bytes, "image/png");
    expect(stored).toEqual({ key: "u/2026/11/a.png", url: "http://127.0.0.1:3000/media/u/2026/11/a.png" });
    expect(readFileSync(join(dir, "u/2026/11/a.png")).equals(bytes)).toBe(true);
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(join(dir, "u/2026/11"))).toEqual(["a.png"]);
    expect(store.localDir).toBe(dir);
  });

  it("deletes idempotently", async () => {
    await store.put("u/2026/11/b.png", samplePng(), "image/png");
    await store.delete("u/2026/11/b.png");
    expect(existsSync(join(dir, "u/2026/11/b.png"))).toBe(false);
    await expect(store.delete("u/2026/11/b.png")).resolves.toBeUndefined();
  });

  it("refuses keys that could leave its directory or hide a file", async () => {
    for (const key of ["../x.png", "u/../../x.png", "/etc/passwd", "u/.hidden", "u//x.png", "u\\x.png", ""]) {
      await expect(store.put(key, samplePng(), "image/png"), key).rejects.toThrow(/unsafe media key/);
      await expect(store.delete(key), key).rejects.toThrow(/unsafe media key/);
    }
  });
});
