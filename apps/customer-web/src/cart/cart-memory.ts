import type { CartDto, CartLineDto, CartMergeReport, CartNotice } from "@bazaar/schemas";
import { useSyncExternalStore } from "react";
import { isOnceOnly, mergeNotices } from "./cart-text";

/** A value the whole app can read and change, outside React Query (it is not server state). */
function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

// ---- notices the server reports only once -------------------------------------------------
const notices = createStore<Readonly<Record<string, CartNotice[]>>>({});

/** Keeps the once-only notices of every line in a cart the app has just read. */
export function rememberNotices(cart: CartDto): void {
  const current = notices.get();
  let next: Record<string, CartNotice[]> | null = null;
  for (const line of cart.groups.flatMap((g) => g.lines)) {
    const once = line.notices.filter(isOnceOnly);
    if (once.length === 0) continue;
    next ??= { ...current };
    next[line.id] = mergeNotices(once, current[line.id] ?? []);
  }
  if (next) notices.set(next);
}

/** Once the customer changes a line, what was reported about it has been dealt with. */
export function forgetNotices(lineId: string): void {
  const current = notices.get();
  if (!current[lineId]) return;
  const { [lineId]: _, ...rest } = current;
  notices.set(rest);
}

/** A line's notices: those of the latest read and those reported earlier. */
export function useLineNotices(line: Pick<CartLineDto, "id" | "notices">): CartNotice[] {
  const remembered = useSyncExternalStore(notices.subscribe, notices.get, notices.get);
  return mergeNotices(line.notices, remembered[line.id] ?? []);
}

// ---- what signing in did with the guest cart ----------------------------------------------
const merge = createStore<CartMergeReport | null>(null);

/** Shown once, on the page the customer lands on after signing in. */
export const showCartMerge = (report: CartMergeReport | undefined) => {
  if (report) merge.set(report);
};
export const dismissCartMerge = () => merge.set(null);
export const useCartMerge = () => useSyncExternalStore(merge.subscribe, merge.get, merge.get);
