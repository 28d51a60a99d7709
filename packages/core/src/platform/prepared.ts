import type { Database } from "@bazaar/db";
import { fillPlaceholders, type Query, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

type Session = {
  prepareQuery(
    query: Query,
    fields: undefined,
    name: string | undefined,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> };
};

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * A hot statement whose SQL text is built once, at its first use, from `build()` (a Drizzle
 * `sql` template with `sql.placeholder(name)` for every value that changes), and sent as a
 * named prepared statement: on PostgreSQL each pooled connection parses it once and may keep
 * its plan, and the API skips Drizzle's query building on every call. PGlite ignores the
 * name and runs it as any parameterized query. Rows come back as `rowsOf` returns them
 * (column names as written, timestamps as text), and Drizzle's query log still sees every
 * execution, so statement counts stay honest.
 *
 * The text must not depend on the values: pass lists as one array parameter
 * (`= any(${sql.placeholder("ids")}::uuid[])`), never as `in (…)` of varying length.
 */
export function preparedStatement<Row, Values extends Record<string, unknown>>(
  name: string,
  build: () => SQL,
): (db: Database, values: Values) => Promise<Row[]> {
  let query: Query | undefined;
  return async (db, values) => {
    query ??= dialect.sqlToQuery(build());
    const session = (db as unknown as { session: Session }).session;
    const params = fillPlaceholders(query.params, values);
    const result = await session.prepareQuery({ sql: query.sql, params }, undefined, name, false).execute();
    return (result as { rows: Row[] }).rows;
  };
}

/** A JavaScript list as one PostgreSQL array parameter (`{a,b}`), for `= any($1::uuid[])`. */
export const pgArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
