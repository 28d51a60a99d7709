import { sellers } from "@bazaar/db";
import { type SellerDto, SellerIdInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { findSellerDto } from "./queries";

/** Admin: one seller, whatever its status. */
export async function getSeller(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: SellerIdInput,
): Promise<SellerDto> {
  const input = SellerIdInput.parse(raw);
  const seller = await findSellerDto(deps.db, eq(sellers.id, input.sellerId));
  if (!seller) throw notFound("seller.not_found", "Seller not found");
  return seller;
}
