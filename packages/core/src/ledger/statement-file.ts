import { StatementMonth } from "@bazaar/schemas";
import { forbidden, invalidField } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { buildStatement } from "./get-statement";
import { statementCsv, statementPdf } from "./render-statement";

/**
 * A monthly statement as a file for the HTTP routes: a seller's own (`sellerId` is taken from
 * the seller actor, never from the address) or, for an admin, the seller named.
 */
export async function statementFile(
  deps: Pick<Deps, "db">,
  viewer: Actor & { sellerId?: string },
  input: { sellerId?: string; month: string; format: "csv" | "pdf" },
): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  if (viewer.role !== "admin" && !(viewer.role === "seller" && viewer.sellerId))
    throw forbidden("statement.sellers_only", "Statements are for sellers and Bazaar's admins");
  const month = StatementMonth.safeParse(input.month);
  if (!month.success) throw invalidField("month", "statement.bad_month", "Month must look like 2026-11");
  const sellerId = viewer.role === "admin" ? input.sellerId : viewer.sellerId;
  if (!sellerId) throw invalidField("sellerId", "statement.seller_required", "Name the seller");
  const statement = await buildStatement(deps.db, sellerId, month.data);
  const filename = `statement-${month.data}`;
  return input.format === "csv"
    ? { filename: `${filename}.csv`, contentType: "text/csv; charset=utf-8", body: statementCsv(statement) }
    : { filename: `${filename}.pdf`, contentType: "application/pdf", body: await statementPdf(statement) };
}
