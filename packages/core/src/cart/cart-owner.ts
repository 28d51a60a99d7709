import { createHash, randomBytes } from "node:crypto";
import { cartItems, carts, type Database } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
/** Who a cart belongs to: a signed-in customer, or a guest holding a token (or not yet). */
export type CartOwner = { userId: string } | { guestToken: string | null };
export type CartRow = typeof carts.$inferSelect;

export const GUEST_CART_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
export const guestExpiry = (now: Date) => new Date(now.getTime() + GUEST_CART_DAYS * DAY_MS);

/** The owner's cart, or null. An expired guest cart is deleted on sight. */
export async function findCart(
  db: Database,
  owner: CartOwner,
  now: Date,
  lock = false,
): Promise<CartRow | null> {
  if ("userId" in owner) {
    const q = db.select().from(carts).where(eq(carts.userId, owner.userId));
    const [row] = lock ? await q.for("update") : await q;
    return row ?? null;
  }
  if (!owner.guestToken) return null;
  const q = db
    .select()
    .from(carts)
    .where(eq(carts.guestTokenHash, hashToken(owner.guestToken)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) return null;
  if (row.expiresAt && row.expiresAt <= now) {
    await db.delete(carts).where(eq(carts.id, row.id));
    return null;
  }
  return row;
}

/**
 * The owner's cart, created if need be, locked for the rest of the transaction so that
 * changes to one cart are applied one after another. A new guest cart comes with the
 * token the client must keep; only its hash is stored.
 */
export async function ensureCart(
  tx: Database,
  owner: CartOwner,
  now: Date,
): Promise<{ cart: CartRow; issuedToken: string | null }> {
  const existing = await findCart(tx, owner, now, true);
  if (existing) {
    if (existing.expiresAt && existing.expiresAt.getTime() - now.getTime() < (GUEST_CART_DAYS - 1) * DAY_MS) {
      // Sliding expiry, refreshed at most daily.
      const [row] = await tx
        .update(carts)
        .set({ expiresAt: guestExpiry(now) })
        .where(eq(carts.id, existing.id))
        .returning();
      return { cart: row!, issuedToken: null };
    }
    return { cart: existing, issuedToken: null };
  }
  if ("userId" in owner) {
    await tx
      .insert(carts)
      .values({ userId: owner.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    const cart = await findCart(tx, owner, now, true);
    return { cart: cart!, issuedToken: null };
  }
  const token = randomBytes(24).toString("base64url");
  const [cart] = await tx
    .insert(carts)
    .values({ guestTokenHash: hashToken(token), expiresAt: guestExpiry(now), createdAt: now, updatedAt: now })
    .returning();
  return { cart: cart!, issuedToken: token };
}

/** The line, only if it is in the caller's own cart: anyone else's line is simply not found. */
export async function findOwnLine(tx: Deps["db"], owner: CartOwner, itemId: string, now: Date) {
  const cart = await findCart(tx, owner, now, true);
  const [line] = cart
    ? await tx
        .select({ id: cartItems.id, variantId: cartItems.variantId })
        .from(cartItems)
        .where(and(eq(cartItems.id, itemId), eq(cartItems.cartId, cart.id)))
    : [];
  if (!cart || !line) throw notFound("cart.item_not_found", "That item is not in your cart");
  return { cart, line };
}
