import type { IdInput, SellerProductDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { moveProductStatus } from "./product-status";

/** Sends a draft or rejected product (with at least one variant) to moderation. */
export async function submitProduct(
  deps: Deps,
  actor: SellerActor,
  input: IdInput,
): Promise<SellerProductDto> {
  return moveProductStatus(deps, actor, input, "submit");
}
