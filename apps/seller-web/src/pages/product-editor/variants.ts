import { formatCount } from "@bazaar/client/format";
import type { VariantDto } from "@bazaar/schemas";
import { type ParsedRupees, paiseToRupeesText, parseRupees } from "@bazaar/ui";

/** An option as edited: values typed comma-separated ("S, M, L"). */
export type OptionDraft = { key: string; name: string; valuesText: string };
export type ProductOption = { name: string; values: string[] };

/** One row of the variant matrix, as text the seller typed. */
export type VariantDraft = {
  /** Set for a variant that already exists. */
  id?: string;
  /** Stock of an existing variant (changed only through a stock adjustment). */
  stock?: number;
  enabled: boolean;
  sku: string;
  price: string;
  compareAt: string;
  weight: string;
  /** Initial stock of a new variant. */
  initialStock: string;
};

export const emptyVariant = (): VariantDraft => ({
  enabled: true,
  sku: "",
  price: "",
  compareAt: "",
  weight: "",
  initialStock: "",
});

/** "S, M,  L, m" → ["S", "M", "L"]: trimmed, empty and repeated (case-insensitively) values dropped. */
export function splitValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(",")) {
    const value = raw.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

/** The options to save: unnamed options with no values are left out. */
export function toOptions(drafts: readonly OptionDraft[]): ProductOption[] {
  return drafts
    .map((d) => ({ name: d.name.trim(), values: splitValues(d.valuesText) }))
    .filter((o) => o.name !== "" || o.values.length > 0);
}

/** Every combination of option values, in option order: one matrix row each. */
export function combinations(options: readonly ProductOption[]): Record<string, string>[] {
  const usable = options.filter((o) => o.name && o.values.length > 0);
  let combos: Record<string, string>[] = [{}];
  for (const option of usable) {
    combos = combos.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.name]: value })));
  }
  return combos;
}

/** A stable key for a combination, independent of the object's key order. */
export function comboKey(options: readonly ProductOption[], values: Record<string, string>): string {
  return JSON.stringify(
    options.filter((o) => o.name && o.values.length > 0).map((o) => values[o.name] ?? null),
  );
}

/** "Red / M", or "Default" for a product without options. */
export function comboLabel(values: Record<string, string>): string {
  const parts = Object.values(values);
  return parts.length ? parts.join(" / ") : "Default";
}

/**
 * Rows for the existing variants of a product, keyed by their combination. Combinations the
 * seller chose not to sell stay unticked (rather than coming back as empty rows to fill).
 */
export function draftsFromVariants(
  options: readonly ProductOption[],
  variants: readonly VariantDto[],
): Record<string, VariantDraft> {
  const rows: Record<string, VariantDraft> = {};
  if (variants.length > 0) {
    for (const values of combinations(options))
      rows[comboKey(options, values)] = { ...emptyVariant(), enabled: false };
  }
  for (const v of variants) {
    rows[comboKey(options, v.optionValues)] = {
      id: v.id,
      stock: v.stock,
      enabled: true,
      sku: v.sku,
      price: paiseToRupeesText(v.price),
      compareAt: v.compareAtPrice ? paiseToRupeesText(v.compareAtPrice) : "",
      weight: v.weightGrams == null ? "" : String(v.weightGrams),
      initialStock: "",
    };
  }
  return rows;
}

/** "handloom-cotton-saree" + {Size: "M"} → "HANDLOOM-COTTON-SAREE-M", clipped to fit a SKU. */
export function suggestSku(title: string, values: Record<string, string>): string {
  const part = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toUpperCase();
  const base = part(title).split("-").filter(Boolean).slice(0, 3).join("-") || "SKU";
  return [base, ...Object.values(values).map(part)].filter(Boolean).join("-").slice(0, 64);
}

export type VariantPayload = {
  id?: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  weightGrams: number | null;
  stock?: number;
};

export type MatrixRow = { key: string; values: Record<string, string>; draft: VariantDraft };

const wholeNumber = (
  text: string,
  label: string,
  max: number,
): { ok: true; n: number } | { ok: false; error: string } => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: `${label} is a whole number` };
  const n = Number(t);
  return n > max ? { ok: false, error: `${label} is at most ${formatCount(max)}` } : { ok: true, n };
};

/**
 * The variants to send, or the problems to show beside each cell (keyed `rowKey.field`).
 * Prices go through `parseRupees`, so the payload only ever holds whole paise.
 */
export function buildVariants(
  rows: readonly MatrixRow[],
): { ok: true; variants: VariantPayload[]; keys: string[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const variants: VariantPayload[] = [];
  const keys: string[] = [];
  for (const { key, values, draft } of rows) {
    if (!draft.enabled) continue;
    const price: ParsedRupees = parseRupees(draft.price);
    if (!price.ok) errors[`${key}.price`] = price.error;
    let compareAtPrice: number | null = null;
    if (draft.compareAt.trim()) {
      const c = parseRupees(draft.compareAt);
      if (!c.ok) errors[`${key}.compareAt`] = c.error;
      else if (price.ok && c.paise <= price.paise)
        errors[`${key}.compareAt`] = "Must be higher than the price";
      else compareAtPrice = c.paise;
    }
    let weightGrams: number | null = null;
    if (draft.weight.trim()) {
      const w = wholeNumber(draft.weight, "Weight", 1_000_000);
      if (!w.ok) errors[`${key}.weight`] = w.error;
      else weightGrams = w.n;
    }
    let stock: number | undefined;
    if (!draft.id && draft.initialStock.trim()) {
      const s = wholeNumber(draft.initialStock, "Stock", 1_000_000);
      if (!s.ok) errors[`${key}.initialStock`] = s.error;
      else stock = s.n;
    }
    if (!draft.sku.trim()) errors[`${key}.sku`] = "SKU is required";
    if (price.ok) {
      variants.push({
        ...(draft.id && { id: draft.id }),
        sku: draft.sku.trim(),
        optionValues: values,
        price: price.paise,
        compareAtPrice,
        weightGrams,
        ...(stock !== undefined && { stock }),
      });
      keys.push(key);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (variants.length === 0) return { ok: false, errors: { _matrix: "Include at least one variant" } };
  return { ok: true, variants, keys };
}

/**
 * Server field errors (`variants.2.sku`, `variants.0.optionValues.Size`) moved onto the
 * matrix rows they belong to, using the row keys in the order they were sent.
 */
export function matrixErrors(
  fieldErrors: Record<string, string>,
  sentKeys: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const fields: Record<string, string> = {
    sku: "sku",
    price: "price",
    compareAtPrice: "compareAt",
    weightGrams: "weight",
    stock: "initialStock",
  };
  for (const [path, message] of Object.entries(fieldErrors)) {
    const m = /^variants\.(\d+)(?:\.(.+))?$/.exec(path);
    const key = m ? sentKeys[Number(m[1])] : undefined;
    if (!m || key === undefined) continue;
    const field = m[2]?.split(".")[0];
    out[`${key}.${(field && fields[field]) ?? "row"}`] = message;
  }
  return out;
}
