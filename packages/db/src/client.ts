import { fileURLToPath } from "node:url";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
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

/** Limits that keep one stuck request from holding connections or row locks for ever. */
export type DbTimeouts = {
  /** Waiting for a free pooled connection (or a new one) gives up after this. */
  connectMs: number;
  /** The server cancels any one statement running longer (0: no limit). */
  statementMs: number;
  /** The server ends a session left idle inside an open transaction this long (0: no limit). */
  idleInTransactionMs: number;
};

export const defaultDbTimeouts: DbTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
};

export type CreateDbOptions =
  | {
      url: string;
      poolSize?: number;
      /** Shown in pg_stat_activity, so an operator (or a fault test) can tell processes apart. */
      applicationName?: string;
      timeouts?: Partial<DbTimeouts>;
      /** A pooled connection broke (server restart, failover, pg_terminate_backend). */
      onClientError?: (error: Error) => void;
    }
  | { dataDir: string | null /* null: in memory */ };

/** Opens PostgreSQL when given a URL, otherwise embedded PGlite (persisted when given a dir). */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if ("url" in options) {
    const timeouts = { ...defaultDbTimeouts, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? "bazaar",
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      keepAlive: true,
    });
    const onClientError = options.onClientError ?? (() => {});
    // A connection the server drops emits 'error' on its client. The pool listens only
    // while the client is idle; one checked out by a transaction has no listener, and an
    // unheard 'error' event kills the process. So every client gets a listener for life:
    // the query in flight fails on its own (the edge answers 503), and the pool discards
    // the broken client when it is released.
    pool.on("connect", (client) => client.on("error", onClientError));
    pool.on("error", onClientError);
    releaseBrokenClients(pool);
    const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      ping: async () => void (await pool.query("select 1")),
      migrate: async () => {
        // A server and a worker starting together must not both run the same migration:
        // it runs on the connection holding the lock, free of the statement timeout, since
        // building an index over a large table may rightly take minutes.
        const lock = await pool.connect();
        try {
          await lock.query("set statement_timeout = 0");
          await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
          const onLock = drizzlePg({ client: lock, schema, casing: "snake_case" });
          await migratePg(onLock, { migrationsFolder });
        } finally {
          await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
          // The session setting must not leak to the requests that reuse this connection.
          lock.release(true);
        }
      },
      close: () => pool.end(),
    };
  }
  // Loaded only here, Drizzle's PGlite driver too (it imports PGlite): a process on PostgreSQL
  // does not carry PGlite's module (~8 MB RSS).
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ],
  );
  // Extensions the migrations create must be bundled into the WASM instance up front.
  const extensions = { pg_trgm };
  // PGlite's default 128 MB of shared buffers is written through at start: most of its
  // RSS. 16 MB holds the demo's hot pages; the rest is one page-cached file read away.
  const pgliteOptions = {
    extensions,
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  };
  const client = options.dataDir ? new PGlite(options.dataDir, pgliteOptions) : new PGlite(pgliteOptions);
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
const PGLITE_SHARED_BUFFERS = "16MB";

const checkedOut = new WeakSet<pg.PoolClient>();

/**
 * Drizzle's transaction sends `begin` before its try/finally, so a connection the server
 * kills during `begin` is never released: each such client stays checked out forever, and
 * after `max` of them every query waits for a client until its connect timeout (found by
 * faults.test.ts killing connections under load). A broken client can serve no one, so one
 * still checked out shortly after its error is handed back, discarded, by us.
 */
function releaseBrokenClients(pool: pg.Pool) {
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_err, client) => checkedOut.delete(client));
  pool.on("connect", (client) =>
    client.on("error", (err) => {
      setTimeout(() => {
        if (checkedOut.has(client)) client.release(err);
      }, 5_000).unref();
    }),
  );
}
