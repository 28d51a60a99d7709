import superjson from "superjson";

/**
 * superjson on the wire, with a fast path for outputs that are plain JSON already (most
 * catalogue pages), or plain JSON and Dates (an account, an order): those are sent as
 * `{ json }`, plus superjson's own meta naming each Date's path, which superjson clients
 * read unchanged. The check walks the value once (microseconds) and copies nothing (a Date
 * becomes its ISO string when the response is stringified, as superjson would write it);
 * `superjson.serialize` costs ~10x that on an 8 KB page and was the largest cost of a
 * cached search. Anything else (undefined, NaN, Map, BigInt, a key with a dot) goes
 * through superjson.
 */
function walk(value: unknown, path: string[], dates: string[]): boolean {
  if (path.length > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) {
    path.push("");
    for (let i = 0; i < value.length; i++) {
      path[path.length - 1] = String(i);
      if (!walk(value[i], path, dates)) return false;
    }
    path.pop();
    return true;
  }
  if (value instanceof Date) {
    if (path.length === 0 || Number.isNaN(value.getTime())) return false;
    // The path is spelled out only for a Date: building it at every node was a string per
    // field of every answer (#14).
    dates.push(path.join("."));
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  path.push("");
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || key.includes(".") || key.includes("\\")) return false;
    path[path.length - 1] = key;
    if (!walk(v, path, dates)) return false;
  }
  path.pop();
  return true;
}

function serialize(value: unknown) {
  const dates: string[] = [];
  if (!walk(value, [], dates)) return superjson.serialize(value);
  if (dates.length === 0) return { json: value };
  const values: Record<string, ["Date"]> = {};
  for (const d of dates) values[d] = ["Date"];
  return { json: value, meta: { values, v: 1 } };
}

export const transformer = {
  input: superjson,
  output: {
    serialize,
    deserialize: superjson.deserialize,
  },
};
