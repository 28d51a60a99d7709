import { media, sellers } from "@bazaar/db";
import { type SellerDto, SellerProfileUpdateInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { DomainError, forbidden } from "../errors";
import { scheduleMediaDeletion } from "../media";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { bankAccountColumns } from "./bank-account";
import { findSellerDto } from "./queries";

/**
 * An approved seller edits their shop. The slug stays as it is so links keep working; a
 * logo must be an image the seller uploaded; new bank details are encrypted again.
 */
export async function updateShopProfile(
  deps: Deps,
  actor: SellerActor,
  raw: SellerProfileUpdateInput,
): Promise<SellerDto> {
  const input = SellerProfileUpdateInput.parse(raw);
  if (input.logoMediaId) {
    const [logo] = await deps.db
      .select({ id: media.id })
      .from(media)
      .where(and(eq(media.id, input.logoMediaId), eq(media.ownerId, actor.userId)));
    // Someone else's upload reads exactly like a missing one.
    if (!logo)
      throw new DomainError("NOT_FOUND", "media.not_found", "Logo image not found", {
        fieldErrors: { logoMediaId: ["Logo image not found"] },
      });
  }

  const { bankAccount, ...fields } = input;
  const previousLogo = await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ logoMediaId: sellers.logoMediaId })
      .from(sellers)
      .where(eq(sellers.id, actor.sellerId))
      .for("update");
    const [updated] = await tx
      .update(sellers)
      .set({
        ...fields,
        ...(bankAccount && bankAccountColumns(deps, bankAccount)),
        updatedAt: deps.now(),
      })
      // Checked again here, not only by the procedure gate: a shop suspended a moment ago stays frozen.
      .where(
        and(eq(sellers.id, actor.sellerId), eq(sellers.userId, actor.userId), eq(sellers.status, "approved")),
      )
      .returning({ id: sellers.id });
    if (!updated) throw forbidden("seller.not_approved", "Your shop is not approved");
    await audit(tx, {
      actorId: actor.userId,
      action: "seller.profile_updated",
      targetType: "seller",
      targetId: actor.sellerId,
      // Which fields changed, not their values: the bank number must never land in the log.
      data: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) },
    });
    return before?.logoMediaId ?? null;
  });
  await deps.cache.bump("catalog");
  // A replaced or removed logo is deleted from the store once nothing points at it.
  if (previousLogo && input.logoMediaId !== undefined && input.logoMediaId !== previousLogo) {
    await scheduleMediaDeletion(deps, [previousLogo]);
  }
  return (await findSellerDto(deps.db, eq(sellers.id, actor.sellerId)))!;
}
