import { type Database, settings } from "@bazaar/db";
import type { PaymentGatewaysDto, PaymentMethod, PaymentOptionsDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";

/** The settings row (owned by payments) holding the admin's choice of ways to pay. */
export const PAYMENT_GATEWAYS_KEY = "payments.gateways";

/** Checkout order; Razorpay first, as before Stripe. */
const METHODS = ["razorpay", "stripe", "cod"] as const satisfies readonly PaymentMethod[];
type Choice = Record<PaymentMethod, boolean>;

/**
 * All on until an admin says otherwise: Stripe is still only offered once its keys are set,
 * so a server without them never shows it.
 */
const DEFAULT_CHOICE: Choice = { razorpay: true, stripe: true, cod: true };

export function gatewayChoiceOf(value: unknown): Choice {
  const v = (value ?? {}) as Partial<Record<string, unknown>>;
  return Object.fromEntries(
    METHODS.map((m) => [m, typeof v[m] === "boolean" ? v[m] : DEFAULT_CHOICE[m]]),
  ) as Choice;
}

export async function readGatewayChoice(db: Database): Promise<Choice> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, PAYMENT_GATEWAYS_KEY));
  return gatewayChoiceOf(row?.value);
}

/**
 * Stripe needs its keys. Razorpay has a gateway behind it (the dev gateway without keys) except
 * in production on Stripe alone, where a stand-in that is not configured holds its place.
 */
export const isConfigured = (deps: Pick<Deps, "payments" | "stripe">, method: PaymentMethod) =>
  method === "stripe"
    ? deps.stripe !== undefined
    : method !== "razorpay" || deps.payments.configured !== false;

export function gatewaysDto(deps: Pick<Deps, "payments" | "stripe">, choice: Choice): PaymentGatewaysDto {
  return {
    gateways: METHODS.map((method) => ({
      method,
      enabled: choice[method],
      configured: isConfigured(deps, method),
      offered: choice[method] && isConfigured(deps, method),
      dev: method === "razorpay" && deps.payments.kind === "dev",
    })),
  };
}

/** Admin: each way to pay, whether it is on, and whether this server can take it. */
export async function getPaymentGateways(
  deps: Pick<Deps, "db" | "payments" | "stripe">,
): Promise<PaymentGatewaysDto> {
  return gatewaysDto(deps, await readGatewayChoice(deps.db));
}

/** The methods a checkout may use now: on, and configured. */
export async function offeredPaymentMethods(
  deps: Pick<Deps, "db" | "payments" | "stripe">,
): Promise<PaymentMethod[]> {
  return offeredPaymentMethodsOf(deps, await readGatewayChoice(deps.db));
}

/**
 * The same from the settings row's value already read (checkout reads it with the cart, in
 * the statement that locks the cart, rather than in a statement of its own).
 */
export function offeredPaymentMethodsOf(
  deps: Pick<Deps, "payments" | "stripe">,
  value: unknown,
): PaymentMethod[] {
  const choice = gatewayChoiceOf(value);
  return METHODS.filter((m) => choice[m] && isConfigured(deps, m));
}

/** Public: what the checkout page offers, and Stripe's publishable key when Stripe is among them. */
export async function getPaymentOptions(
  deps: Pick<Deps, "db" | "payments" | "stripe">,
): Promise<PaymentOptionsDto> {
  const methods = await offeredPaymentMethods(deps);
  return {
    methods,
    stripe: methods.includes("stripe") && deps.stripe ? { publishableKey: deps.stripe.publishableKey } : null,
  };
}
