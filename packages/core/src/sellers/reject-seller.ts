import {
  SellerDecisionWithReasonInput,
  type SellerDecisionWithReasonInput as SellerDecisionWithReasonInputT,
  type SellerDto,
} from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { decideSeller } from "./decide-seller";

/** pending → rejected, with a reason the applicant sees; they may apply again. */
export async function rejectSeller(
  deps: Deps,
  actor: Actor,
  raw: SellerDecisionWithReasonInputT,
): Promise<SellerDto> {
  return decideSeller(deps, actor, "reject", SellerDecisionWithReasonInput.parse(raw));
}
