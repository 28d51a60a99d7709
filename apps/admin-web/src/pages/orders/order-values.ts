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

/** A calendar day ("2025-03-01") as local midnight; null for anything that is not a real day. */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

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
  const to = last ? new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) : null;
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
