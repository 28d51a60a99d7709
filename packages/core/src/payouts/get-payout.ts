import { type PayoutDto, PayoutIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { findPayout, payoutDto } from "./views";

/** One of the seller's own payouts; another shop's is not found. */
export async function getMyPayout(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof PayoutIdInput>,
): Promise<PayoutDto> {
  const { id } = PayoutIdInput.parse(raw);
  await findPayout(deps.db, id, { sellerId: actor.sellerId });
  return payoutDto(deps.db, id);
}

/** Admin: any payout. */
export async function adminGetPayout(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof PayoutIdInput>,
): Promise<PayoutDto> {
  return payoutDto(deps.db, PayoutIdInput.parse(raw).id);
}
