import { catalogImports } from "@bazaar/db";
import {
  type CatalogImportDto,
  CatalogImportGetInput,
  CatalogImportListInput,
  type Page,
} from "@bazaar/schemas";
import { stringify } from "csv-stringify/sync";
import { and, desc, eq, getTableColumns, lt, or } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";

/** Every column but the uploaded file, which only the import job reads. */
const { file: _file, ...columns } = getTableColumns(catalogImports);
type Row = Omit<typeof catalogImports.$inferSelect, "file">;

/**
 * An import whose job was lost (an in-process job dies with its server; a worker's job runs
 * out of retries without marking it) would read "running" for ever. 10,000 rows take well
 * under a minute, so after this long it is shown as stopped: uploading the same file again
 * is safe (it applies by SKU).
 */
const STALE_MS = 30 * 60_000;

const toDto = ({ errors, sellerId: _s, userId: _u, ...r }: Row, now: Date): CatalogImportDto => {
  const stale = r.status === "running" && now.getTime() - r.createdAt.getTime() > STALE_MS;
  return {
    ...r,
    status: stale ? "failed" : (r.status as CatalogImportDto["status"]),
    message: stale
      ? "The import stopped before the end. Upload the file again: done rows stay as they are."
      : r.message,
    errorCount: errors.length,
  };
};

/** The shop's own import; another shop's id is indistinguishable from a missing one. */
async function ownImport(deps: Deps, actor: SellerActor, id: string): Promise<Row> {
  const [row] = await deps.db
    .select(columns)
    .from(catalogImports)
    .where(and(eq(catalogImports.id, id), eq(catalogImports.sellerId, actor.sellerId)));
  if (!row) throw notFound("catalog_import.not_found", "Import not found");
  return row;
}

export async function getCatalogImport(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof CatalogImportGetInput>,
): Promise<CatalogImportDto> {
  const { id } = CatalogImportGetInput.parse(raw);
  return toDto(await ownImport(deps, actor, id), deps.now());
}

export async function listCatalogImports(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof CatalogImportListInput>,
): Promise<Page<CatalogImportDto>> {
  const input = CatalogImportListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select(columns)
    .from(catalogImports)
    .where(
      and(
        eq(catalogImports.sellerId, actor.sellerId),
        cursor
          ? or(
              lt(catalogImports.createdAt, cursor.createdAt),
              and(eq(catalogImports.createdAt, cursor.createdAt), lt(catalogImports.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(catalogImports.createdAt), desc(catalogImports.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: p.items.map((r) => toDto(r, deps.now())), nextCursor: p.nextCursor };
}

/** The import's problems as a CSV to open next to the file: row (the header is row 1), column, message. */
export async function catalogImportErrorReport(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof CatalogImportGetInput>,
): Promise<{ filename: string; contentType: string; body: string }> {
  const { id } = CatalogImportGetInput.parse(raw);
  const row = await ownImport(deps, actor, id);
  return {
    filename: `import-${id.slice(0, 8)}-errors.csv`,
    contentType: "text/csv; charset=utf-8",
    body: stringify(row.errors, { header: true, columns: ["row", "column", "message"] }),
  };
}
