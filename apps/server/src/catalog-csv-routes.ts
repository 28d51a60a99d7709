import {
  authenticateBearer,
  beginCatalogImport,
  catalogImportErrorReport,
  DomainError,
  exportCatalogCsv,
  getCatalogImport,
  type Runtime,
  requireApprovedSeller,
} from "@bazaar/core";
import { CATALOG_CSV_MAX_BYTES, Id } from "@bazaar/schemas";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { routeErrorHandler, toDomainError } from "./http-errors";

const MB = CATALOG_CSV_MAX_BYTES / 1024 / 1024;
const fileError = (reason: string, message: string) =>
  new DomainError("VALIDATION", reason, message, { fieldErrors: { file: [message] } });

/**
 * The seller's catalog as files (#16), an encapsulated plugin (multipart stays inside it):
 * - `GET /api/seller/catalog.csv`: the shop's catalog, streamed.
 * - `POST /api/seller/catalog-imports`: one multipart CSV file (at most CATALOG_CSV_MAX_BYTES);
 *   answers `202 { import: CatalogImportDto }` at once; a `catalog.import` job applies the file
 *   (in this process, or in the worker when Redis is configured) and the seller app polls
 *   `seller.catalogImport.get` for progress.
 * - `GET /api/seller/catalog-imports/:id/errors.csv`: that import's error report.
 * The shop always comes from the token, never the address. Errors as on every route.
 */
export async function catalogCsvRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { deps } = options.runtime;
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: {
      fileSize: CATALOG_CSV_MAX_BYTES,
      files: 1,
      fields: 5,
      fieldSize: 1024,
      parts: 6,
      headerPairs: 100,
    },
  });
  app.setErrorHandler(routeErrorHandler("catalog csv route", multipartError));

  const seller = async (req: FastifyRequest) => {
    const actor = await authenticateBearer(deps, bearerToken(req));
    if (actor.role !== "seller")
      throw new DomainError("FORBIDDEN", "auth.role_required", "This needs a seller account", {
        requiredRoles: ["seller"],
      });
    return requireApprovedSeller(deps, actor);
  };

  app.get("/api/seller/catalog.csv", async (req, reply) => {
    const actor = await seller(req);
    const day = deps.now().toISOString().slice(0, 10);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="catalog-${day}.csv"`)
      .header("cache-control", "private, no-store")
      .send(exportCatalogCsv(deps, actor));
  });

  app.post("/api/seller/catalog-imports", async (req, reply) => {
    const actor = await seller(req);
    const file = await readCsv(req);
    const { importId } = await beginCatalogImport(deps, actor, file);
    return reply.code(202).send({ import: await getCatalogImport(deps, actor, { id: importId }) });
  });

  app.get<{ Params: { id: string } }>("/api/seller/catalog-imports/:id/errors.csv", async (req, reply) => {
    const actor = await seller(req);
    if (!Id.safeParse(req.params.id).success)
      throw new DomainError("NOT_FOUND", "catalog_import.not_found", "Import not found");
    const f = await catalogImportErrorReport(deps, actor, { id: req.params.id });
    return reply
      .header("content-type", f.contentType)
      .header("content-disposition", `attachment; filename="${f.filename}"`)
      .header("cache-control", "private, no-store")
      .send(f.body);
  });
}

async function readCsv(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!req.isMultipart())
    throw new DomainError(
      "VALIDATION",
      "catalog_import.multipart_required",
      "Send the CSV as multipart/form-data.",
    );
  try {
    const part = await req.file();
    if (!part) throw fileError("catalog_import.file_required", "Choose a CSV file to upload.");
    return { bytes: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    throw (
      toDomainError(error, multipartError) ??
      fileError("catalog_import.upload_incomplete", "The upload was cut short or malformed. Try again.")
    );
  }
}

function multipartError(error: unknown): DomainError | undefined {
  switch ((error as { code?: unknown } | null)?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return fileError("catalog_import.too_large", `A catalog file can be at most ${MB} MB.`);
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return fileError("catalog_import.too_many_parts", "Upload one CSV file at a time.");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new DomainError(
        "VALIDATION",
        "catalog_import.multipart_required",
        "Send the CSV as multipart/form-data.",
      );
    case "FST_MP_PREMATURE_CLOSE":
      return fileError("catalog_import.upload_incomplete", "The upload was cut short. Try again.");
  }
  return undefined;
}
