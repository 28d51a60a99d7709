import { sellers, users } from "@bazaar/db";
import { SellerApplyInput, type SellerDto, type SellerStatus } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { bankAccountColumns } from "./bank-account";
import { findSellerDto } from "./queries";
import { shopSlugFrom } from "./shop-slug";

export type SeedShopInput = z.input<typeof SellerApplyInput> &
  ({ userId: string } | { ownerEmail: string }) & { status?: SellerStatus };

/**
 * Creates a shop in a given status directly, skipping the application and review: for
 * the demo seed and tests, never the public API. The owner is given by id or email.
 * Idempotent: an account that already has a shop keeps it as it is (`created: false`).
 * An approved shop makes a customer account a seller.
 */
export async function createShopForSeed(
  deps: Pick<Deps, "db" | "auth" | "now">,
  raw: SeedShopInput,
): Promise<{ seller: SellerDto; created: boolean }> {
  const input = SellerApplyInput.parse(raw);
  const status = raw.status ?? "approved";
  const now = deps.now();
  const owner =
    "userId" in raw ? eq(users.id, raw.userId) : eq(users.email, raw.ownerEmail.trim().toLowerCase());
  const { userId, created } = await deps.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(owner).for("update");
    if (!user) throw notFound("user.not_found", "Account not found");
    const inserted = await tx
      .insert(sellers)
      .values({
        userId: user.id,
        shopName: input.shopName,
        slug: input.slug ?? shopSlugFrom(input.shopName),
        description: input.description,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        pickupAddress: input.pickupAddress,
        gstin: input.gstin ?? null,
        pan: input.pan ?? null,
        ...bankAccountColumns(deps, input.bankAccount),
        status,
        decidedAt: status === "pending" ? null : now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: sellers.userId })
      .returning({ id: sellers.id });
    if (inserted.length > 0 && status === "approved" && user.role === "customer")
      await tx.update(users).set({ role: "seller", updatedAt: now }).where(eq(users.id, user.id));
    return { userId: user.id, created: inserted.length > 0 };
  });
  return { seller: (await findSellerDto(deps.db, eq(sellers.userId, userId)))!, created };
}
