import type { IdInput, SellerProductDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { moveProductStatus } from "./product-status";

/** Puts an archived product back on sale. */
export async function restoreProduct(
  deps: Deps,
  actor: SellerActor,
  input: IdInput,
): Promise<SellerProductDto> {
  return moveProductStatus(deps, actor, input, "restore");
}
