import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { sellers } from "./sellers";

/** One problem of an import: the file's row (1 = the first data row after the header), column, message. */
export type CatalogImportError = { row: number; column: string; message: string };

/** Raw bytes (PostgreSQL bytea). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A seller's CSV catalog upload and how far it got. The counts are per product row of the
 * file (`rows` read, `processed` so far); `failed` counts the rows of every skipped product
 * group, and `errors` says why (capped, the report is for people). `fileSha256` lets the
 * seller see that a re-upload was the same file; re-applying it changes nothing.
 */
export const catalogImports = pgTable(
  "catalog_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    filename: text().notNull(),
    fileSha256: text().notNull(),
    /** running, done or failed (the file could not be read at all). */
    status: text().notNull().default("running"),
    rows: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    errors: jsonb().$type<CatalogImportError[]>().notNull().default([]),
    message: text(),
    /**
     * The uploaded file while its import waits or runs as a job (a worker process reads it
     * from here); cleared when the import ends.
     */
    file: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("catalog_imports_seller_idx").on(t.sellerId, t.createdAt)],
);
