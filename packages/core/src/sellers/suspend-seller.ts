import {
  SellerDecisionWithReasonInput,
  type SellerDecisionWithReasonInput as SellerDecisionWithReasonInputT,
  type SellerDto,
} from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { decideSeller } from "./decide-seller";

/** approved → suspended: seller procedures refuse at once and the shop's products leave the storefront. */
export async function suspendSeller(
  deps: Deps,
  actor: Actor,
  raw: SellerDecisionWithReasonInputT,
): Promise<SellerDto> {
  return decideSeller(deps, actor, "suspend", SellerDecisionWithReasonInput.parse(raw));
}
