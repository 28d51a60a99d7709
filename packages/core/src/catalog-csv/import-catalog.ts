import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { type CatalogImportError, catalogImports } from "@bazaar/db";
import { CATALOG_CSV_COLUMNS, type CatalogImportDto } from "@bazaar/schemas";
import { parse } from "csv-parse";
import { eq, sql } from "drizzle-orm";
import { invalidField } from "../errors";
import { setAuditActor } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { applyGroup, GroupRejected } from "./apply-group";
import type { CsvRow, ProductGroup, RowError } from "./group";
import { getCatalogImport } from "./queries";
import { unsafeCell } from "./spreadsheet-safe";

/** Product groups per transaction: few enough that a lock wait stays short, many enough to be fast. */
const BATCH_GROUPS = 25;
/** The report is for people; past this many problems, more of them add nothing. */
const MAX_ERRORS = 5000;
const REQUIRED = ["handle", "title", "category", "sku", "price_rupees"] as const;

/**
 * Starts importing a catalog CSV as a job (`catalog.import`): the import record is written
 * at once with the file (so the seller app can show it, and a worker process can read the
 * file), then the job applies it. Where the job runs is the runtime's choice: in this
 * process by default, in the worker when Redis is configured. Progress is the record's
 * counts, saved after every batch.
 */
export async function beginCatalogImport(
  deps: Deps,
  actor: SellerActor,
  file: { filename: string; bytes: Buffer },
): Promise<{ importId: string }> {
  const importId = await createImport(deps, actor, file, true);
  await deps.jobs.enqueue("catalog.import", { importId }, { dedupeKey: `catalog-import:${importId}` });
  return { importId };
}

/** A job that stopped unexpectedly is tried this many times in all before the import is failed. */
export const IMPORT_JOB_ATTEMPTS = 3;

/**
 * The `catalog.import` job: applies the file of a running import as the seller who uploaded
 * it. Idempotent: an import that ended (or whose file is gone) is left alone, and a retry
 * after a crash starts the file again, which re-applies nothing (products match by SKU,
 * unchanged rows count as unchanged). The file is dropped when the import ends.
 */
export async function runCatalogImportJob(
  deps: Deps,
  payload: { importId: string },
  ctx: { attempt: number } = { attempt: 1 },
): Promise<void> {
  const [row] = await deps.db
    .select({
      status: catalogImports.status,
      sellerId: catalogImports.sellerId,
      userId: catalogImports.userId,
      file: catalogImports.file,
    })
    .from(catalogImports)
    .where(eq(catalogImports.id, payload.importId));
  if (row?.status !== "running" || !row.file) return;
  if (!row.userId) {
    await fail(deps, payload.importId, "The account that uploaded the file is gone.");
    return;
  }
  const actor: SellerActor = {
    userId: row.userId,
    role: "seller",
    sessionId: `catalog-import:${payload.importId}`,
    sellerId: row.sellerId,
  };
  // What the import audits names the seller who uploaded the file, as when it ran in the request.
  setAuditActor(deps.db, actor);
  try {
    await runImport(deps, actor, payload.importId, row.file);
  } catch (error) {
    if (ctx.attempt < IMPORT_JOB_ATTEMPTS) throw error;
    deps.log.error({ err: error, importId: payload.importId }, "catalog import failed");
    await fail(deps, payload.importId, "The import stopped unexpectedly. Upload the file again.");
    return;
  }
  await deps.db.update(catalogImports).set({ file: null }).where(eq(catalogImports.id, payload.importId));
}

/** Imports the file to the end in this call and answers the finished record (tests, the bench, the CLI). */
export async function importCatalogCsv(
  deps: Deps,
  actor: SellerActor,
  file: { filename: string; bytes: Buffer },
): Promise<CatalogImportDto> {
  const importId = await createImport(deps, actor, file, false);
  try {
    await runImport(deps, actor, importId, file.bytes);
  } catch (error) {
    deps.log.error({ err: error, importId }, "catalog import failed");
    await fail(deps, importId, "The import stopped unexpectedly. Upload the file again.");
  }
  return getCatalogImport(deps, actor, { id: importId });
}

async function createImport(
  deps: Deps,
  actor: SellerActor,
  file: { filename: string; bytes: Buffer },
  keepFile: boolean,
): Promise<string> {
  if (file.bytes.length === 0) throw invalidField("file", "catalog_import.empty", "The file is empty");
  const [row] = await deps.db
    .insert(catalogImports)
    .values({
      sellerId: actor.sellerId,
      userId: actor.userId,
      filename: file.filename.slice(0, 200) || "catalog.csv",
      fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
      ...(keepFile && { file: file.bytes }),
      createdAt: deps.now(),
    })
    .returning({ id: catalogImports.id });
  return row!.id;
}

