import {
  authenticateBearer,
  DomainError,
  exportPayouts,
  type Runtime,
  requireApprovedSeller,
  statementFile,
} from "@bazaar/core";
import { AdminPayoutsExportInput, Id } from "@bazaar/schemas";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { routeErrorHandler } from "./http-errors";

/** `2026-11.csv` or `2026-11.pdf`; anything else is no statement. */
function statementName(file: string): { month: string; format: "csv" | "pdf" } {
  const m = /^(\d{4}-\d{2})\.(csv|pdf)$/.exec(file);
  if (!m)
    throw new DomainError(
      "NOT_FOUND",
      "statement.not_found",
      "Ask for a statement as YYYY-MM.csv or YYYY-MM.pdf",
    );
  return { month: m[1]!, format: m[2] as "csv" | "pdf" };
}

const download = (reply: FastifyReply, f: { filename: string; contentType: string; body: string | Buffer }) =>
  reply
    .header("content-type", f.contentType)
    .header("content-disposition", `attachment; filename="${f.filename}"`)
    .header("cache-control", "private, no-store")
    .send(f.body);

/**
 * Money as files, for browsers to download: a seller's monthly statement (their own only:
 * the shop comes from the token, never the address), any seller's for an admin, and the
 * admin's bank upload file of approved payouts. Each calls one core use case.
 */
export async function moneyRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { deps } = options.runtime;
  app.setErrorHandler(routeErrorHandler("money route"));

  const signedIn = async (req: FastifyRequest) => {
    const actor = await authenticateBearer(deps, bearerToken(req));
    return actor.role === "seller" ? await requireApprovedSeller(deps, actor) : actor;
  };
  const adminOnly = async (req: FastifyRequest) => {
    const actor = await authenticateBearer(deps, bearerToken(req));
    if (actor.role !== "admin")
      throw new DomainError("FORBIDDEN", "auth.role_required", "This needs an admin account", {
        requiredRoles: ["admin"],
      });
    return actor;
  };

  app.get<{ Params: { file: string } }>("/api/statements/:file", async (req, reply) => {
    const viewer = await signedIn(req);
    if (viewer.role !== "seller")
      throw new DomainError("FORBIDDEN", "auth.role_required", "This needs a seller account", {
        requiredRoles: ["seller"],
      });
    return download(reply, await statementFile(deps, viewer, statementName(req.params.file)));
  });

  app.get<{ Params: { sellerId: string; file: string } }>(
    "/api/admin/sellers/:sellerId/statements/:file",
    async (req, reply) => {
      const viewer = await adminOnly(req);
      if (!Id.safeParse(req.params.sellerId).success)
        throw new DomainError("NOT_FOUND", "seller.not_found", "Seller not found");
      const name = statementName(req.params.file);
      return download(reply, await statementFile(deps, viewer, { ...name, sellerId: req.params.sellerId }));
    },
  );

  app.get<{ Querystring: { ids?: string } }>("/api/admin/payouts/export.csv", async (req, reply) => {
    const viewer = await adminOnly(req);
    const input = AdminPayoutsExportInput.safeParse({
      ids: req.query.ids ? String(req.query.ids).split(",").filter(Boolean) : undefined,
    });
    if (!input.success)
      throw new DomainError("VALIDATION", "payouts.bad_ids", "ids must be payout ids separated by commas");
    const file = await exportPayouts(deps, viewer, input.data);
    return download(reply, {
      filename: file.filename,
      contentType: "text/csv; charset=utf-8",
      body: file.csv,
    });
  });
}
