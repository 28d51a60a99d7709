import { formatRupees } from "@bazaar/client/format";
import type { SaleEventDto, SellerProductDto } from "@bazaar/schemas";
import {
  discountPercent,
  paiseToRupeesText,
  parseDateTimeLocal,
  parseRupees,
  toDateTimeLocal,
} from "@bazaar/ui";

/** One variant on sale, as the seller edits it: the sale price as rupee text. */
export type SaleItemDraft = {
  variantId: string;
  productTitle: string;
  /** "Red / M", empty when unknown (items of a saved sale carry only the SKU). */
  variantLabel: string;
  sku: string;
  /** Regular price, paise. */
  price: number;
  salePrice: string;
};

export type SaleDraft = { name: string; startsAt: string; endsAt: string; items: SaleItemDraft[] };

export function saleDraft(sale?: SaleEventDto): SaleDraft {
  return {
    name: sale?.name ?? "",
    startsAt: sale ? toDateTimeLocal(sale.startsAt) : "",
    endsAt: sale ? toDateTimeLocal(sale.endsAt) : "",
    items: (sale?.items ?? []).map((i) => ({
      variantId: i.variantId,
      productTitle: i.productTitle,
      variantLabel: "",
      sku: i.sku,
      price: i.price,
      salePrice: paiseToRupeesText(i.salePrice),
    })),
  };
}

/** "Red / M", or "" for a product without options. */
export const variantLabel = (optionValues: Record<string, string>) => Object.values(optionValues).join(" / ");

/** A variant of a product from the catalogue, ready to be given a sale price. */
export function itemFromVariant(
  product: Pick<SellerProductDto, "title">,
  variant: SellerProductDto["variants"][number],
): SaleItemDraft {
  return {
    variantId: variant.id,
    productTitle: product.title,
    variantLabel: variantLabel(variant.optionValues),
    sku: variant.sku,
    price: variant.price,
    salePrice: "",
  };
}

export type SaleInput = {
  name: string;
  startsAt?: Date;
  endsAt?: Date;
  items: { variantId: string; salePrice: number }[];
};

/**
 * The call's input, or the problems to show, keyed like `saleItemErrors` keys them
 * (`<variantId>.salePrice`) or by field. Given the values a saved sale started from, times
 * left as they were are not sent, so saving does not shift them by the hidden seconds.
 */
export function salePayload(
  draft: SaleDraft,
  initial?: SaleDraft,
): { ok: true; input: SaleInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const when = (key: "startsAt" | "endsAt") => {
    const parsed = parseDateTimeLocal(draft[key]);
    if (parsed.ok) return parsed.date;
    errors[key] = parsed.error;
    return undefined;
  };
  const startsAt = when("startsAt");
  const endsAt = when("endsAt");
  const items: SaleInput["items"] = [];
  for (const item of draft.items) {
    const parsed = parseRupees(item.salePrice);
    if (!parsed.ok) errors[`${item.variantId}.salePrice`] = parsed.error.replace("a price", "the sale price");
    else if (parsed.paise >= item.price)
      errors[`${item.variantId}.salePrice`] = `Must be below the regular price, ${formatRupees(item.price)}`;
    else items.push({ variantId: item.variantId, salePrice: parsed.paise });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: SaleInput = { name: draft.name, items };
  if (startsAt && draft.startsAt !== initial?.startsAt) input.startsAt = startsAt;
  if (endsAt && draft.endsAt !== initial?.endsAt) input.endsAt = endsAt;
  return { ok: true, input };
}

/**
 * Server field errors on items (`items.2.salePrice`, `items.0.variantId`, `items.1`) moved
 * onto the variants they belong to, using the variant ids in the order they were sent.
 */
export function saleItemErrors(
  fieldErrors: Record<string, string>,
  sentVariantIds: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const m = /^items\.(\d+)(?:\.(\w+))?/.exec(path);
    const id = m ? sentVariantIds[Number(m[1])] : undefined;
    if (!m || id === undefined) continue;
    out[`${id}.${m[2] === "salePrice" ? "salePrice" : "row"}`] = message;
  }
  return out;
}

/** "20% off" of a sale price against the regular one, or null while the text is not a price. */
export function saleDiscount(item: Pick<SaleItemDraft, "price" | "salePrice">): string | null {
  const parsed = parseRupees(item.salePrice);
  const percent = parsed.ok ? discountPercent(parsed.paise, item.price) : null;
  return percent === null ? null : `${percent}% off`;
}
