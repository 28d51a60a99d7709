import { formatRupees } from "@bazaar/client/format";
import type { CartDto, CartLineDto, CartMergeReport, CartNotice } from "@bazaar/schemas";

const UNAVAILABLE: Record<Extract<CartNotice, { kind: "unavailable" }>["reason"], string> = {
  not_on_sale: "Unavailable: this product is no longer on sale.",
  seller_unavailable: "Unavailable: the seller is not taking orders right now.",
  variant_removed: "Unavailable: this option is no longer sold.",
};

/** What changed about a line, in a sentence. */
export function noticeText(notice: CartNotice): string {
  switch (notice.kind) {
    case "out_of_stock":
      return "Out of stock. It stays here, left out of your total, until it is back.";
    case "qty_reduced":
      return `Quantity changed from ${notice.from} to ${notice.to}, the most you can buy now.`;
    case "price_changed":
      return `Price ${notice.to < notice.from ? "dropped" : "went up"} from ${formatRupees(notice.from)} to ${formatRupees(notice.to)} since you added it.`;
    case "unavailable":
      return UNAVAILABLE[notice.reason];
  }
}

/** Notices that stop the line being bought read as errors; the others as warnings. */
export const noticeBlocks = (notice: CartNotice) =>
  notice.kind === "out_of_stock" || notice.kind === "unavailable";

/**
 * The server reports a cut quantity or a moved price once, then remembers that the customer
 * has seen it. These are the notices worth keeping on screen after a later read.
 */
export const isOnceOnly = (notice: CartNotice) =>
  notice.kind === "qty_reduced" || notice.kind === "price_changed";

/** The line's notices now, plus once-only ones reported earlier that no fresh one replaces. */
export function mergeNotices(fresh: readonly CartNotice[], remembered: readonly CartNotice[]): CartNotice[] {
  const kinds = new Set(fresh.map((n) => n.kind));
  return [...fresh, ...remembered.filter((n) => !kinds.has(n.kind))];
}

/**
 * How many of a line the customer may have, and what stops them having more: the stock,
 * the per-line limit, or the units the order has room for.
 */
export function qtyLimit(
  line: Pick<CartLineDto, "qty" | "stock">,
  cart: Pick<CartDto, "limits" | "totals">,
): { max: number; reason: string } {
  const room = line.qty + Math.max(0, cart.limits.maxUnitsPerOrder - cart.totals.itemCount);
  const candidates = [
    { max: line.stock, reason: `Only ${line.stock} in stock` },
    { max: cart.limits.maxQtyPerLine, reason: `At most ${cart.limits.maxQtyPerLine} of one item` },
    { max: room, reason: `An order can hold at most ${cart.limits.maxUnitsPerOrder} items` },
  ];
  const tightest = candidates.reduce((a, b) => (b.max < a.max ? b : a));
  return { max: Math.max(1, tightest.max), reason: tightest.reason };
}

/** The notice after signing in merged a guest cart, or null when there is nothing to say. */
export function cartMergeMessage(report: CartMergeReport): { headline: string; capped: string[] } | null {
  const lines = report.linesAdded + report.linesCombined;
  if (lines === 0 && report.capped.length === 0) return null;
  const headline =
    lines > 0
      ? `We added ${lines} item${lines === 1 ? "" : "s"} from before you signed in to your cart.`
      : "We kept the cart from before you signed in.";
  const capped = report.capped.map(
    (c) =>
      `Only ${c.kept} of ${c.title} ${c.kept === 1 ? "was" : "were"} available, so your cart has ${c.kept} instead of ${c.requested}.`,
  );
  return { headline, capped };
}
