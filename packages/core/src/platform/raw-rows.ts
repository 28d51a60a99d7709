import type { Database } from "@bazaar/db";
import type { SQL } from "drizzle-orm";

/** Rows of a raw query, the same on node-postgres and PGlite. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
