import { type Actor, audit, auditScopeOf, type Deps } from "@bazaar/core";

/**
 * The audit log's safety net. Every seller and admin mutation runs through this; when its
 * use case wrote no entry of its own (those carry the target's before and after), one
 * entry is written here from what the API knows: the procedure's path as the action, the
 * target named by the input's id field, and the input itself with secrets removed. So a
 * mutation added tomorrow is audited even if its author forgets; `audit.test.ts` checks
 * every one against the router.
 */
export async function auditMutation(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  path: string,
  rawInput: unknown,
): Promise<void> {
  const scope = auditScopeOf(deps.db);
  if (!scope || scope.written > 0) return;
  const input = isRecord(rawInput) ? rawInput : {};
  const target = targetOf(path, input, actor);
  try {
    await audit(deps.db, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: path,
      targetType: target.type,
      targetId: target.id,
      data: { input: redact(input) },
    });
  } catch (err) {
    // The change is made and committed; failing the call now would only tell the client it was not.
    deps.log.error({ err, path, actorId: actor.userId }, "audit entry for a mutation could not be written");
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/** `products` → `product`, `categories` → `category`, `sales` → `sale`. */
const singular = (s: string) => (s.endsWith("ies") ? `${s.slice(0, -3)}y` : s.replace(/s$/, ""));
/** `subOrderId` → `sub_order`. */
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * What a mutation acts on: `{ id }` is an object of the procedure's namespace
 * (`seller.products.update` → product), `{ subOrderId }` a sub_order, and so on; with no
 * id, a seller's mutation acts on their own shop, an admin's on the namespace as a whole.
 */
export function targetOf(path: string, input: Record<string, unknown>, actor: { sellerId?: string }) {
  const namespace = path.split(".")[1] ?? path;
  if (typeof input.id === "string") return { type: singular(namespace), id: input.id };
  const idKey = Object.keys(input).find((k) => /^[a-z]\w*Id$/.test(k) && typeof input[k] === "string");
  if (idKey) return { type: snake(idKey.slice(0, -2)), id: input[idKey] as string };
  if (actor.sellerId) return { type: "seller", id: actor.sellerId };
  return { type: singular(namespace), id: null };
}

const SECRET = /pass(word)?|token|secret|otp|cvv|^pin$|signature|number$|account/i;
const MAX_STRING = 500;
const MAX_ITEMS = 50;

/**
 * The input as worth keeping: secrets (passwords, tokens, bank and card numbers) replaced
 * by a marker, long text cut, long lists shortened. Entries are kept forever and read by
 * every admin.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5) return "[…]";
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET.test(k) && v !== null && v !== undefined ? "[redacted]" : redact(v, depth + 1),
      ]),
    );
  return value;
}
