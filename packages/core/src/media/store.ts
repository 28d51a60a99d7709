import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { MediaStore } from "../platform/media-store";

/** Keys are made by `uploadMedia`; anything else (`..`, absolute paths, dotfiles) is refused. */
const SAFE_KEY = /^(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)?$/i;

export function assertSafeKey(key: string): void {
  if (key.length > 200 || !SAFE_KEY.test(key)) throw new Error(`unsafe media key: ${JSON.stringify(key)}`);
}

/**
 * Embedded default: files under `dir` (DATA_DIR/media), served by the API at
 * `publicBaseUrl` (…/media). A file is written under a temporary dotfile name and renamed
 * into place, so a reader never sees half a file and a crash leaves no file under the key.
 */
export function createLocalMediaStore(dir: string, publicBaseUrl: string): MediaStore {
  const root = resolve(dir);
  // Exists from the start, so the host can serve it before the first upload.
  mkdirSync(root, { recursive: true });
  const base = publicBaseUrl.replace(/\/+$/, "");
  const pathOf = (key: string) => {
    assertSafeKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`unsafe media key: ${JSON.stringify(key)}`);
    return path;
  };
  return {
    localDir: root,
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${randomUUID()}.tmp`);
      try {
        await writeFile(tmp, bytes, { flag: "wx" });
        await rename(tmp, path);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return { key, url: `${base}/${key}` };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
