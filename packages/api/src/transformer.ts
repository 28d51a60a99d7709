import superjson from "superjson";

/**
 * superjson on the wire, with a fast path for outputs that are plain JSON already (most
 * catalogue pages): those are sent as `{ json }` with no meta, which superjson clients
 * read unchanged. The check walks the value once (microseconds); `superjson.serialize`
 * costs ~10x that on an 8 KB page and was the largest cost of a cached search.
 */
function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => isPlainJson(v, depth + 1));
  if (typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const v of Object.values(value)) if (v === undefined || !isPlainJson(v, depth + 1)) return false;
  return true;
}

export const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => (isPlainJson(value) ? { json: value } : superjson.serialize(value)),
    deserialize: superjson.deserialize,
  },
};
