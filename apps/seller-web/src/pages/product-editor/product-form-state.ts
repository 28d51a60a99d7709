import type { ProductCreateInput, SellerProductDto } from "@bazaar/schemas";
import type { ImageItem } from "../../image-manager";
import { newOptionKey } from "./options-editor";
import {
  draftsFromVariants,
  type OptionDraft,
  type ProductOption,
  type VariantDraft,
  type VariantPayload,
} from "./variants";

export type Attribute = { key: string; name: string; value: string };

/** The product form as typed: text fields as text, variants keyed by their combination. */
export type ProductFormState = {
  title: string;
  description: string;
  brand: string;
  categoryId: string;
  hsnCode: string;
  gstRateBps: string;
  tags: string;
  attributes: Attribute[];
  options: OptionDraft[];
  rows: Record<string, VariantDraft>;
};

/** `set("title")("Saree")`: a setter per field, for inputs that hand back a value. */
export type SetField = <K extends keyof ProductFormState>(key: K) => (value: ProductFormState[K]) => void;

/** Fields whose server errors show beside them; the rest go in the form's alert. */
export const PRODUCT_FIELDS = [
  "title",
  "description",
  "brand",
  "categoryId",
  "hsnCode",
  "gstRateBps",
  "tags",
  "imageIds",
  "attributes",
];

/** The form starts from the proposed edit when one waits, else from the product as it is. */
export function initialFormState(p: SellerProductDto | null): ProductFormState {
  if (!p) {
    return {
      title: "",
      description: "",
      brand: "",
      categoryId: "",
      hsnCode: "",
      gstRateBps: "500",
      tags: "",
      attributes: [],
      options: [],
      rows: {},
    };
  }
  const r = p.revision;
  return {
    title: r?.title ?? p.title,
    description: r?.description ?? p.description,
    brand: p.brand ?? "",
    categoryId: r?.categoryId ?? p.categoryId,
    hsnCode: p.hsnCode ?? "",
    gstRateBps: String(p.gstRateBps),
    tags: p.tags.join(", "),
    attributes: Object.entries(p.attributes).map(([name, value], i) => ({ key: `attr-${i}`, name, value })),
    options: p.options.map((o) => ({ key: newOptionKey(), name: o.name, valuesText: o.values.join(", ") })),
    rows: draftsFromVariants(p.options, p.variants),
  };
}

/** Images as the form starts with them: the proposed edit's when one waits. */
export const initialImages = (p: SellerProductDto | null): ImageItem[] =>
  p?.revision?.images ?? p?.images.map((i) => ({ mediaId: i.mediaId, url: i.url })) ?? [];

/** What a create or update sends: blanks become null, tags and attributes trimmed, empty ones dropped. */
export function productPayload(
  state: ProductFormState,
  options: ProductOption[],
  images: readonly ImageItem[],
  variants: VariantPayload[],
) {
  return {
    title: state.title,
    description: state.description,
    brand: state.brand.trim() || null,
    categoryId: state.categoryId,
    hsnCode: state.hsnCode.trim() || null,
    gstRateBps: Number(state.gstRateBps) as 0 | 500 | 1200 | 1800 | 2800,
    tags: state.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    attributes: Object.fromEntries(
      state.attributes.filter((a) => a.name.trim()).map((a) => [a.name.trim(), a.value.trim()]),
    ),
    options,
    imageIds: images.map((i) => i.mediaId),
    variants,
  } satisfies ProductCreateInput;
}
