import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";

export type Picked = Record<string, string>;

/** The variant matching every picked option, if there is one. */
export const variantFor = (product: ProductDetailDto, picked: Picked): VariantDto | undefined =>
  product.variants.find((v) => product.options.every((o) => v.optionValues[o.name] === picked[o.name]));

/** Start on the first variant that can be bought (else the first). */
export function initialPick(product: ProductDetailDto): Picked {
  const v = product.variants.find((x) => x.stock > 0) ?? product.variants[0];
  return { ...(v?.optionValues ?? {}) };
}

/** Whether choosing `value` for `option` (keeping the other picks) leads to a variant in stock. */
export function available(product: ProductDetailDto, picked: Picked, option: string, value: string): boolean {
  const v = variantFor(product, { ...picked, [option]: value });
  return Boolean(v && v.stock > 0);
}

/** The price to pay now: the sale price while the sale lasts. */
export function currentPrice(
  v: VariantDto,
  now: Date,
): { price: number; was: number | null; saleEndsAt: Date | null } {
  const onSale = v.salePrice != null && (!v.saleEndsAt || v.saleEndsAt > now);
  if (onSale) return { price: v.salePrice as number, was: v.price, saleEndsAt: v.saleEndsAt ?? null };
  return { price: v.price, was: v.compareAtPrice, saleEndsAt: null };
}
