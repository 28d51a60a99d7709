import { returns } from "@bazaar/db";
import { type Page, type SellerReturnSummaryDto, SellerReturnsListInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { customersOf, ofSeller, returnsPage, toReturnSummaries } from "./queries";

/** The shop's returns, newest first, by state (the seller's board). */
export async function listSellerReturns(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof SellerReturnsListInput>,
): Promise<Page<SellerReturnSummaryDto>> {
  const input = SellerReturnsListInput.parse(raw);
  const p = await returnsPage(
    deps.db,
    and(ofSeller(actor.sellerId), input.status ? eq(returns.status, input.status) : undefined),
    input,
  );
  const [cards, customers] = [await toReturnSummaries(deps.db, p.items), await customersOf(deps.db, p.items)];
  return {
    items: cards.map((c, i) => ({ ...c, customerName: customers.get(p.items[i]!.customerId)?.name ?? "" })),
    nextCursor: p.nextCursor,
  };
}
