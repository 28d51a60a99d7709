import {
  authenticateBearer,
  checkDevReturnUrl,
  completeDevPayment,
  type DevGateway,
  DomainError,
  devReturnUrl,
  invoicePdf,
  type Runtime,
  readTrackingCode,
  receiveRazorpayWebhook,
  receiveStripeWebhook,
  renderDevCheckoutPage,
  requireApprovedSeller,
  trackingQr,
  trackingUrl,
} from "@bazaar/core";
import { Id } from "@bazaar/schemas";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { routeErrorHandler } from "./http-errors";

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || null;
};

/**
 * The order routes that are not tRPC: Razorpay's and Stripe's webhooks (their signatures
 * are over the raw bytes, so this scope keeps them), the dev gateway's hosted page, invoice PDFs and
 * tracking QR codes. Domain errors answer in the same shape as everywhere else.
 */
export async function orderRoutes(
  app: FastifyInstance,
  options: { runtime: Runtime; corsOrigins: string[] },
) {
  const { deps } = options.runtime;
  app.setErrorHandler(routeErrorHandler("order route"));
  app.removeContentTypeParser(["application/json"]);
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: 1_048_576 },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 16_384 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.post("/webhooks/razorpay", async (req, reply) => {
    const rawBody = req.body as Buffer | undefined;
    if (!Buffer.isBuffer(rawBody))
      throw new DomainError("VALIDATION", "webhook.body_required", "Send the event as JSON");
    const result = await receiveRazorpayWebhook(deps, {
      rawBody,
      signature: header(req, "x-razorpay-signature"),
      eventId: header(req, "x-razorpay-event-id"),
    });
    return reply.code(200).send({ ok: true, duplicate: result.duplicate });
  });

  // Stripe's: `Stripe-Signature` checked by the SDK over these bytes; 400 when it fails.
  app.post("/webhooks/stripe", async (req, reply) => {
    const rawBody = req.body as Buffer | undefined;
    if (!Buffer.isBuffer(rawBody))
      throw new DomainError("VALIDATION", "webhook.body_required", "Send the event as JSON");
    const result = await receiveStripeWebhook(deps, { rawBody, signature: header(req, "stripe-signature") });
    return reply.code(200).send({ received: true, duplicate: result.duplicate });
  });

  const signedIn = async (req: FastifyRequest) => {
    const actor = await authenticateBearer(deps, bearerToken(req));
    return actor.role === "seller" ? await requireApprovedSeller(deps, actor) : actor;
  };

  app.get<{ Params: { subOrderId: string } }>("/api/invoices/:subOrderId", async (req, reply) => {
    const viewer = await signedIn(req);
    // Only a UUID can name a sub-order: anything else never reaches SQL.
    if (!Id.safeParse(req.params.subOrderId).success)
      throw new DomainError("NOT_FOUND", "invoice.not_found", "Invoice not found");
    const { filename, pdf } = await invoicePdf(deps, viewer, req.params.subOrderId);
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="${filename}"`)
      .header("cache-control", "private, no-store")
      .send(pdf);
  });

  app.get<{ Params: { code: string; format: string } }>("/track/:code/qr.:format", async (req, reply) => {
    const { code, format } = req.params;
    if ((format !== "png" && format !== "svg") || !readTrackingCode(deps.auth.secret, code))
      throw new DomainError("NOT_FOUND", "tracking.not_found", "No delivery matches this tracking code");
    const url = trackingUrl(deps.urls.customer, code);
    const body = format === "png" ? await trackingQr(url, "png") : await trackingQr(url, "svg");
    return reply
      .header("content-type", format === "png" ? "image/png" : "image/svg+xml")
      .header("cache-control", "public, max-age=86400, immutable")
      .header("cross-origin-resource-policy", "cross-origin")
      .send(body);
  });

  // The dev gateway's hosted page, standing in for Razorpay Checkout when no keys are set.
  if (deps.payments.kind !== "dev") return;
  const gateway = deps.payments as DevGateway;
  const pagePolicy = `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${options.corsOrigins.join(" ")}`;

  app.get<{ Querystring: { order_id?: string; return_url?: string } }>(
    "/dev/checkout",
    async (req, reply) => {
      const returnUrl = checkDevReturnUrl(req.query.return_url ?? "", options.corsOrigins).toString();
      const order = gateway.findOrder(req.query.order_id ?? "");
      if (!order)
        throw new DomainError(
          "NOT_FOUND",
          "payment.order_not_found",
          "This payment has expired or never existed",
        );
      return reply
        .header("content-type", "text/html; charset=utf-8")
        .header("content-security-policy", pagePolicy)
        .send(
          renderDevCheckoutPage({
            order,
            actionUrl: "/dev/checkout/complete",
            returnUrl,
            merchantName: "Bazaar",
          }),
        );
    },
  );

  app.post<{ Body: Record<string, string> }>("/dev/checkout/complete", async (req, reply) => {
    const { order_id: orderId = "", return_url: returnUrl = "", outcome } = req.body ?? {};
    checkDevReturnUrl(returnUrl, options.corsOrigins);
    const result = completeDevPayment(gateway, { orderId, outcome: outcome === "fail" ? "fail" : "pay" });
    // Delivered exactly as Razorpay would: signed, with event ids, through the same entry point.
    for (const w of result.webhooks)
      await receiveRazorpayWebhook(deps, { rawBody: w.body, signature: w.signature, eventId: w.eventId });
    return reply
      .code(303)
      .header("location", devReturnUrl(returnUrl, result.redirectParams, options.corsOrigins))
      .send();
  });
}
