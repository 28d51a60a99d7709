import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or an open transaction: use cases accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema>;

export type DbHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  ping(): Promise<void>;
  /** Applies committed migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export type CreateDbOptions =
  | { url: string; poolSize?: number; onIdleClientError?: (error: Error) => void }
  | { dataDir: string | null /* null: in memory */ };

/** Opens PostgreSQL when given a URL, otherwise embedded PGlite (persisted when given a dir). */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if ("url" in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover, a dropped test
    // database) is removed from the pool; without a listener Node would crash on it.
    pool.on("error", options.onIdleClientError ?? (() => {}));
    const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      ping: async () => void (await pool.query("select 1")),
      migrate: async () => {
        // A server and a worker starting together must not both run the same migration.
        const lock = await pool.connect();
        try {
          await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
          // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
          await migratePg(db as any, { migrationsFolder });
        } finally {
          await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
          lock.release();
        }
      },
      close: () => pool.end(),
    };
  }
  // Extensions the migrations create must be bundled into the WASM instance up front.
  const extensions = { pg_trgm };
  const client = options.dataDir ? new PGlite(options.dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    ping: async () => void (await client.query("select 1")),
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    migrate: () => migratePglite(db as any, { migrationsFolder }),
    close: () => client.close(),
  };
}

const MIGRATION_LOCK = 724_201_001;
