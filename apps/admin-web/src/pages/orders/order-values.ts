import { fromIstParts } from "@bazaar/client/format";
import { type AdminOrdersListInput, PaymentMethod, PaymentStatus, SubOrderStatus } from "@bazaar/schemas";

/** The orders list's filters as they sit in the address and the form: plain text. */
export type OrderFilters = {
  q: string;
  status: SubOrderStatus | "";
  paymentStatus: PaymentStatus | "";
  paymentMethod: PaymentMethod | "";
  /** Calendar days, "2025-03-01", both included. */
  from: string;
  to: string;
};

export const NO_FILTERS: OrderFilters = {
  q: "",
  status: "",
  paymentStatus: "",
  paymentMethod: "",
  from: "",
  to: "",
};

/**
 * A calendar day ("2025-03-01") as midnight in India, the zone the list shows times in, so
 * "orders on 1 March" means the same orders wherever the admin sits; null for anything that
 * is not a real day.
 */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return fromIstParts({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 });
}

const DAY_MS = 24 * 60 * 60 * 1000;

const pick = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: string | null) => {
  const parsed = schema.safeParse(value ?? undefined);
  return parsed.success ? (parsed.data as T) : "";
};

/** Filters from the address, leaving out anything that is not valid. */
export function readOrderFilters(params: URLSearchParams): OrderFilters {
  const day = (key: string) => {
    const v = params.get(key) ?? "";
    return parseDay(v) ? v : "";
  };
  return {
    q: params.get("q")?.trim() ?? "",
    status: pick<SubOrderStatus>(SubOrderStatus, params.get("status")),
    paymentStatus: pick<PaymentStatus>(PaymentStatus, params.get("payment")),
    paymentMethod: pick<PaymentMethod>(PaymentMethod, params.get("method")),
    from: day("from"),
    to: day("to"),
  };
}

/** The address for these filters (empty ones left out). */
export function orderFilterParams(f: OrderFilters): URLSearchParams {
  const entries: [string, string][] = [
    ["q", f.q.trim()],
    ["status", f.status],
    ["payment", f.paymentStatus],
    ["method", f.paymentMethod],
    ["from", f.from],
    ["to", f.to],
  ];
  return new URLSearchParams(entries.filter(([, v]) => v));
}

/**
 * The list call's filters. The API's `to` is exclusive, so the last day the admin picked
 * becomes the midnight after it: "to 5 March" includes everything on 5 March.
 */
export function orderListInput(f: OrderFilters): Omit<AdminOrdersListInput, "limit" | "cursor"> {
  const from = parseDay(f.from);
  const last = parseDay(f.to);
  // India has no daylight saving: the next midnight is always 24 hours on.
  const to = last ? new Date(last.getTime() + DAY_MS) : null;
  return {
    ...(f.q.trim() && { q: f.q.trim() }),
    ...(f.status && { status: f.status }),
    ...(f.paymentStatus && { paymentStatus: f.paymentStatus }),
    ...(f.paymentMethod && { paymentMethod: f.paymentMethod }),
    ...(from && { from }),
    ...(to && { to }),
  };
}

/** An admin may cancel a part any time before it is delivered. */
export const adminMayCancel = (status: SubOrderStatus) => status !== "delivered" && status !== "cancelled";
