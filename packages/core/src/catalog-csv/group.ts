import type { CatalogCsvColumn, ProductCreateInput } from "@bazaar/schemas";
import { paiseOf } from "./money";

export type CsvRow = Partial<Record<CatalogCsvColumn, string>>;
/** A product's consecutive rows; `rows[i].line` is the spreadsheet row (the header is row 1). */
export type ProductGroup = { handle: string; rows: { line: number; cells: CsvRow }[] };
export type RowError = { row: number; column: string; message: string };

/** Where a field of ProductCreateInput comes from in the file. */
const PRODUCT_COLUMN: Record<string, CatalogCsvColumn> = {
  title: "title",
  description: "description",
  brand: "brand",
  categoryId: "category",
  hsnCode: "hsn_code",
  gstRateBps: "gst_percent",
  tags: "tags",
  options: "option1_name",
  variants: "sku",
};
const VARIANT_COLUMN: Record<string, CatalogCsvColumn> = {
  sku: "sku",
  price: "price_rupees",
  compareAtPrice: "mrp_rupees",
  weightGrams: "weight_grams",
  stock: "stock",
  optionValues: "option1_value",
};

/**
 * A validation path of the product input (`variants.2.price`, `title`, `options.1.name`) as
 * the file's row and column: a variant's field is on that variant's row, a product's on the
 * group's first row.
 */
export function cellOf(group: ProductGroup, path: (string | number)[]): { row: number; column: string } {
  const first = group.rows[0]!.line;
  if (path[0] === "variants" && typeof path[1] === "number") {
    const row = group.rows[path[1]]?.line ?? first;
    const field = String(path[2] ?? "sku");
    if (field === "optionValues" && path[3] !== undefined)
      return { row, column: optionColumn(group, String(path[3])) };
    return { row, column: VARIANT_COLUMN[field] ?? "sku" };
  }
  if (path[0] === "options" && typeof path[1] === "number")
    return { row: first, column: `option${path[1] + 1}_${path[2] === "values" ? "value" : "name"}` };
  return { row: first, column: PRODUCT_COLUMN[String(path[0])] ?? "handle" };
}

function optionColumn(group: ProductGroup, name: string): string {
  const cells = group.rows[0]!.cells;
  for (const i of [1, 2, 3] as const)
    if ((cells[`option${i}_name`] ?? "").trim() === name) return `option${i}_value`;
  return "option1_value";
}

type CellCheck = { value: unknown; error?: undefined } | { value?: undefined; error: string };

const int = (text: string, max: number, what: string): CellCheck => {
  if (!/^\d{1,9}$/.test(text)) return { error: `${what} is a whole number, 0 or more` };
  const n = Number(text);
  return n > max ? { error: `${what} is at most ${max}` } : { value: n };
};

/**
 * The group as the input of createProduct (category as its slug, resolved by the caller),
 * or the cell errors that stop it: the formats of cells the product schema cannot see
 * (rupees, percents, whole numbers) are checked here, the rest by that schema.
 */
export function groupInput(
  group: ProductGroup,
):
  | { input: Omit<ProductCreateInput, "categoryId"> & { category: string }; errors?: undefined }
  | { errors: RowError[]; input?: undefined } {
  const errors: RowError[] = [];
  const head = group.rows[0]!;
  const cell = (c: CatalogCsvColumn, cells = head.cells) => (cells[c] ?? "").trim();
  const optionNames = ([1, 2, 3] as const)
    .map((i) => ({ i, name: cell(`option${i}_name`) }))
    .filter((o) => o.name !== "");
  const options = optionNames.map((o) => ({ name: o.name, values: [] as string[] }));

  let gstRateBps: 0 | 500 | 1200 | 1800 | 2800 | undefined;
  const gst = cell("gst_percent");
  if (gst !== "") {
    if (!/^\d{1,2}(\.0+)?$/.test(gst) || ![0, 5, 12, 18, 28].includes(Number(gst)))
      errors.push({ row: head.line, column: "gst_percent", message: "GST is 0, 5, 12, 18 or 28 (percent)" });
    else gstRateBps = (Number(gst) * 100) as typeof gstRateBps;
  }

  const variants = group.rows.map(({ line, cells }) => {
    const optionValues: Record<string, string> = {};
    for (const { i, name } of optionNames) {
      const value = cell(`option${i}_value`, cells);
      optionValues[name] = value;
      const opt = options.find((o) => o.name === name)!;
      if (value !== "" && !opt.values.includes(value)) opt.values.push(value);
    }
    const price = paiseOf(cell("price_rupees", cells));
    if (price === null)
      errors.push({ row: line, column: "price_rupees", message: "Price is rupees like 899 or 899.50" });
    const mrpText = cell("mrp_rupees", cells);
    const mrp = mrpText === "" ? null : paiseOf(mrpText);
    if (mrpText !== "" && mrp === null)
      errors.push({ row: line, column: "mrp_rupees", message: "MRP is rupees like 999 or 999.00, or empty" });
    const weightText = cell("weight_grams", cells);
    const weight = weightText === "" ? { value: null } : int(weightText, 1_000_000, "Weight");
    if (weight.error) errors.push({ row: line, column: "weight_grams", message: weight.error });
    const stockText = cell("stock", cells);
    const stock = stockText === "" ? { value: undefined } : int(stockText, 1_000_000, "Stock");
    if (stock.error) errors.push({ row: line, column: "stock", message: stock.error });
    return {
      sku: cell("sku", cells),
      optionValues,
      price: price ?? 0,
      compareAtPrice: mrp,
      weightGrams: weight.value as number | null,
      stock: stock.value as number | undefined,
    };
  });
  if (errors.length) return { errors };
  const hsn = cell("hsn_code");
  const tags = cell("tags");
  return {
    input: {
      title: cell("title"),
      description: head.cells.description ?? "",
      brand: cell("brand") || null,
      category: cell("category"),
      hsnCode: hsn || null,
      ...(gstRateBps !== undefined && { gstRateBps }),
      tags: tags
        ? tags
            .split("|")
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
      options,
      variants,
    },
  };
}