const fail = (deps: Deps, importId: string, message: string) =>
  deps.db
    .update(catalogImports)
    .set({ status: "failed", message, file: null, finishedAt: deps.now() })
    .where(eq(catalogImports.id, importId));

type Counts = {
  rows: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
};

async function runImport(deps: Deps, actor: SellerActor, importId: string, bytes: Buffer) {
  const counts: Counts = { rows: 0, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  const errors: CatalogImportError[] = [];
  const report = (e: RowError[]) => errors.push(...e.slice(0, Math.max(0, MAX_ERRORS - errors.length)));
  const save = (extra: Partial<typeof catalogImports.$inferInsert> = {}) =>
    deps.db
      .update(catalogImports)
      .set({ ...counts, errors, ...extra })
      .where(eq(catalogImports.id, importId));

  const parser = Readable.from([bytes]).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let header: string[] | null = null;
  let line = 1;
  let group: ProductGroup | null = null;
  const seen = new Set<string>();
  let batch: ProductGroup[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const groups = batch;
    batch = [];
    await applyBatch(deps, actor, groups, counts, report);
    await save();
  };
  const close = async () => {
    if (!group) return;
    batch.push(group);
    group = null;
    if (batch.length >= BATCH_GROUPS) await flush();
  };

  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      line += 1;
      if (!header) {
        header = Object.keys(record);
        const missing = REQUIRED.filter((c) => !header!.includes(c));
        if (missing.length) {
          await save({
            status: "failed",
            message: `The header lacks ${missing.join(", ")}. Export your catalog for a file in the right format.`,
            finishedAt: deps.now(),
          });
          return;
        }
      }
      counts.rows += 1;
      const cells: CsvRow = {};
      for (const c of CATALOG_CSV_COLUMNS) if (record[c] !== undefined) cells[c] = unsafeCell(record[c]);
      const handle = (cells.handle ?? "").trim();
      if (group && group.handle === handle) {
        group.rows.push({ line, cells });
        continue;
      }
      await close();
      if (!handle || seen.has(handle)) {
        counts.failed += 1;
        counts.processed += 1;
        report([
          {
            row: line,
            column: "handle",
            message: handle
              ? "A product's rows must be next to each other; this handle came earlier"
              : "Handle is required",
          },
        ]);
        continue;
      }
      seen.add(handle);
      group = { handle, rows: [{ line, cells }] };
    }
  } catch (error) {
    // A malformed file (an unclosed quote…): what came before is applied, the rest reported.
    await close();
    await flush();
    const where = (error as { lines?: number }).lines;
    report([{ row: where ?? line + 1, column: "", message: (error as Error).message }]);
    await save({
      status: "failed",
      message: "The file is not valid CSV past this row.",
      finishedAt: deps.now(),
    });
    return;
  }
  if (!header) {
    await save({ status: "failed", message: "The file has no rows.", finishedAt: deps.now() });
    return;
  }
  await close();
  await flush();
  await save({ status: "done", finishedAt: deps.now() });
}

/**
 * One transaction for several products, each in its own savepoint: a product whose rows
 * fail leaves nothing behind and the others still apply. The shop's import lock makes two
 * imports of the same file (a double click) take turns, so the second finds the SKUs the
 * first created instead of creating them again.
 */
async function applyBatch(
  deps: Deps,
  actor: SellerActor,
  groups: ProductGroup[],
  counts: Counts,
  report: (e: RowError[]) => void,
) {
  const outcomes: (RowError[] | "created" | "updated" | "unchanged")[] = [];
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog-import:${actor.sellerId}`}))`);
    for (const g of groups) {
      try {
        outcomes.push(await tx.transaction((sp) => applyGroup(deps, sp, actor, g)));
      } catch (error) {
        if (!(error instanceof GroupRejected)) throw error;
        outcomes.push(error.errors);
      }
    }
  });
  // Live products' prices and stock changed: storefront pages cached before must go.
  if (outcomes.includes("updated")) await deps.cache.bump("catalog");
  groups.forEach((g, i) => {
    const o = outcomes[i]!;
    counts.processed += g.rows.length;
    if (Array.isArray(o)) {
      counts.failed += g.rows.length;
      report(o);
    } else counts[o] += g.rows.length;
  });
}
