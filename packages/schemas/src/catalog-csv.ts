import { z } from "zod";
import { Id, PageInput } from "./common";

/** The largest catalog CSV a seller may upload. */
export const CATALOG_CSV_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The columns of the catalog CSV, export and import alike, in order. One row per variant;
 * a product's rows carry the same `handle` (its slug on export). Prices are rupees with
 * two decimals (the header says so); `status` is exported for reading and ignored on import.
 */
export const CATALOG_CSV_COLUMNS = [
  "handle",
  "title",
  "category",
  "brand",
  "description",
  "status",
  "hsn_code",
  "gst_percent",
  "tags",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
  "sku",
  "price_rupees",
  "mrp_rupees",
  "weight_grams",
  "stock",
] as const;
export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

export const CatalogImportGetInput = z.object({ id: Id });
export const CatalogImportListInput = PageInput;

export type CatalogImportErrorDto = { row: number; column: string; message: string };
export type CatalogImportDto = {
  id: string;
  filename: string;
  fileSha256: string;
  status: "running" | "done" | "failed";
  rows: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errorCount: number;
  message: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};
