import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createDb, migrationsFolder } from "./client";

/**
 * A migrated PGlite data directory to copy instead of running initdb and every migration
 * on a new embedded database: those take 3-5 s of CPU, a copy well under one (#14). Built
 * by the server's build; used by the first start and by the tests.
 */

/** Names the file a template carries its key in. */
const KEY_FILE = "bazaar-template-key";

/**
 * What a template was built from: the migrations and PGlite's version. A data directory
 * from another PostgreSQL build may not open, and one without the newest migration would
 * only be migrated at open, but a key that differs says plainly the template is stale.
 */
export function pgliteTemplateKey(): string {
  return createHash("sha256")
    .update(`${migrationsHash()} pglite ${pgliteVersion()}`)
    .digest("hex")
    .slice(0, 12);
}

/**
 * A hash of what migrating runs: every migration's SQL and the journal that orders them.
 * drizzle-kit's snapshots (meta/*_snapshot.json, ~6 MB) change nothing in the database.
 */
export function migrationsHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (f.endsWith(".sql") || f.endsWith("_journal.json"))
      h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return h.digest("hex").slice(0, 12);
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package's exports do not list package.json: found from its entry instead.
  let dir = dirname(require.resolve("@electric-sql/pglite"));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
      if (name === "@electric-sql/pglite") return version;
    }
    if (dirname(dir) === dir) throw new Error("@electric-sql/pglite's package.json not found");
    dir = dirname(dir);
  }
}

/**
 * Builds the template at `dir` under the current key, unless it is current; says whether it
 * built one. Built beside it and renamed when complete, so a build that fails (or a process
 * killed midway) never leaves a half-migrated template for a later start to trust; of two
 * builds racing, the first to finish wins.
 */
export async function buildPgliteTemplate(dir: string): Promise<boolean> {
  if (isCurrentTemplate(dir)) return false;
  const building = mkdtempSync(`${dir}.building-`);
  try {
    const handle = await createDb({ dataDir: building });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
    writeFileSync(join(building, KEY_FILE), pgliteTemplateKey());
    if (isCurrentTemplate(dir)) {
      // Another build finished first, and others may be copying it now.
      rmSync(building, { recursive: true, force: true });
      return false;
    }
    rmSync(dir, { recursive: true, force: true }); // a stale one
    renameSync(building, dir);
    return true;
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (isCurrentTemplate(dir)) return false;
    throw error;
  }
}

/** Whether `dir` holds a template built from the current migrations and PGlite. */
export function isCurrentTemplate(dir: string): boolean {
  const keyFile = join(dir, KEY_FILE);
  return existsSync(keyFile) && readFileSync(keyFile, "utf8").trim() === pgliteTemplateKey();
}

/**
 * Makes `dataDir` a copy of the template when it is missing or empty and the template is
 * current; says whether it did. Copied beside it and renamed, so a copy cut short is never
 * taken for a database.
 */
export function copyPgliteTemplate(template: string, dataDir: string): boolean {
  const at = statSync(dataDir, { throwIfNoEntry: false });
  // Anything there, even a file, is left for PGlite to open or to refuse.
  if (at && (!at.isDirectory() || readdirSync(dataDir).length > 0)) return false;
  if (!isCurrentTemplate(template)) return false;
  const copying = `${dataDir}.copying`;
  rmSync(copying, { recursive: true, force: true });
  mkdirSync(dirname(dataDir), { recursive: true });
  cpSync(template, copying, { recursive: true });
  rmSync(join(copying, KEY_FILE));
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(copying, dataDir);
  return true;
}
