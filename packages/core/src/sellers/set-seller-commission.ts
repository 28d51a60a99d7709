import { sellers } from "@bazaar/db";
import { type SellerDto, SetCommissionInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { findSellerDto } from "./queries";

/** Admin: one seller's rate; null puts them back on the platform default. */
export async function setSellerCommission(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: SetCommissionInput,
): Promise<SellerDto> {
  const input = SetCommissionInput.parse(raw);
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ commissionBps: sellers.commissionBps })
      .from(sellers)
      .where(eq(sellers.id, input.sellerId))
      .for("update");
    if (!before) throw notFound("seller.not_found", "Seller not found");
    await tx
      .update(sellers)
      .set({ commissionBps: input.commissionBps, updatedAt: deps.now() })
      .where(eq(sellers.id, input.sellerId));
    await audit(tx, {
      actorId: actor.userId,
      action: "seller.commission_set",
      targetType: "seller",
      targetId: input.sellerId,
      before: { commissionBps: before.commissionBps },
      after: { commissionBps: input.commissionBps },
    });
  });
  return (await findSellerDto(deps.db, eq(sellers.id, input.sellerId)))!;
}
