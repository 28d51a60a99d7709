import fc from "fast-check";

/**
 * fast-check arbitraries derived from zod 4 schemas, for the router fuzz test.
 *
 * No maintained library derives arbitraries from zod 4 for fast-check 4 (zod-fast-check
 * stops at zod 3 and fast-check 3), so this walks `schema._zod.def` itself. It reads the
 * definition structurally and imports nothing from zod: the server does not depend on it.
 *
 * Two kinds of value come out of one schema:
 * - valid-shaped: what the schema would accept (lengths, bounds, formats and regexes are
 *   honoured where cheap), with ids drawn from a pool of real rows so calls get past
 *   "not found" into the code that uses them;
 * - hostile: the same shape with one or a few leaves replaced by what attackers and
 *   unlucky clients send — NUL bytes, lone surrogates, huge strings, dates PostgreSQL
 *   cannot store, non-UUID ids, forged cursors, NaN, wrong types, prototype keys.
 */

type Check = {
  _zod: {
    def: {
      check: string;
      format?: string;
      minimum?: number;
      maximum?: number;
      value?: number | bigint | Date;
      inclusive?: boolean;
      pattern?: RegExp;
    };
  };
};
type Def = {
  type: string;
  checks?: Check[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, ZodLike>;
  innerType?: ZodLike;
  in?: ZodLike;
  out?: ZodLike;
  element?: ZodLike;
  keyType?: ZodLike;
  valueType?: ZodLike;
  options?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  left?: ZodLike;
  right?: ZodLike;
  getter?: () => ZodLike;
};
/** The part of a zod 4 schema read here: its definition, and `safeParse` to keep accepted samples. */
export type ZodLike = { _zod: { def: Def }; safeParse?: (value: unknown) => { success: boolean } };

export type DeriveOptions = {
  /** Ids of real rows (users, products, orders…), referenced by valid-shaped ids now and then. */
  ids: readonly string[];
  /** Seeds the search for accepted samples, so a fuzz run replays exactly. */
  seed?: number;
};

// ---- hostile values -------------------------------------------------------------------------

const NUL = "\u0000";
/** Lone halves of a surrogate pair: valid in a JS string, not encodable as UTF-8. */
const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];
const CONTROL = ["\u0001", "\u0008", "\u000B", "\u001B", "\u007F", "\u0085", "\u2028", "\u202E", "\uFEFF"];

const ANCIENT = new Date(-8.64e15); // the earliest Date JavaScript has: year -271821
const FAR_FUTURE = new Date(8.64e15); // the latest: year 275760
const yearDate = (year: number) => {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year);
  return d;
};
const HOSTILE_DATES: readonly Date[] = [
  ANCIENT,
  FAR_FUTURE,
  yearDate(0),
  yearDate(-1),
  yearDate(1),
  yearDate(9999),
  yearDate(10_000),
  yearDate(294_277),
  new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 999)),
];

const b64 = (s: string) => Buffer.from(s).toString("base64url");

