import { asDomainError, httpStatusOf } from "@bazaar/api";
import { DomainError } from "@bazaar/core";
import type { FastifyReply, FastifyRequest } from "fastify";

/** `{ code, message, reason, fieldErrors?, details? }`, the same shape tRPC errors carry in `data`. */
export function sendError(reply: FastifyReply, e: DomainError) {
  const { fieldErrors, ...details } = (e.details ?? {}) as {
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number;
  };
  const status = httpStatusOf(e);
  const retry = e.code === "RATE_LIMITED" ? details.retryAfterSeconds : undefined;
  if (retry) reply.header("retry-after", String(retry));
  return reply.code(status).send({
    code: e.code,
    message: e.message,
    reason: e.reason,
    ...(fieldErrors && { fieldErrors }),
    ...(Object.keys(details).length > 0 && { details }),
  });
}

/**
 * What a plain-HTTP route threw, as a DomainError when it is not a bug: a DomainError; one
 * of the plugin's own errors (`known`, e.g. multipart limits); a database error that is the
 * client's fault (400) or means the database is unavailable (503); any other 4xx Fastify
 * raised (a malformed body, a bad header). Undefined for a bug.
 */
export function toDomainError(
  error: unknown,
  known?: (error: unknown) => DomainError | undefined,
): DomainError | undefined {
  const own = error instanceof DomainError ? error : known?.(error);
  if (own) return own;
  const domain = asDomainError(error);
  if (domain) return domain;
  const e = error as { statusCode?: unknown; message?: unknown } | null;
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500)
    return new DomainError(
      "VALIDATION",
      "request.invalid",
      typeof e.message === "string" ? e.message : "Bad request",
    );
  return undefined;
}

/**
 * The error handler of a plain-HTTP route plugin, the twin of the tRPC error mapping: the
 * same answer shape, the same statuses, and only bugs logged as errors (`scope` names the
 * plugin in the log). A database found unavailable is logged as a warning.
 */
export function routeErrorHandler(scope: string, known?: (error: unknown) => DomainError | undefined) {
  return (error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const e = toDomainError(error, known);
    if (e) {
      if (e.code === "UNAVAILABLE" && !(error instanceof DomainError))
        req.log.warn({ err: error }, `${scope}: database unavailable, answered 503`);
      return sendError(reply, e);
    }
    req.log.error({ err: error }, `${scope} failed`);
    return reply
      .code(500)
      .send({ code: "INTERNAL", message: "Something went wrong. Try again.", reason: "internal" });
  };
}
