import type { FastifyRequest } from "fastify";

/**
 * The access token a request carries, `Authorization: Bearer <token>`, or null. Every
 * route reads it here and hands it to core's `authenticateBearer`, the one place a token
 * becomes an actor; live streams, which cannot send headers, pass it as a connection param.
 */
export function bearerToken(req: Pick<FastifyRequest, "headers">): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1]?.trim() || null;
}