/** Cursors that decode to garbage, to values outside SQL's ranges, or do not decode at all. */
const hostileCursor = (ids: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(
      "!!!not-base64!!!",
      "====",
      "a",
      b64("garbage"),
      b64("|"),
      b64(`${FAR_FUTURE.toISOString()}|${ids[0] ?? "00000000-0000-4000-8000-000000000000"}`),
      b64(`${ANCIENT.toISOString()}|${ids[0] ?? "00000000-0000-4000-8000-000000000000"}`),
      b64("9999-12-31T23:59:59.999Z|not-a-uuid"),
      b64(`2026-01-01T00:00:00.000Z|${"-".repeat(36)}`),
      b64("2026-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000\u0000"),
      b64("0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000"),
      b64("2026-01-01T00:00:00.000Z|1' OR '1'='1"),
      b64("12345|00000000-0000-4000-8000-000000000000"),
      b64(JSON.stringify({ s: "relevance", o: -1 })),
      b64(JSON.stringify({ s: "relevance", o: 1e300 })),
      b64(JSON.stringify({ s: "newest", k: ["9999-99-99 99:99:99"], id: ids[0] })),
      b64(JSON.stringify({ s: "newest", k: ["275760-09-13 00:00:00+00"], id: ids[0] })),
      b64(JSON.stringify({ s: "newest", k: ["0000-01-01 00:00:00+00"], id: ids[0] })),
      b64(JSON.stringify({ s: "price_asc", k: ["9999999999"], id: ids[0] })),
      b64(JSON.stringify({ s: "price_desc", k: ["-9999999999"], id: ids[0] })),
      b64(JSON.stringify({ s: "rating", k: ["0x10", "1"], id: ids[0] })),
      b64(JSON.stringify({ s: "rating", k: ["1e400", "1"], id: ids[0] })),
      b64(JSON.stringify({ s: "rating", k: ["Infinity", "1"], id: ids[0] })),
      b64(JSON.stringify({ s: "popular", k: ["true", "1"], id: "not-a-uuid" })),
      b64(JSON.stringify({ s: "best_selling", k: [1], id: ids[0] })),
      b64('{"__proto__":{"s":"newest"},"s":"newest"}'),
      b64("null"),
      b64("[]"),
    ),
    // Random bytes, base64url-encoded: whatever a decoder makes of them.
    fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a).toString("base64url")),
    fc
      .tuple(fc.date({ noInvalidDate: true }), fc.string({ maxLength: 40 }))
      .map(([d, id]) => b64(`${d.toISOString()}|${id}`)),
  );

/** Valid-shaped cursors: both the `createdAt|id` and the catalogue's JSON form, with real ids. */
const plausibleCursor = (ids: readonly string[]) =>
  fc.oneof(
    fc
      .tuple(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
        idArb(ids),
      )
      .map(([d, id]) => b64(`${d.toISOString()}|${id}`)),
    fc.nat({ max: 200 }).map((o) => b64(JSON.stringify({ s: "relevance", o }))),
    fc
      .tuple(fc.constantFrom("price_asc", "price_desc", "best_selling"), fc.nat({ max: 100_000 }), idArb(ids))
      .map(([s, k, id]) => b64(JSON.stringify({ s, k: [String(k)], id }))),
  );

const idArb = (ids: readonly string[]) =>
  ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, fc.uuid()) : fc.uuid();

const hostileId = fc.constantFrom(
  "-".repeat(36),
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "00000000-0000-4000-8000-00000000000",
  "00000000-0000-4000-8000-0000000000000",
  `00000000-0000-4000-8000-00000000000${NUL}`,
  "00000000000040008000000000000000",
  "{00000000-0000-4000-8000-000000000000}",
  "1",
  "",
  "' OR 1=1 --",
);

/** Inserts `bad` into a valid string at some position, so length and format checks may still pass. */
const spliced = (valid: fc.Arbitrary<string>, bad: fc.Arbitrary<string>) =>
  fc.tuple(valid, bad, fc.nat()).map(([s, b, at]) => {
    const i = s.length ? at % (s.length + 1) : 0;
    return s.slice(0, i) + b + s.slice(i);
  });

const hostileText = (valid: fc.Arbitrary<string>) =>
  fc.oneof(
    // Mostly a valid value with one bad character in it: that is what gets past validation.
    { arbitrary: spliced(valid, fc.constantFrom(NUL, ...LONE_SURROGATES, ...CONTROL)), weight: 6 },
    fc.constantFrom(
      NUL,
      `abc${NUL}def`,
      ...LONE_SURROGATES.map((s) => `Name ${s}`),
      "\uDFFF\uD800",
      "",
      " ",
      "\t\n\r",
      "__proto__",
      "constructor",
      "' OR '1'='1' --",
      "%",
      "_%\\",
      "\\",
      "😀".repeat(40),
      "\u0301\u0301\u0301",
      "null",
      "NaN",
      "-1",
      "1e309",
      "9999-12-31",
      "0000-00-00",
      "275760-09-13T00:00:00.000Z",
    ),
    fc.constantFrom(1_000, 20_000).chain((n) => fc.constantFrom("a".repeat(n), `${"é".repeat(n)}${NUL}`)),
    fc.string({ unit: "binary", maxLength: 60 }),
  );

const hostileNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1e-300,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
);

