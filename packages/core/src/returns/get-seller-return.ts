import { ReturnIdInput, type SellerReturnDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { findReturn, ofSeller } from "./queries";
import { toSellerReturnDto } from "./seller-views";

/** One return of the seller's own shop; another shop's is simply not found. */
export async function getSellerReturn(
  deps: Pick<Deps, "db" | "now">,
  actor: SellerActor,
  raw: z.input<typeof ReturnIdInput>,
): Promise<SellerReturnDto> {
  const { id } = ReturnIdInput.parse(raw);
  return toSellerReturnDto(deps.db, await findReturn(deps.db, id, ofSeller(actor.sellerId)), deps.now());
}
