import { sellers, users } from "@bazaar/db";
import { SellerApplyInput, type SellerDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { bankAccountColumns } from "./bank-account";
import { findSellerDto } from "./queries";
import { shopSlugFrom, withUniqueSlug } from "./shop-slug";

/**
 * A signed-in, verified user applies to sell. One shop per account: a pending, approved
 * or suspended shop refuses a second application; a rejected one is reused and goes back
 * to pending with the new details. The slug is the one asked for (or one made from the
 * shop name), suffixed -2, -3… when another shop has it.
 */
export async function applyToSell(
  deps: Pick<Deps, "db" | "auth" | "now">,
  actor: Actor,
  raw: SellerApplyInput,
): Promise<SellerDto> {
  const input = SellerApplyInput.parse(raw);
  const now = deps.now();
  const values = {
    shopName: input.shopName,
    description: input.description,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    pickupAddress: input.pickupAddress,
    gstin: input.gstin ?? null,
    pan: input.pan ?? null,
    ...bankAccountColumns(deps, input.bankAccount),
    status: "pending" as const,
    statusReason: null,
    decidedAt: null,
    updatedAt: now,
  };

  const sellerId = await deps.db.transaction(async (tx) => {
    // Locking the account serialises two applications sent at once by the same user.
    const [user] = await tx
      .select({ role: users.role, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!user) throw notFound("user.not_found", "Account not found");
    if (!user.emailVerifiedAt)
      throw forbidden("seller.email_not_verified", "Verify your email before applying to sell");
    // Approval makes the account a seller; an admin account must not lose its role that way.
    if (user.role === "admin")
      throw forbidden("seller.admin_cannot_apply", "Admin accounts cannot open a shop");

    const [existing] = await tx
      .select({ id: sellers.id, status: sellers.status })
      .from(sellers)
      .where(eq(sellers.userId, actor.userId))
      .for("update");
    if (existing?.status === "pending")
      throw conflict("seller.already_applied", "Your application is already waiting for review");
    if (existing && existing.status !== "rejected")
      throw conflict("seller.already_seller", "You already have a shop");

    const base = input.slug ?? shopSlugFrom(input.shopName);
    const id = await withUniqueSlug(tx, base, existing?.id, async (db, slug) => {
      const [row] = existing
        ? await db
            .update(sellers)
            .set({ ...values, slug })
            .where(eq(sellers.id, existing.id))
            .returning({ id: sellers.id })
        : await db
            .insert(sellers)
            .values({ ...values, slug, userId: actor.userId, createdAt: now })
            .returning({ id: sellers.id });
      return row!.id;
    });
    await audit(tx, {
      actorId: actor.userId,
      action: existing ? "seller.reapplied" : "seller.applied",
      targetType: "seller",
      targetId: id,
      data: { shopName: input.shopName },
    });
    return id;
  });

  return (await findSellerDto(deps.db, eq(sellers.id, sellerId)))!;
}
