import { settings } from "@bazaar/db";
import { type PaymentGatewaysDto, SetPaymentGatewaysInput } from "@bazaar/schemas";
import { DomainError, invalidField } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { STRIPE_ENV } from "./gateway-for";
import { gatewaysDto, isConfigured, PAYMENT_GATEWAYS_KEY, readGatewayChoice } from "./payment-gateways";

/**
 * Admin: turns ways to pay on and off. A gateway this server has no keys for cannot be
 * turned on (it would fail at the first payment), and at least one way to pay must stay
 * offered, or no one could check out. Orders already placed keep their method: turning
 * Stripe off stops new Stripe orders, not refunds or settlement of existing ones. Audited.
 */
export async function setPaymentGateways(
  deps: Pick<Deps, "db" | "now" | "payments" | "stripe">,
  actor: Actor,
  raw: SetPaymentGatewaysInput,
): Promise<PaymentGatewaysDto> {
  const input = SetPaymentGatewaysInput.parse(raw);
  if (input.stripe && !isConfigured(deps, "stripe"))
    throw invalidField(
      "stripe",
      "payment.gateway_not_configured",
      `Stripe cannot be turned on: this server has no Stripe keys (set ${STRIPE_ENV}).`,
    );
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const from = await readGatewayChoice(tx);
    const to = {
      razorpay: input.razorpay ?? from.razorpay,
      stripe: input.stripe ?? from.stripe,
      cod: input.cod ?? from.cod,
    };
    const dto = gatewaysDto(deps, to);
    if (!dto.gateways.some((g) => g.offered))
      throw new DomainError(
        "VALIDATION",
        "payment.no_method_left",
        "Keep at least one way to pay on, or no one can check out.",
      );
    await tx
      .insert(settings)
      .values({ key: PAYMENT_GATEWAYS_KEY, value: to, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: to, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.payment_gateways_set",
      targetType: "settings",
      targetId: PAYMENT_GATEWAYS_KEY,
      before: from,
      after: to,
    });
    return dto;
  });
}