/** Whole values of the wrong type or shape, for any position. */
const wrongType = (depth: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, "", "x", [], {}, [null], { length: 1 }),
    fc.constant(nested(depth)),
    fc.constant(protoKeys()),
    fc.array(fc.constant(0), { minLength: 1000, maxLength: 1000 }),
  );

/** `{ a: { a: … } }`, deep: parsers and validators that recurse without bound break on it. */
function nested(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** An object whose own keys are `__proto__`, `constructor` and `prototype`. */
function protoKeys(): Record<string, unknown> {
  return JSON.parse('{"__proto__":{"admin":true,"role":"admin"},"constructor":{"prototype":{"x":1}}}');
}

// ---- the walk ---------------------------------------------------------------------------------

const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

function stringBounds(d: Def) {
  let min = 0;
  let max = 40;
  for (const c of checksOf(d)) {
    if (c.check === "min_length" && c.minimum !== undefined) min = c.minimum;
    if (c.check === "max_length" && c.maximum !== undefined) max = Math.min(c.maximum, min + 60);
  }
  return { min, max: Math.max(min, max) };
}

function numberBounds(d: Def) {
  let min = -1_000_000;
  let max = 1_000_000;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === "number_format" && /int/.test(c.format ?? "")) int = true;
    if (c.check === "greater_than" && typeof c.value === "number")
      min = c.inclusive ? c.value : c.value + (int ? 1 : 1e-6);
    if (c.check === "less_than" && typeof c.value === "number")
      max = c.inclusive ? c.value : c.value - (int ? 1 : 1e-6);
  }
  return { min, max, int };
}

/** How many leaves a schema has, to spread hostile values thinly over big inputs. */
function leafCount(s: ZodLike, depth = 0): number {
  const d = s._zod.def;
  if (depth > 8) return 1;
  switch (d.type) {
    case "object":
      return Object.values(d.shape ?? {}).reduce((n, v) => n + leafCount(v, depth + 1), 0) || 1;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return leafCount(d.innerType!, depth + 1);
    case "array":
      return leafCount(d.element!, depth + 1);
    case "pipe":
      return leafCount(d.in!, depth + 1);
    default:
      return 1;
  }
}

type Walk = { ids: readonly string[]; hostileWeight: number; depth: number };

/** A valid value, or now and then (`hostileWeight` in 100; less often for whole containers) a hostile one. */
function withHostile<T>(
  w: Walk,
  valid: fc.Arbitrary<T>,
  hostile: fc.Arbitrary<unknown>,
  container = false,
): fc.Arbitrary<unknown> {
  const weight = container ? Math.floor(w.hostileWeight / 5) : w.hostileWeight;
  if (weight === 0) return valid;
  return fc.oneof({ arbitrary: valid, weight: 100 }, { arbitrary: hostile, weight });
}

function stringArb(d: Def, key: string, w: Walk): fc.Arbitrary<unknown> {
  if (key === "cursor") return withHostile(w, plausibleCursor(w.ids), hostileCursor(w.ids));
  if (d.format === "uuid" || d.format === "guid")
    return withHostile(w, idArb(w.ids), fc.oneof(hostileId, hostileText(fc.uuid())));
  const pattern = d.pattern ?? checksOf(d).find((c) => c.format === "regex")?.pattern;
  let valid: fc.Arbitrary<string>;
  if (d.format === "email") valid = fc.emailAddress().filter((e) => e.length <= 254);
  // fast-check refuses the `i` flag; lower-case matches of such patterns are still matches.
  else if (pattern) valid = fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace("i", "")));
  else {
    const { min, max } = stringBounds(d);
    valid = fc.oneof(
      fc.string({ minLength: min, maxLength: max }),
      fc.string({ unit: "grapheme", minLength: min, maxLength: max }),
      fc.lorem({ maxCount: 3 }).filter((s) => s.length >= min && s.length <= max),
    );
  }
  return withHostile(
    w,
    valid,
    fc.oneof({ arbitrary: hostileText(valid), weight: 4 }, hostileId, wrongType(w.depth)),
  );
}

