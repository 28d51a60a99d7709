import {
  SellerDecisionInput,
  type SellerDecisionInput as SellerDecisionInputT,
  type SellerDto,
} from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { decideSeller } from "./decide-seller";

/** pending → approved; the account becomes a seller. */
export async function approveSeller(deps: Deps, actor: Actor, raw: SellerDecisionInputT): Promise<SellerDto> {
  return decideSeller(deps, actor, "approve", SellerDecisionInput.parse(raw));
}
