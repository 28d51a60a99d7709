import {
  authenticate,
  authenticateApiKey,
  authenticateBearer,
  type CartOwner,
  DomainError,
  requireApprovedSeller,
  setAuditActor,
  withAuditScope,
} from "@bazaar/core";
import { API_KEY_PREFIX, type Role } from "@bazaar/schemas";
import { initTRPC, TRPCError } from "@trpc/server";
import { auditMutation } from "./audit-mutations";
import type { AuthedContext, Context } from "./context";
import { errorData, toTRPCError } from "./errors";
import type { Meta } from "./rest-meta";
import { shareCheckedOutputs } from "./shared-outputs";
import { transformer } from "./transformer";

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    isDev: false,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        code: shape.code,
        // Unknown failures are logged by the host; the client learns nothing of the internals.
        message: internal ? "Something went wrong on our side. Please try again." : shape.message,
        data: errorData(error, { code: shape.data.code, httpStatus: shape.data.httpStatus }),
      };
    },
  });

/** Every router's procedures check a cached answer's output once per cache entry (shared-outputs.ts). */
export const router = ((record: Parameters<typeof t.router>[0]) =>
  shareCheckedOutputs(t.router(record))) as typeof t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Maps one error; a database found unavailable is worth a warning in the logs (the host
 * logs only INTERNAL errors, and a 503 is not one), a value it refused is not.
 */
function mapError(ctx: Context, error: unknown): unknown {
  const mapped = toTRPCError(error);
  if (
    mapped instanceof TRPCError &&
    mapped.code === "SERVICE_UNAVAILABLE" &&
    !(error instanceof DomainError) &&
    error !== mapped
  )
    ctx.deps.log.warn({ err: error }, "database unavailable: answered 503");
  return mapped;
}

/**
 * A subscription's generator runs after the middlewares have returned, so what it throws
 * (a role refused, a shop suspended, the database gone) would reach the client as an
 * INTERNAL error. Its iterator is wrapped so those errors are mapped like any other.
 */
async function* mappedIterable<T>(ctx: Context, source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw mapError(ctx, error);
  }
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  v !== null && typeof v === "object" && Symbol.asyncIterator in v;

/**
 * Every call's first middleware (one, not two: each level of tRPC's chain copies the call's
 * options, which shows on the cheapest reads):
 * - Domain, validation and database errors raised anywhere below become typed tRPC errors.
 * - Each call gets its own audit scope, carried by its database handle (`ctx.deps.db`): the
 *   request's id and the client's address, and the caller once authenticated, reach every
 *   audit entry the call writes (see core's withAuditScope).
 */
const callScope = t.middleware(async ({ ctx, type, next }) => {
  const result = await next({
    ctx: { deps: withAuditScope(ctx.deps, { requestId: ctx.http.requestId ?? null, ip: ctx.http.ip }) },
  });
  if (!result.ok && result.error.cause) {
    const mapped = mapError(ctx, result.error.cause);
    if (mapped !== result.error.cause) throw mapped;
  }
  if (result.ok && type === "subscription" && isAsyncIterable(result.data))
    return { ...result, data: mappedIterable(ctx, result.data) };
  return result;
});

export const publicProcedure = t.procedure.use(callScope);

/** A seller API key, from `x-api-key` or as the bearer token (`bz_live_…`); null for a session. */
const apiKeyOf = (http: Context["http"]): string | null =>
  http.apiKey || (http.accessToken?.startsWith(API_KEY_PREFIX) ? http.accessToken : null);

/**
 * A signed-in caller: a session's bearer token, or a seller API key on a procedure whose
 * meta names the scope keys need (see rest-meta.ts). Any other procedure refuses keys, so
 * a key never reaches account, session, key-management, customer or admin procedures.
 * Given roles, any other role is refused here too: one middleware for both, as callScope.
 */
const signedIn = (roles: readonly Role[] | null) =>
  t.middleware(async ({ ctx, meta, next }) => {
    const key = apiKeyOf(ctx.http);
    if (key && !meta?.apiKey)
      throw new DomainError("FORBIDDEN", "api_key.not_allowed", "API keys cannot call this; sign in instead");
    const actor = key
      ? await authenticateApiKey(ctx.deps, key, meta!.apiKey!, ctx.http.ip)
      : await authenticateBearer(ctx.deps, ctx.http.accessToken);
    setAuditActor(ctx.deps.db, actor);
    if (roles && !roles.includes(actor.role)) {
      throw new DomainError("FORBIDDEN", "auth.role_required", `This needs a ${roles.join(" or ")} account`, {
        requiredRoles: roles,
      });
    }
    return next({ ctx: { ...ctx, actor } satisfies AuthedContext });
  });

export const authedProcedure = publicProcedure.use(signedIn(null));

/** The one role gate every role procedure is built from. */
export const requireRole = (...roles: Role[]) => publicProcedure.use(signedIn(roles));

/**
 * Every seller and admin mutation leaves an audit entry: its use case's own (with the
 * target's before and after) or, when it wrote none, a generic one from the path and input.
 */
const auditedMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const result = await next();
  const { actor } = ctx as AuthedContext & { actor: { sellerId?: string } };
  if (type === "mutation" && result.ok) await auditMutation(ctx.deps, actor, path, await getRawInput());
  return result;
});

export const customerProcedure = requireRole("customer");
/** Role seller and an approved, unsuspended shop: `ctx.actor` gains `sellerId`. */
export const sellerProcedure = requireRole("seller")
  .use(async ({ ctx, next }) =>
    next({ ctx: { ...ctx, actor: await requireApprovedSeller(ctx.deps, ctx.actor) } }),
  )
  .use(auditedMutations);
export const adminProcedure = requireRole("admin").use(auditedMutations);

/**
 * Carts belong to customers and to guests. A signed-in customer uses their own cart; a
 * guest is identified only by the cart token they hold. Sellers and admins have no cart.
 */
export const cartProcedure = publicProcedure.use(async ({ ctx, next }) => {
  let cartOwner: CartOwner = { guestToken: ctx.http.cartToken };
  if (ctx.http.accessToken) {
    const actor = await authenticate(ctx.deps, ctx.http.accessToken);
    if (actor.role !== "customer")
      throw new DomainError("FORBIDDEN", "cart.customers_only", "Only customer accounts have a cart", {
        requiredRoles: ["customer"],
      });
    cartOwner = { userId: actor.userId };
  }
  return next({ ctx: { ...ctx, cartOwner } });
});