function numberArb(d: Def, w: Walk): fc.Arbitrary<unknown> {
  const { min, max, int } = numberBounds(d);
  const valid = int
    ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31 - 1)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return withHostile(w, valid, fc.oneof(hostileNumber, wrongType(w.depth)));
}

function dateArb(w: Walk): fc.Arbitrary<unknown> {
  const valid = fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true });
  // Coerced dates accept strings and numbers too, so those are sent as well.
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_DATES),
    fc.constantFrom(
      "99999-01-01",
      "+275760-09-13T00:00:00.000Z",
      "-271821-04-20T00:00:00.000Z",
      "0000-01-01",
      "2026-02-30",
      "yesterday",
      8.64e15,
      -8.64e15,
      1e20,
    ),
    fc.date({ noInvalidDate: true }),
    wrongType(w.depth),
  );
  return withHostile(w, valid, hostile);
}

function objectArb(d: Def, w: Walk): fc.Arbitrary<unknown> {
  const shape = d.shape ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [k, v] of Object.entries(shape)) {
    model[k] = walk(v, k, { ...w, depth: w.depth + 1 });
    const opt = (v as { _zod: { optin?: string } })._zod.optin;
    if (opt !== "optional" && opt !== "defaulted") required.push(k);
  }
  const valid = fc.record(model, { requiredKeys: required });
  const hostile = fc.oneof(
    wrongType(w.depth),
    valid.map((o) => ({ ...(o as object), ...protoKeys() })),
    valid.map((o) => ({ ...(o as object), extra: nested(50) })),
  );
  return withHostile(w, valid, hostile, true);
}

function walk(schema: ZodLike, key: string, w: Walk): fc.Arbitrary<unknown> {
  const d = schema._zod.def;
  if (w.depth > 12) return fc.constant(undefined);
  switch (d.type) {
    case "string":
      return stringArb(d, key, w);
    case "number":
    case "int":
      return numberArb(d, w);
    case "bigint":
      return fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
    case "boolean":
      return withHostile(w, fc.boolean(), wrongType(w.depth));
    case "date":
      return dateArb(w);
    case "enum":
      return withHostile(
        w,
        fc.constantFrom(...Object.values(d.entries ?? { x: "x" })),
        hostileText(fc.constant("x")),
      );
    case "literal":
      return withHostile(w, fc.constantFrom(...(d.values ?? [null])), wrongType(w.depth));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "object":
      return objectArb(d, w);
    case "array": {
      const el = walk(d.element!, key, { ...w, depth: w.depth + 1 });
      const { min, max } = stringBounds(d); // arrays use the same min/max_length checks
      const valid = fc.array(el, { minLength: min, maxLength: Math.min(max, min + 4) });
      const huge = fc.array(el, { minLength: 600, maxLength: 600 });
      return withHostile(w, valid, fc.oneof(wrongType(w.depth), huge), true);
    }
    case "record": {
      const k = walk(d.keyType!, "key", { ...w, depth: w.depth + 1 }).filter(
        (x): x is string => typeof x === "string",
      );
      const v = walk(d.valueType!, key, { ...w, depth: w.depth + 1 });
      return withHostile(w, fc.dictionary(k, v, { maxKeys: 4 }), wrongType(w.depth), true);
    }
    case "optional":
      return fc.option(walk(d.innerType!, key, w), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(walk(d.innerType!, key, w), { nil: null, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(walk(d.innerType!, key, w), { nil: undefined, freq: 3 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(d.innerType!, key, w);
    case "pipe":
      // `a.pipe(b)`: b checks what a produced. When a only normalises (trim, strip spaces)
      // and b is the real format (email, phone regex), values of b pass a unchanged.
      return d.out!._zod.def.type === "transform" ? walk(d.in!, key, w) : walk(d.out!, key, w);
    case "union":
      return fc.oneof(...(d.options ?? []).map((o) => walk(o, key, w)));
    case "intersection":
      return fc
        .tuple(walk(d.left!, key, w), walk(d.right!, key, w))
        .map(([a, b]) => (typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
    case "lazy":
      return walk(d.getter!(), key, { ...w, depth: w.depth + 1 });
    default:
      // transform, any, unknown, custom…: anything at all.
      return fc.anything({ maxDepth: 2 });
  }
}

// ---- one hostile leaf in an accepted input ----------------------------------------------------

/**
 * Up to `count` generated values the schema accepts. Random values rarely satisfy every
 * rule of a big input (a product with variants, a seller application), and a hostile value
 * only reaches the code behind validation inside an input that is otherwise accepted.
 */
export function acceptedSamples(
  schema: ZodLike,
  options: DeriveOptions,
  count = 6,
  attempts = 400,
): unknown[] {
  const found: unknown[] = [];
  const candidates = fc.sample(walk(schema, "", { ids: options.ids, hostileWeight: 0, depth: 0 }), {
    numRuns: attempts,
    seed: options.seed,
  });
  for (const candidate of candidates) {
    if (schema.safeParse?.(candidate).success) found.push(candidate);
    if (found.length === count) break;
  }
  return found;
}

type Path = (string | number)[];
/** Every string, number, date and boolean in a value, and every object key (records take any key). */
function leavesOf(value: unknown, path: Path = []): { path: Path; value: unknown; isKey?: boolean }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Date))
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], value: k, isKey: true },
      ...leavesOf(v, [...path, k]),
    ]);
  return value === undefined ? [] : [{ path, value }];
}

