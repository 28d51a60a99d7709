import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type DbHandle } from "../client";
import {
  buildPgliteTemplate,
  copyPgliteTemplate,
  migrationsHash,
  pgliteTemplateKey,
} from "../pglite-template";

/**
 * A fresh, migrated database for one test file. With DATABASE_URL set it is a new
 * PostgreSQL database cloned from a migrated template (CREATE DATABASE … TEMPLATE);
 * otherwise a PGlite data dir copied from a migrated template dir. Both templates are
 * keyed by a hash of the migrations (PGlite's also by its version), so a new migration
 * rebuilds them.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDb(url) : createPgliteTestDb();
}

async function createPgliteTestDb(): Promise<DbHandle> {
  const template = join(tmpdir(), `bazaar-pglite-template-${pgliteTemplateKey()}`);
  await buildPgliteTemplate(template);
  const dir = mkdtempSync(join(tmpdir(), "bazaar-pglite-test-"));
  if (!copyPgliteTemplate(template, dir)) throw new Error(`could not copy the PGlite template ${template}`);
  const handle = await createDb({ dataDir: dir });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createPostgresTestDb(url: string): Promise<DbHandle> {
  const template = `bazaar_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(724201002)");
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      // Built under another name and renamed when complete, so a failed build never
      // leaves a half-migrated template behind for later runs to trust.
      const building = `${template}_building`;
      await admin.query(`drop database if exists "${building}" with (force)`);
      await admin.query(`create database "${building}"`);
      const handle = await createDb({ url: withDatabase(url, building), poolSize: 2 });
      await handle.migrate();
      await handle.close();
      await admin.query(`alter database "${building}" rename to "${template}"`);
    }
    const name = `bazaar_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.query("select pg_advisory_unlock(724201002)");
    const handle = await createDb({ url: withDatabase(url, name), poolSize: 20 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  } catch (error) {
    await admin.end();
    throw error;
  }
}
