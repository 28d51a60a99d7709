import { AsyncLocalStorage } from "node:async_hooks";
import type { Database } from "@bazaar/db";
import type { Logger } from "drizzle-orm";

type Session = { logger: Logger; options: { logger?: Logger } };

/**
 * Test-only: counts the SQL statements a piece of code sends, by listening on Drizzle's query
 * log (an observer: every statement still runs on the real database). Only statements sent
 * from inside `count(fn)` are counted, so concurrent work (jobs the in-process queue runs, other
 * requests) does not blur the figure. `begin`/`commit` count on PostgreSQL (Drizzle sends them
 * as statements) but not on PGlite (its client sends them itself).
 */
export function statementCounter(db: Database) {
  const scope = new AsyncLocalStorage<string[]>();
  const session = (db as unknown as { session: Session }).session;
  const previous = session.logger;
  const previousOption = session.options.logger;
  const logger: Logger = {
    logQuery(query, params) {
      scope.getStore()?.push(query);
      previous.logQuery(query, params);
    },
  };
  // A transaction opens a new session from the same options, so set both.
  session.logger = logger;
  session.options.logger = logger;
  return {
    /** Runs `fn`, and returns its result with the statements it sent, in order. */
    async count<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const statements: string[] = [];
      const result = await scope.run(statements, fn);
      return { result, statements };
    },
    /** Runs `fn` outside any counting scope (work it starts is not counted either). */
    outside<T>(fn: () => T): T {
      return scope.exit(fn);
    },
    stop() {
      session.logger = previous;
      session.options.logger = previousOption;
    },
  };
}
