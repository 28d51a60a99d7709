import { returns } from "@bazaar/db";
import { type Page, type ReturnSummaryDto, ReturnsMineInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { ofCustomer, returnsPage, toReturnSummaries } from "./queries";

/** The buyer's returns, newest first, optionally in one status. */
export async function listMyReturns(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof ReturnsMineInput>,
): Promise<Page<ReturnSummaryDto>> {
  const input = ReturnsMineInput.parse(raw);
  const p = await returnsPage(
    deps.db,
    and(ofCustomer(actor.userId), input.status ? eq(returns.status, input.status) : undefined),
    input,
  );
  return { items: await toReturnSummaries(deps.db, p.items), nextCursor: p.nextCursor };
}
