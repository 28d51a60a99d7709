import type { VariantDto } from "@bazaar/schemas";

type Option = { name: string; values: string[] };
export type Selection = Record<string, string>;

const matches = (v: VariantDto, selection: Selection) =>
  Object.entries(selection).every(([name, value]) => v.optionValues[name] === value);

/** The variant to show first: the requested one, else the first in stock, else the first. */
export function initialVariant(
  variants: readonly VariantDto[],
  requestedId?: string | null,
): VariantDto | undefined {
  return variants.find((v) => v.id === requestedId) ?? variants.find((v) => v.stock > 0) ?? variants[0];
}

/**
 * The variant after the shopper picks `value` for `option`: the one matching every other
 * current choice if it exists, else the closest (most choices kept, in stock first).
 */
export function choose(
  variants: readonly VariantDto[],
  options: readonly Option[],
  current: Selection,
  option: string,
  value: string,
): VariantDto | undefined {
  const wanted = { ...current, [option]: value };
  const exact = variants.find((v) => matches(v, wanted));
  if (exact) return exact;
  const score = (v: VariantDto) =>
    options.filter((o) => o.name !== option && v.optionValues[o.name] === current[o.name]).length * 2 +
    (v.stock > 0 ? 1 : 0);
  return variants
    .filter((v) => v.optionValues[option] === value)
    .sort((a, b) => score(b) - score(a) || a.position - b.position)[0];
}

export type ValueState = "available" | "out_of_stock" | "unavailable";

/**
 * How a value of `option` looks given the other choices: there is an in-stock variant with
 * it, only sold-out ones, or none at all (choosing it would change the other options).
 */
export function valueState(
  variants: readonly VariantDto[],
  current: Selection,
  option: string,
  value: string,
): ValueState {
  const others = Object.fromEntries(Object.entries(current).filter(([name]) => name !== option));
  const candidates = variants.filter((v) => v.optionValues[option] === value && matches(v, others));
  if (candidates.length === 0) return "unavailable";
  return candidates.some((v) => v.stock > 0) ? "available" : "out_of_stock";
}
