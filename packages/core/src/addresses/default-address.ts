import { addresses, type Database, users } from "@bazaar/db";
import { and, eq, ne } from "drizzle-orm";

/**
 * Changes to which address is the default lock the owner's row first, so two concurrent
 * changes queue up instead of tripping the one-default-per-user index.
 */
export const lockAddressOwner = (tx: Database, userId: string) =>
  tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");

/** Makes this the owner's one default address; undefined when it is not theirs. */
export async function makeDefaultAddress(tx: Database, userId: string, addressId: string) {
  await tx
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), ne(addresses.id, addressId), eq(addresses.isDefault, true)));
  const [row] = await tx
    .update(addresses)
    .set({ isDefault: true })
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .returning();
  return row;
}
