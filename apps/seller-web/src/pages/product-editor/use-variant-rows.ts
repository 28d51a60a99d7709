import { type Dispatch, type SetStateAction, useCallback, useMemo } from "react";
import type { ProductFormState } from "./product-form-state";
import { combinations, comboKey, emptyVariant, suggestSku, toOptions, type VariantDraft } from "./variants";

/**
 * The variant matrix derived from the options: one row per combination (drafts kept by
 * combination, so renaming a value keeps the others' prices), the existing variants whose
 * combination is gone, and the matrix's bulk edits.
 */
export function useVariantRows(
  state: ProductFormState,
  setState: Dispatch<SetStateAction<ProductFormState>>,
) {
  const options = useMemo(() => toOptions(state.options), [state.options]);
  const rows = useMemo(
    () =>
      combinations(options).map((values) => {
        const key = comboKey(options, values);
        return { key, values, draft: state.rows[key] ?? emptyVariant() };
      }),
    [options, state.rows],
  );
  const orphans = useMemo(() => {
    const live = new Set(rows.map((r) => r.key));
    return Object.entries(state.rows)
      .filter(([key, d]) => d.id && !live.has(key))
      .map(([key, draft]) => ({ key, draft }));
  }, [rows, state.rows]);

  const onRow = useCallback(
    (key: string, patch: Partial<VariantDraft>) =>
      setState((s) => ({
        ...s,
        rows: { ...s.rows, [key]: { ...(s.rows[key] ?? emptyVariant()), ...patch } },
      })),
    [setState],
  );
  const fillSkus = () =>
    setState((s) => {
      const next = { ...s.rows };
      for (const r of rows)
        if (!r.draft.sku.trim()) next[r.key] = { ...r.draft, sku: suggestSku(s.title, r.values) };
      return { ...s, rows: next };
    });
  const copyFirst = () =>
    setState((s) => {
      const first = rows[0]?.draft;
      if (!first) return s;
      const next = { ...s.rows };
      for (const r of rows.slice(1))
        next[r.key] = { ...r.draft, price: first.price, compareAt: first.compareAt, weight: first.weight };
      return { ...s, rows: next };
    });

  return { options, rows, orphans, onRow, fillSkus, copyFirst };
}
