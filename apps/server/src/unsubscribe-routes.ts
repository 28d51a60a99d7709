import {
  checkUnsubscribe,
  DomainError,
  type Runtime,
  renderUnsubscribePage,
  unsubscribe,
} from "@bazaar/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { routeErrorHandler } from "./http-errors";

type Req = FastifyRequest<{ Querystring: { token?: string } }>;

/**
 * One-click unsubscribe from an email (RFC 8058), with no sign-in: the signed token in the
 * link names the user and the category. GET shows a confirm page and changes nothing (mail
 * scanners open links); POST, from that page's button or straight from a mail client's
 * "Unsubscribe" (body `List-Unsubscribe=One-Click`), turns the category's email off.
 */
export async function unsubscribeRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { deps } = options.runtime;
  app.setErrorHandler(routeErrorHandler("unsubscribe route"));
  // Mail clients post form-urlencoded or multipart bodies; the token is in the URL, so the
  // body is read (bounded) and ignored whatever its type.
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 16_384 }, (_req, _body, done) =>
    done(null, null),
  );

  const html = (reply: FastifyReply, status: number, page: string) =>
    reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer")
      .send(page);
  /** A bad link is shown as a page to the person who clicked it, not as JSON. */
  const invalid = (reply: FastifyReply, e: unknown) => {
    if (e instanceof DomainError && e.code === "VALIDATION")
      return html(reply, 400, renderUnsubscribePage({ kind: "invalid", message: e.message }));
    throw e;
  };
  const tokenOf = (req: Req) => (typeof req.query.token === "string" ? req.query.token : "");

  app.get("/unsubscribe", async (req: Req, reply) => {
    const token = tokenOf(req);
    try {
      const found = await checkUnsubscribe(deps, { token });
      const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
      return html(
        reply,
        200,
        found.subscribed
          ? renderUnsubscribePage({ kind: "confirm", category: found.category, email: found.email, action })
          : renderUnsubscribePage({ kind: "done", category: found.category }),
      );
    } catch (e) {
      return invalid(reply, e);
    }
  });

  app.post("/unsubscribe", async (req: Req, reply) => {
    try {
      const done = await unsubscribe(deps, { token: tokenOf(req) });
      return html(reply, 200, renderUnsubscribePage({ kind: "done", category: done.category }));
    } catch (e) {
      return invalid(reply, e);
    }
  });
}
