import { fromIstParts } from "@bazaar/client/format";
import { AuditActorRole, type AuditChange, type AuditListInput } from "@bazaar/schemas";

/** The audit viewer's filters as typed (and as kept in the URL): text, dates as `YYYY-MM-DD` in India. */
export type AuditFilters = {
  actor: string;
  /** customer, seller, admin or system; blank for any. */
  role: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
};

export const NO_AUDIT_FILTERS: AuditFilters = {
  actor: "",
  role: "",
  action: "",
  targetType: "",
  targetId: "",
  from: "",
  to: "",
};

const KEYS = Object.keys(NO_AUDIT_FILTERS) as (keyof AuditFilters)[];

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const f = { ...NO_AUDIT_FILTERS };
  for (const k of KEYS) f[k] = params.get(k)?.trim() ?? "";
  return f;
}

export function auditFilterParams(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k].trim()) p.set(k, f[k].trim());
  return p;
}

/** Midnight starting an India date, or undefined for a blank or impossible date. */
function istMidnight(date: string, plusDays = 0): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const start = fromIstParts({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: 0,
    minute: 0,
  });
  return start ? new Date(start.getTime() + plusDays * 86_400_000) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The list's input: an actor is an email or an account id; "to" is the last day wanted, so
 * the API's exclusive bound is the next midnight in India. Blank filters are left out.
 */
export function auditListInput(f: AuditFilters): Omit<AuditListInput, "limit" | "cursor"> {
  const input: Omit<AuditListInput, "limit" | "cursor"> = {};
  const actor = f.actor.trim();
  if (actor) {
    if (UUID.test(actor)) input.actorId = actor.toLowerCase();
    else input.actorEmail = actor.toLowerCase();
  }
  const role = AuditActorRole.safeParse(f.role);
  if (role.success) input.actorRole = role.data;
  if (f.action.trim()) input.action = f.action.trim();
  if (f.targetType.trim()) input.targetType = f.targetType.trim().toLowerCase();
  if (f.targetId.trim()) input.targetId = f.targetId.trim();
  const from = istMidnight(f.from);
  const to = istMidnight(f.to, 1);
  if (from) input.from = from;
  if (to) input.to = to;
  return input;
}

/** The audit log filtered on one target: the "History" link of a seller, product or order page. */
export function historyHref(targetType: string, targetId: string): string {
  return `/audit?${new URLSearchParams({ targetType, targetId })}`;
}

/** How a changed field reads in the diff. */
export type DiffRow = {
  key: string;
  kind: "added" | "removed" | "changed";
  before: string;
  after: string;
};

/**
 * One value of a diff as text: "—" for nothing, strings as they are (an empty one as "", so it
 * differs from nothing), instants in ISO, numbers and booleans plainly, arrays and objects as compact
 * JSON with keys sorted, so two equal objects always read the same.
 */
export function diffValueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const absent = (v: unknown) => v === null || v === undefined;

/**
 * The entry's changes as rows: a field that appears (nothing before) is added, one that goes
 * away is removed, else changed. Rows whose values read the same are dropped (the server
 * already diffs; this guards against a Date and its ISO string). Sorted by key.
 */
export function diffRows(changes: readonly AuditChange[]): DiffRow[] {
  return changes
    .map((c) => ({
      key: c.key,
      kind: absent(c.from) ? "added" : absent(c.to) ? "removed" : "changed",
      before: diffValueText(c.from),
      after: diffValueText(c.to),
    }))
    .filter((r) => r.before !== r.after)
    .sort((a, b) => a.key.localeCompare(b.key)) as DiffRow[];
}

/** "seller.suspended" → "Seller suspended"; an unknown shape shows as it is. */
export function actionLabel(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

/** Where an entry's target opens in this app, when it has a page. */
export function targetHref(targetType: string, targetId: string | null): string | null {
  if (!targetId) return null;
  switch (targetType) {
    case "seller":
    case "shop":
      return `/sellers/${targetId}`;
    case "order":
      return `/orders/${targetId}`;
    case "return":
      return `/returns/${targetId}`;
    case "report_case":
      return `/reports/${targetId}`;
    default:
      return null;
  }
}
