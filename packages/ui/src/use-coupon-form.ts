import type { FormError } from "@bazaar/client";
import type { CouponDto } from "@bazaar/schemas";
import { useRef, useState } from "react";
import type { FlatCategory } from "./catalog";
import {
  COUPON_FIELDS,
  type CouponFieldsInput,
  type CouponValues,
  couponPayload,
  couponValues,
} from "./coupon-values";

/** `set("code")("DIWALI10")`: a setter per field, for inputs that hand back a value. */
export type SetCouponField = <K extends keyof CouponValues>(key: K) => (value: CouponValues[K]) => void;

type ListField = "productIds" | "categoryIds";

/**
 * A coupon form's values and errors. The form's own checks come first; while they fail, the
 * last call's errors are hidden so the two never disagree. Server errors on one product or
 * category (`productIds.3`) are moved onto that item, by the ids as they were sent.
 */
export function useCouponForm(args: {
  coupon: CouponDto | undefined;
  error: FormError | null;
  onSubmit: (fields: CouponFieldsInput, code: string) => void;
}) {
  const { coupon, error, onSubmit } = args;
  const [initial] = useState(() => couponValues(coupon));
  const [values, setValues] = useState<CouponValues>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Ids as sent, so `productIds.3` still names the right product after the list changes.
  const sent = useRef<Record<ListField, string[]>>({ productIds: [], categoryIds: [] });

  const set: SetCouponField = (key) => (value) => setValues((v) => ({ ...v, [key]: value }));
  const checking = Object.keys(localErrors).length > 0;
  const serverErrors = checking ? {} : (error?.fieldErrors ?? {});
  const fieldError = (key: string): string | undefined => localErrors[key] ?? serverErrors[key];
  const itemErrors = (list: ListField) => {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(serverErrors)) {
      const m = new RegExp(`^${list}\\.(\\d+)$`).exec(path);
      const id = m ? sent.current[list][Number(m[1])] : undefined;
      if (id) out[id] = message;
    }
    return out;
  };
  const shownFields = [
    ...COUPON_FIELDS,
    ...Object.keys(serverErrors).filter((k) => /^(productIds|categoryIds)\.\d+$/.test(k)),
  ];

  const submit = () => {
    const built = couponPayload(values, coupon ? initial : undefined);
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    sent.current = { productIds: built.fields.productIds, categoryIds: built.fields.categoryIds };
    onSubmit(built.fields, values.code.trim());
  };

  return { values, set, fieldError, itemErrors, shownFields, formError: checking ? null : error, submit };
}

export type CouponFormModel = ReturnType<typeof useCouponForm>;

/** The category picker's filter: categories whose path contains what is typed. */
export function useCategoryChoices(categories: readonly FlatCategory[]) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const options = categories
    .filter((c) => !q || c.path.toLowerCase().includes(q))
    .map((c) => ({ id: c.id, label: c.path }));
  const label = (id: string) => categories.find((c) => c.id === id)?.path ?? "Removed category";
  return { query, setQuery, options, label };
}
