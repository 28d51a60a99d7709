import { returns } from "@bazaar/db";
import { type AdminReturnSummaryDto, AdminReturnsListInput, type Page } from "@bazaar/schemas";
import { and, eq, ilike } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { customersOf, returnsPage, toReturnSummaries } from "./queries";

/** Admin: returns, newest first; the two queues are escalations to decide and COD refunds owed. */
export async function adminListReturns(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof AdminReturnsListInput>,
): Promise<Page<AdminReturnSummaryDto>> {
  const input = AdminReturnsListInput.parse(raw);
  const q = input.q?.toUpperCase().replace(/[%_\\]/g, "");
  const p = await returnsPage(
    deps.db,
    and(
      input.status ? eq(returns.status, input.status) : undefined,
      input.escalated ? eq(returns.status, "escalated") : undefined,
      input.refundOwed
        ? and(eq(returns.refundMethod, "manual"), eq(returns.refundStatus, "owed"))
        : undefined,
      input.sellerId ? eq(returns.sellerId, input.sellerId) : undefined,
      q ? ilike(returns.number, `%${q}%`) : undefined,
    ),
    input,
  );
  const cards = await toReturnSummaries(deps.db, p.items);
  const customers = await customersOf(deps.db, p.items);
  return {
    items: cards.map((c, i) => {
      const row = p.items[i]!;
      return {
        ...c,
        customer: customers.get(row.customerId) ?? { id: row.customerId, name: "", email: "" },
        refundMethod: row.refundMethod,
        refundAccountLabel: row.refundAccountLabel,
      };
    }),
    nextCursor: p.nextCursor,
  };
}
