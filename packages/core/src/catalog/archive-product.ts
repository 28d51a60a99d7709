import type { IdInput, SellerProductDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { moveProductStatus } from "./product-status";

/** Takes an approved product off the storefront, keeping it for later. */
export async function archiveProduct(
  deps: Deps,
  actor: SellerActor,
  input: IdInput,
): Promise<SellerProductDto> {
  return moveProductStatus(deps, actor, input, "archive");
}
