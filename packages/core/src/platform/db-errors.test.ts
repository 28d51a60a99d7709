import { createDb, type DbHandle } from "@bazaar/db";
import { createTestDb } from "@bazaar/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { classifyDbError } from "./db-errors";

// Every error here is produced by real SQL against the test database (PGlite, or PostgreSQL
// when DATABASE_URL is set) and arrives exactly as use cases see it: wrapped by Drizzle.
const onPostgres = !!process.env.DATABASE_URL;
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

/** The error a statement fails with; the test fails if it succeeds. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error("expected the statement to fail");
}

const classified = async (run: () => Promise<unknown>) => {
  const e = classifyDbError(await failure(run));
  return e && { code: e.code, reason: e.reason, message: e.message, details: e.details };
};

/** Runs statements in one transaction, so a temporary table lives on one connection. */
const inTx = (...statements: ReturnType<typeof sql>[]) =>
  h.db.transaction(async (tx) => {
    for (const s of statements) await tx.execute(s);
  });

describe("database errors that are the client's fault become VALIDATION (400)", () => {
  const cases: [string, () => Promise<unknown>, string, string][] = [
    ["text that is not a UUID", () => h.db.execute(sql`select ${"-".repeat(36)}::uuid`), "22P02", "format"],
    ["a NUL byte in text", () => h.db.execute(sql`select ${"a\u0000b"}::text`), "22021", "characters"],
    [
      "a NUL escape in JSON",
      () => h.db.execute(sql`select ${JSON.stringify({ a: "x\u0000" })}::jsonb ->> 'a'`),
      "22P05",
      "characters",
    ],
    ["year 0", () => h.db.execute(sql`select ${"0000-01-01T00:00:00.000Z"}::timestamptz`), "22008", "date"],
    [
      "JavaScript's form of year 275760",
      () => h.db.execute(sql`select ${new Date(8.64e15).toISOString()}::timestamptz`),
      "22009",
      "date",
    ],
    [
      "a date that is not one",
      () => h.db.execute(sql`select ${"yesterday-ish"}::timestamptz`),
      "22007",
      "date",
    ],
    ["an int out of range", () => h.db.execute(sql`select ${"9999999999"}::int`), "22003", "number"],
    [
      "text too long for its column",
      () =>
        inTx(
          sql`create temp table short_text (v varchar(3)) on commit drop`,
          sql`insert into short_text values (${"abcdef"})`,
        ),
      "22001",
      "too long",
    ],
    [
      "a value too big for its index",
      () =>
        inTx(
          sql`create temp table indexed (v text) on commit drop`,
          sql`create index on indexed (v)`,
          // Varied characters, so compression cannot shrink it under the index row limit.
          sql`insert into indexed values (${Array.from({ length: 300_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join("")})`,
        ),
      "54000",
      "too large",
    ],
  ];

  for (const [what, run, sqlState, says] of cases)
    it(`${what} (${sqlState})`, async () => {
      const e = await classified(run);
      expect(e).toMatchObject({
        code: "VALIDATION",
        reason: "validation.invalid_value",
        details: { sqlState },
      });
      expect(e!.message.toLowerCase()).toContain(says);
    });
});

describe("errors that mean the database is unavailable become UNAVAILABLE (503)", () => {
  const unavailable = {
    code: "UNAVAILABLE",
    reason: "service.unavailable",
    message: "The service is busy or restarting. Please try again shortly.",
  };

  it("a connection refused (ECONNREFUSED)", async () => {
    const nowhere = await createDb({
      url: "postgres://bazaar:x@127.0.0.1:1/none",
      timeouts: { connectMs: 2_000 },
    });
    try {
      expect(await classified(() => nowhere.db.execute(sql`select 1`))).toMatchObject(unavailable);
    } finally {
      await nowhere.close();
    }
  });

  it("a pool that was shut down", async () => {
    const gone = await createDb({ url: "postgres://bazaar:x@127.0.0.1:1/none" });
    await gone.close();
    expect(await classified(() => gone.db.execute(sql`select 1`))).toMatchObject(unavailable);
  });

  // Its own embedded database: closing the one this file shares would fail every test after it.
  it.skipIf(onPostgres)("a closed embedded database", async () => {
    const closed = await createTestDb();
    await closed.close();
    expect(await classified(() => closed.db.execute(sql`select 1`))).toMatchObject(unavailable);
  });

  it.runIf(onPostgres)("a statement timeout (57014)", async () => {
    const run = () => inTx(sql`set local statement_timeout = 50`, sql`select pg_sleep(2)`);
    expect(await classified(run)).toMatchObject(unavailable);
  });

  it.runIf(onPostgres)("a deadlock between two transactions (40P01), which a retry resolves", async () => {
    await h.db.execute(sql`create table deadlocked (id int primary key, v int not null)`);
    await h.db.execute(sql`insert into deadlocked values (1, 0), (2, 0)`);
    // Each takes its first row, waits for the other to do the same, then reaches for the other's.
    let arrived = 0;
    const bothHoldOne = () =>
      new Promise<void>((resolve) => {
        arrived++;
        const check = () => (arrived === 2 ? resolve() : setTimeout(check, 5));
        check();
      });
    const crossing = (first: number, second: number) =>
      h.db.transaction(async (tx) => {
        await tx.execute(sql`update deadlocked set v = v + 1 where id = ${first}`);
        await bothHoldOne();
        await tx.execute(sql`update deadlocked set v = v + 1 where id = ${second}`);
      });
    const results = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const cause = (lost.reason as { cause?: { code?: string } }).cause;
    expect([cause?.code, classifyDbError(lost.reason)?.code]).toEqual(["40P01", "UNAVAILABLE"]);
  });

  it.runIf(onPostgres)("a connection the server terminates (57P01)", async () => {
    expect(
      await classified(() => h.db.execute(sql`select pg_terminate_backend(pg_backend_pid())`)),
    ).toMatchObject(unavailable);
  });
});

describe("anything else is left alone: a bug, logged as one", () => {
  it("a unique violation, a syntax error, an unknown table, a plain error, a DomainError", async () => {
    const dup = () =>
      inTx(
        sql`create temp table once (v int primary key) on commit drop`,
        sql`insert into once values (1), (1)`,
      );
    expect(classifyDbError(await failure(dup))).toBeUndefined();
    expect(classifyDbError(await failure(() => h.db.execute(sql`selec 1`)))).toBeUndefined();
    expect(
      classifyDbError(await failure(() => h.db.execute(sql`select * from no_such_table`))),
    ).toBeUndefined();
    expect(classifyDbError(new TypeError("x is undefined"))).toBeUndefined();
    expect(classifyDbError(new DomainError("NOT_FOUND", "x.not_found", "No"))).toBeUndefined();
    expect(classifyDbError(null)).toBeUndefined();
  });
});
