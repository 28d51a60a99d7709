import { cartItems, carts } from "@bazaar/db";
import type { CartMergeReport } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { loadCartLines } from "./cart-lines";
import { ensureCart, findCart } from "./cart-owner";
import { getCheckoutSettings } from "./checkout-settings";

/**
 * On sign-in, a guest's cart joins the customer's: quantities of the same item add up,
 * capped at the stock and the per-line limit, and every cap is reported. The customer's
 * own coupon wins; the guest's is carried over only if they had none. The guest cart and
 * its token are gone afterwards, so replaying the token merges nothing twice.
 */
export async function mergeGuestCart(
  deps: Pick<Deps, "db" | "now">,
  userId: string,
  guestToken: string,
): Promise<CartMergeReport | null> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const guest = await findCart(tx, { guestToken }, now, true);
    if (!guest) return null;
    const { cart } = await ensureCart(tx, { userId }, now);
    const settings = await getCheckoutSettings(tx);
    const guestLines = await loadCartLines(tx, guest.id, now);
    const mine = new Map(
      (await tx.select().from(cartItems).where(eq(cartItems.cartId, cart.id))).map((i) => [i.variantId, i]),
    );
    const report: CartMergeReport = { linesAdded: 0, linesCombined: 0, capped: [] };
    for (const line of guestLines) {
      const existing = mine.get(line.variant_id);
      const requested = (existing?.qty ?? 0) + line.qty;
      const kept = Math.min(requested, Math.max(0, line.stock), settings.maxQtyPerLine);
      if (kept < requested)
        report.capped.push({ variantId: line.variant_id, title: line.title, requested, kept });
      if (existing) {
        report.linesCombined++;
        if (kept > 0 && kept !== existing.qty)
          await tx.update(cartItems).set({ qty: kept, updatedAt: now }).where(eq(cartItems.id, existing.id));
      } else if (kept > 0) {
        report.linesAdded++;
        await tx.insert(cartItems).values({
          cartId: cart.id,
          variantId: line.variant_id,
          qty: kept,
          seenUnitPrice: line.seen_unit_price,
          // Keeps the guest's order of lines (and so of shops) in the merged cart.
          createdAt: new Date(line.created_at),
          updatedAt: now,
        });
      }
    }
    if (!cart.couponId && guest.couponId)
      await tx.update(carts).set({ couponId: guest.couponId, updatedAt: now }).where(eq(carts.id, cart.id));
    await tx.delete(carts).where(eq(carts.id, guest.id));
    return report;
  });
}
