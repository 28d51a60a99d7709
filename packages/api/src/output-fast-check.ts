/**
 * The output check (shared-outputs.ts) without the copy: whether a value would come out of the
 * output schema's parse unchanged, the same keys in the same order and the same leaves, found
 * by reading it in place. zod's parse builds a new copy of every answer and the check then
 * compared it with the answer key by key: ~70 µs and a page's worth of objects on every list
 * or search miss (#14), for answers our own typed code built to the schema.
 *
 * `true` promises exactly what "parse succeeds and the result is the same value" promised, so
 * the answer is handed out as before; `false` only means "not sure" (a failing value, an extra
 * key, keys out of order, a schema part this does not know) and the full parse decides, with
 * its error. Known parts: objects (zod's default, unknown keys stripped), arrays, records,
 * strings, numbers and integers, booleans, literals, enums, dates, null, nullable and
 * optional. Any other leaf is asked of zod itself and must come back identical; any other
 * container (a transform, a default, a pipe, a union of objects…) makes the whole schema
 * unknown, and every answer goes through the full parse.
 */
type Check = (v: unknown) => boolean;
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: { check?: string; format?: string } } }[];
};
type Schema = {
  _zod: { def: Def };
  safeParse(v: unknown): { success: boolean; data?: unknown };
};

const isSchema = (s: unknown): s is Schema =>
  typeof s === "object" && s !== null && "_zod" in s && typeof (s as Schema).safeParse === "function";

const plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A checker for `schema`, or null when some part of it may change what it parses. */
export function compileOutputCheck(schema: unknown): Check | null {
  if (!isSchema(schema)) return null;
  try {
    return compile(schema, new Map());
  } catch {
    return null;
  }
}

class Unknown extends Error {}

function compile(schema: Schema, seen: Map<Schema, Check>): Check {
  const known = seen.get(schema);
  if (known) return known;
  const def = schema._zod.def;
  // Nothing in the definition but its type (no checks, format, coercion…): `z.email()` is a
  // string with a format, `z.coerce.number()` a number that converts.
  const bare = (...allowed: string[]) =>
    Object.keys(def).every(
      (k) =>
        k === "type" ||
        allowed.includes(k) ||
        (k === "checks" && (def.checks ?? []).length === 0) ||
        (k === "coerce" && !(def as { coerce?: unknown }).coerce),
    );
  // Leaves with checks (a string's length, a number's range): zod reads them, nothing copied.
  const byZod: Check = (v) => {
    const r = schema.safeParse(v);
    return r.success && Object.is(r.data, v);
  };
  switch (def.type) {
    case "string":
      return bare() ? (v) => typeof v === "string" : byZod;
    case "number": {
      if (bare()) return (v) => typeof v === "number" && Number.isFinite(v);
      const safeint = (c: { check?: string; format?: string }) =>
        c.check === "number_format" && c.format === "safeint";
      const { format, checks = [] } = def as Def & { format?: string };
      const ints =
        (format === undefined || format === "safeint") &&
        checks.every((c) => safeint(c._zod.def)) &&
        Object.keys(def).every((k) => ["type", "checks", "format"].includes(k));
      return ints && (format === "safeint" || checks.length > 0) ? (v) => Number.isSafeInteger(v) : byZod;
    }
    case "boolean":
      return bare() ? (v) => typeof v === "boolean" : byZod;
    case "null":
      return bare() ? (v) => v === null : byZod;
    case "date":
      return bare() ? (v) => v instanceof Date && !Number.isNaN(v.getTime()) : byZod;
    case "literal": {
      if (!bare("values")) return byZod;
      const values = def.values ?? [];
      return values.every((x) => x !== null && typeof x !== "object" && typeof x !== "number")
        ? (v) => values.includes(v)
        : byZod;
    }
    case "enum": {
      if (!bare("entries")) return byZod;
      const values = Object.values(def.entries ?? {});
      return (v) => (typeof v === "string" || typeof v === "number") && values.includes(v);
    }
    case "nullable": {
      if (!bare("innerType")) throw new Unknown();
      const inner = compile(def.innerType!, seen);
      return (v) => v === null || inner(v);
    }
    case "array": {
      if (!bare("element")) throw new Unknown();
      let element: Check = () => false;
      const check: Check = (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
      seen.set(schema, check);
      element = compile(def.element!, seen);
      return check;
    }
    case "record": {
      const key = def.keyType!._zod.def;
      if (
        !bare("keyType", "valueType") ||
        key.type !== "string" ||
        Object.keys(key).some((k) => k !== "type")
      )
        throw new Unknown();
      const value = compile(def.valueType!, seen);
      return (v) => {
        if (!plain(v)) return false;
        for (const k in v) if (v[k] === undefined || !value(v[k])) return false;
        return true;
      };
    }
    case "object":
      return compileObject(schema, seen);
    default:
      // optional only as an object's key (below); unions, transforms, defaults, pipes, lazy…
      throw new Unknown();
  }
}

function compileObject(schema: Schema, seen: Map<Schema, Check>): Check {
  const def = schema._zod.def;
  if (Object.keys(def).some((k) => k !== "type" && k !== "shape")) throw new Unknown();
  const keys: string[] = [];
  const optional: boolean[] = [];
  const checks: Check[] = [];
  const check: Check = (v) => {
    if (!plain(v)) return false;
    // The value's keys must be the schema's, in its order, an optional one possibly absent:
    // zod's copy has the schema's order, and the answer is handed out only if it is the same.
    let i = 0;
    for (const k in v) {
      while (i < keys.length && keys[i] !== k) {
        if (!optional[i]) return false;
        i++;
      }
      if (i === keys.length) return false;
      const x = v[k];
      if (x === undefined || !checks[i]!(x)) return false;
      i++;
    }
    for (; i < keys.length; i++) if (!optional[i]) return false;
    return true;
  };
  seen.set(schema, check);
  // A recursive schema's getter (CategoryNodeOutput.children) makes a new array schema on
  // each read; its element is the object itself, found in `seen`.
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const fd = field._zod.def;
    if (fd.type === "optional" && Object.keys(fd).some((k) => k !== "type" && k !== "innerType"))
      throw new Unknown();
    const isOptional = fd.type === "optional";
    keys.push(key);
    optional.push(isOptional);
    checks.push(compile(isOptional ? field._zod.def.innerType! : field, seen));
  }
  return check;
}
