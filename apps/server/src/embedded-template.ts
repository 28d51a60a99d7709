import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "@bazaar/core";
import { copyPgliteTemplate } from "@bazaar/db";

/**
 * The migrated PGlite data directory the build leaves beside the bundle
 * (build-pglite-template.ts). Resolved from this file's source path, which the bundle keeps,
 * so the built server and `tsx src/main.ts` find the same one.
 */
export const PGLITE_TEMPLATE = fileURLToPath(new URL("../dist/pglite-template", import.meta.url));

/**
 * A new embedded database starts as a copy of the build's template rather than from initdb
 * and every migration: ~0.3 s instead of ~4 s of the first start (#14). Without a template
 * (no build yet) or with a stale one, PGlite creates and migrates the database as before.
 */
export function startFromTemplate(config: Config): boolean {
  if (config.databaseUrl) return false;
  return copyPgliteTemplate(PGLITE_TEMPLATE, join(config.dataDir, "pglite"));
}
