import {
  SellerDecisionInput,
  type SellerDecisionInput as SellerDecisionInputT,
  type SellerDto,
} from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { decideSeller } from "./decide-seller";

/** suspended → approved: the shop and its approved products are back. */
export async function reinstateSeller(
  deps: Deps,
  actor: Actor,
  raw: SellerDecisionInputT,
): Promise<SellerDto> {
  return decideSeller(deps, actor, "reinstate", SellerDecisionInput.parse(raw));
}
