import { z } from "zod";
import { Cursor, dateTime, Id, safeText } from "./common";

/** Who wrote an entry: a signed-in account's role, or `system` for jobs and sweeps. */
export const AuditActorRole = z.enum(["customer", "seller", "admin", "system"]);
export type AuditActorRole = z.infer<typeof AuditActorRole>;

/**
 * What an entry is about, as the admin app links to it (a seller's page opens
 * `targetType: "seller", targetId`). Open text: domains name their own kinds of target.
 */
export const AuditTargetType = safeText("Target type")
  .min(1, "Target type is required")
  .max(40, "Target type is at most 40 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "Target type is lowercase letters, digits and underscores (seller, sub_order)");

/**
 * The admin viewer's filters, newest first. `action` is a prefix: `seller.` lists every
 * action on sellers, `seller.suspended` that one. `from` is inclusive, `to` exclusive.
 */
export const AuditListInput = z
  .object({
    actorId: Id.optional(),
    actorEmail: safeText("Actor email").toLowerCase().min(1).max(254, "Email is too long").optional(),
    actorRole: AuditActorRole.optional(),
    action: safeText("Action")
      .min(1, "Action is required when given")
      .max(80, "Action is at most 80 characters")
      .regex(/^[A-Za-z0-9_.]+$/, "Action is letters, digits, dots and underscores (seller.suspended)")
      .optional(),
    targetType: AuditTargetType.optional(),
    targetId: safeText("Target id").min(1).max(100, "Target id is at most 100 characters").optional(),
    from: dateTime("From").optional(),
    to: dateTime("To").optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: Cursor.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: "From must be before To", path: ["to"] });
export type AuditListInput = z.input<typeof AuditListInput>;

export const AuditGetInput = z.object({ id: Id });
export type AuditGetInput = z.input<typeof AuditGetInput>;

/** One changed field of a target: the value before the action and after it (null when absent). */
export type AuditChange = { key: string; from: unknown; to: unknown };

export type AuditEntryDto = {
  id: string;
  createdAt: Date;
  /** The account that acted; null for jobs (`actorRole: "system"`) and accounts since removed. */
  actor: { id: string; name: string; email: string } | null;
  actorRole: AuditActorRole | null;
  /** Set when the actor acted through one of their shop's API keys (an integration), not the app. */
  apiKey: { id: string; name: string } | null;
  /** `domain.verb`, e.g. `seller.suspended`, `product.taken_down`; a generic entry is the procedure path. */
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target's fields the action touched, as they were and as they became (null when it has no such side: a creation has no before). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** before → after, key by key, only the keys whose values differ; sorted by key. */
  changes: AuditChange[];
  /** Anything else the action recorded: a reason, a note, the input of a generic entry. */
  details: Record<string, unknown> | null;
  /** The HTTP request that caused it (Fastify's request id) and the client's address; null for jobs. */
  requestId: string | null;
  ip: string | null;
};
