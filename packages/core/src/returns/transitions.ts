import type { ReturnAction, ReturnStatus } from "@bazaar/schemas";
import { invalidState } from "../errors";
import type { ActorKind } from "../orders";

/**
 * Every legal move of a return and who may make it; anything not listed is refused. The
 * buyer cancels before approval and escalates a rejection (within 48 h, once: checked by
 * the use case); the seller approves, rejects and receives; an admin decides escalations
 * and pays cash-on-delivery refunds; the system settles online refunds. Refunded and
 * cancelled are final, and so is a rejection once escalated and rejected again.
 */
export const RETURN_TRANSITIONS: Readonly<
  Record<ReturnStatus, Partial<Record<ReturnStatus, readonly ActorKind[]>>>
> = {
  requested: { approved: ["seller"], rejected: ["seller"], cancelled: ["customer"] },
  rejected: { escalated: ["customer"] },
  escalated: { approved: ["admin"], rejected: ["admin"] },
  approved: { received: ["seller"] },
  received: { refunded: ["admin", "system"] },
  refunded: {},
  cancelled: {},
};

/** The action a move is, as clients name it. */
const ACTION: Record<ReturnStatus, ReturnAction | null> = {
  requested: null,
  approved: "approve",
  rejected: "reject",
  cancelled: "cancel",
  escalated: "escalate",
  received: "receive",
  refunded: "refund",
};

export function canMoveReturn(from: ReturnStatus, to: ReturnStatus, actor: ActorKind): boolean {
  return RETURN_TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** The statuses `actor` may move a return in `from` to. */
export function nextReturnStatuses(from: ReturnStatus, actor: ActorKind): ReturnStatus[] {
  return (Object.entries(RETURN_TRANSITIONS[from]) as [ReturnStatus, readonly ActorKind[]][])
    .filter(([, who]) => who.includes(actor))
    .map(([to]) => to);
}

export const returnActions = (from: ReturnStatus, actor: ActorKind): ReturnAction[] =>
  nextReturnStatuses(from, actor)
    .map((s) => ACTION[s])
    .filter((a): a is ReturnAction => a !== null);

export function assertReturnMove(from: ReturnStatus, to: ReturnStatus, actor: ActorKind) {
  if (!canMoveReturn(from, to, actor))
    throw invalidState(
      "return.invalid_transition",
      `A ${from} return cannot be moved to ${to} by the ${actor}`,
      { from, to, allowed: nextReturnStatuses(from, actor), allowedActions: returnActions(from, actor) },
    );
}
