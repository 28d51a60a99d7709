import { isSharedValue, markShared } from "@bazaar/core";
import type { AnyRouter } from "@trpc/server";
import {
  type AnyMiddlewareFunction,
  type AnyProcedure,
  getParseFn,
  TRPCError,
} from "@trpc/server/unstable-core-do-not-import";
import { compileOutputCheck } from "./output-fast-check";

const ours = Symbol("sharedOutputCheck");
type Middleware = AnyMiddlewareFunction & { _type?: string; [ours]?: true };

/**
 * `.output(schema)` checks every answer against what the OpenAPI document promises (#16):
 * a zod parse that copies the whole answer, on every call. On a cached catalogue page that
 * was ~15% of the API's CPU, and the fresh copy defeated sending a cached page's bytes
 * again (apps/server trpc-routes.ts). A value the in-process cache shares is never changed
 * (core's platform/cache.ts), so its checked copy is kept beside it and handed out again:
 * the same answer, checked once per cache entry instead of once per call. Everything else
 * is checked on every call as before.
 *
 * tRPC builds the output check into each procedure's middleware list; this swaps it, once,
 * for one that does the same (the same parse, the same "Output validation failed"
 * INTERNAL_SERVER_ERROR) with that memo. Applied to every router built (trpc.ts `router`).
 */
export function shareCheckedOutputs<R extends AnyRouter>(built: R): R {
  for (const procedure of Object.values(built._def.procedures) as AnyProcedure[]) {
    const def = procedure._def as unknown as { output?: unknown; middlewares: Middleware[] };
    if (def.output === undefined) continue;
    const at = def.middlewares.findIndex((m) => m._type === "output");
    if (at >= 0 && !def.middlewares[at]![ours])
      def.middlewares[at] = sharedOutputCheck(
        getParseFn(def.output as never),
        compileOutputCheck(def.output),
      );
  }
  return built;
}

function sharedOutputCheck(
  parse: (value: unknown) => unknown,
  /** Whether the parse would give the value back unchanged, read in place (output-fast-check.ts). */
  unchanged: ((value: unknown) => boolean) | null,
): Middleware {
  const checked = new WeakMap<object, unknown>();
  const check: Middleware = async ({ next }) => {
    const result = await next();
    if (!result.ok) return result;
    const source: unknown = result.data;
    const shared = isSharedValue(source);
    if (shared && checked.has(source)) return { ...result, data: checked.get(source) };
    // Most answers: the parse would copy the value to the same value. Handing out the value
    // itself is what the parse-and-compare below does then, without the copy.
    if (unchanged?.(source)) {
      if (shared) checked.set(source, source);
      return result;
    }
    let data: unknown;
    try {
      data = await parse(source);
    } catch (cause) {
      throw new TRPCError({ message: "Output validation failed", code: "INTERNAL_SERVER_ERROR", cause });
    }
    // Kept beside the entry: the answer itself when the check changed nothing (most
    // answers; no second copy held in memory), else the checked copy.
    if (!shared) return { ...result, data };
    const kept = same(source, data) ? source : markShared(data);
    checked.set(source, kept);
    return { ...result, data: kept };
  };
  check._type = "output";
  check[ours] = true;
  return check;
}

/** The same value to the byte and type: equal primitives and Dates, keys in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}
