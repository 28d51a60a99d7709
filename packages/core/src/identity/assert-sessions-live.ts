import { type Database, sessions, users } from "@bazaar/db";
import { eq, inArray } from "drizzle-orm";
import { rootDb } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { liveActor } from "./authenticate";

type Waiter = {
  who: { userId: string; sessionId: string };
  resolve: (a: Actor) => void;
  reject: (e: unknown) => void;
};

/** Checks asked for in the current turn of the event loop, per database handle. */
const batches = new WeakMap<Database, Waiter[]>();
const CHUNK = 500;

/**
 * `assertSessionLive` for live streams: the same checks (`liveActor`), but every check asked
 * for in one turn of the event loop shares one query. One event fanned out to a thousand
 * open streams re-checks a thousand sessions before it is delivered; asked one by one, that
 * is a thousand round trips queued on the pool (and every request behind them waits); here
 * it is one `where id in (…)` per 500 sessions. A session is never judged from a stale
 * read: the query runs after the check was asked for.
 */
export function assertSessionLiveBatched(
  deps: Pick<Deps, "db" | "now">,
  who: { userId: string; sessionId: string },
): Promise<Actor> {
  return new Promise<Actor>((resolve, reject) => {
    // Per database, not per handle: each stream's handle is its own (withAuditScope).
    const db = rootDb(deps.db);
    let batch = batches.get(db);
    if (!batch) {
      batch = [];
      batches.set(db, batch);
      const mine = batch;
      setImmediate(() => {
        batches.delete(db);
        void flush(deps, mine);
      });
    }
    batch.push({ who, resolve, reject });
  });
}

async function flush(deps: Pick<Deps, "db" | "now">, batch: Waiter[]) {
  const ids = [...new Set(batch.map((w) => w.who.sessionId))];
  try {
    const rows = new Map<string, Parameters<typeof liveActor>[0]>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await deps.db
        .select({
          id: sessions.id,
          role: users.role,
          status: users.status,
          revokedAt: sessions.revokedAt,
          expiresAt: sessions.expiresAt,
          userId: users.id,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(inArray(sessions.id, ids.slice(i, i + CHUNK)));
      for (const { id, ...row } of found) rows.set(id, row);
    }
    const now = deps.now();
    for (const w of batch) {
      try {
        w.resolve(liveActor(rows.get(w.who.sessionId), w.who, now));
      } catch (e) {
        w.reject(e);
      }
    }
  } catch (e) {
    for (const w of batch) w.reject(e);
  }
}