/** A copy of `root` with the leaf at `path` (or its key, renamed) replaced. */
function replaced(root: unknown, path: Path, next: unknown, isKey = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  if (path.length === 0) return next;
  let parent = copy;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (isKey && typeof next === "string") {
    const v = parent[last];
    delete parent[last];
    Object.defineProperty(parent, next, { value: v, enumerable: true, writable: true, configurable: true });
  } else parent[last] = next;
  return copy;
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What to put in place of one leaf, by its kind and the key it sits under. */
function hostileFor(leaf: { path: Path; value: unknown; isKey?: boolean }, ids: readonly string[]) {
  const key = leaf.path.at(-1);
  const v = leaf.value;
  if (leaf.isKey) return hostileText(fc.constant(String(v)));
  if (key === "cursor") return hostileCursor(ids);
  if (typeof v === "string")
    return UUID_SHAPE.test(v)
      ? fc.oneof(hostileId, hostileText(fc.constant(v)))
      : hostileText(fc.constant(v));
  if (typeof v === "number") return hostileNumber;
  if (v instanceof Date)
    return fc.oneof(
      fc.constantFrom(...HOSTILE_DATES),
      fc.constantFrom("+275760-09-13T00:00:00.000Z", 8.64e15),
    );
  return wrongType(4);
}

/** An accepted input with exactly one leaf (or key) made hostile. */
function oneHostileLeaf(samples: unknown[], ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...samples).chain((base) => {
    const leaves = leavesOf(base);
    if (!leaves.length) return fc.constant(base);
    return fc
      .constantFrom(...leaves)
      .chain((leaf) => hostileFor(leaf, ids).map((bad) => replaced(base, leaf.path, bad, leaf.isKey)));
  });
}

/**
 * Inputs for one procedure: accepted inputs with one hostile leaf (the surest way past
 * validation into the code behind it), accepted inputs as they are, generated inputs with a
 * few hostile leaves, and some wholly malformed.
 */
export function inputsOf(schema: ZodLike | undefined, options: DeriveOptions): fc.Arbitrary<unknown> {
  const base: Walk = { ids: options.ids, hostileWeight: 0, depth: 0 };
  if (!schema) return fc.oneof(fc.constant(undefined), wrongType(0));
  // About one hostile leaf per input, whatever the input's size.
  const hostileWeight = Math.max(1, Math.round(100 / leafCount(schema)));
  const samples = acceptedSamples(schema, options);
  return fc.oneof(
    { arbitrary: walk(schema, "", base), weight: 1 },
    { arbitrary: walk(schema, "", { ...base, hostileWeight }), weight: 3 },
    { arbitrary: wrongType(2000), weight: 1 },
    ...(samples.length
      ? [
          { arbitrary: fc.constantFrom(...samples), weight: 1 },
          { arbitrary: oneHostileLeaf(samples, options.ids), weight: 5 },
        ]
      : []),
  );
}
