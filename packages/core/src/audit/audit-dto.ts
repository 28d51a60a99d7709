import type { auditLog } from "@bazaar/db";
import type { AuditActorRole, AuditChange, AuditEntryDto } from "@bazaar/schemas";

type Row = typeof auditLog.$inferSelect & {
  actorName: string | null;
  actorEmail: string | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/**
 * Entries keep `before`/`after` in their data. Older use cases wrote a single value as
 * `{ from, to }` (a status, a commission rate, a settings object): read as the same diff,
 * a settings object key by key, a single value under `value`.
 */
function sides(data: Record<string, unknown>) {
  if ("before" in data || "after" in data) {
    const { before, after, ...details } = data;
    return { before: isRecord(before) ? before : null, after: isRecord(after) ? after : null, details };
  }
  if ("from" in data && "to" in data) {
    const { from, to, ...details } = data;
    if ((isRecord(from) || from === null) && isRecord(to)) return { before: from, after: to, details };
    return { before: { value: from }, after: { value: to }, details };
  }
  return { before: null, after: null, details: data };
}

/** A stable rendering for comparing JSON values: object keys in order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isRecord(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}

/** The keys whose values differ between the two sides, sorted; a key missing on one side reads as null. */
export function diffSides(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .sort()
    .map((key) => ({ key, from: before?.[key] ?? null, to: after?.[key] ?? null }))
    .filter((c) => canonical(c.from) !== canonical(c.to));
}

/** The API key an entry was written through (see setAuditActor), if any. */
function apiKeyOf(v: unknown): AuditEntryDto["apiKey"] {
  if (!isRecord(v) || typeof v.id !== "string") return null;
  return { id: v.id, name: typeof v.name === "string" ? v.name : "" };
}

export function toAuditEntryDto(row: Row): AuditEntryDto {
  const { apiKey, ...data } = row.data ?? {};
  const { before, after, details } = sides(data);
  return {
    id: row.id,
    createdAt: row.createdAt,
    actor:
      row.actorId && row.actorEmail !== null
        ? { id: row.actorId, name: row.actorName ?? "", email: row.actorEmail }
        : null,
    actorRole: (row.actorRole as AuditActorRole | null) ?? null,
    apiKey: apiKeyOf(apiKey),
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before,
    after,
    changes: diffSides(before, after),
    details: Object.keys(details).length ? details : null,
    requestId: row.requestId,
    ip: row.ip,
  };
}
