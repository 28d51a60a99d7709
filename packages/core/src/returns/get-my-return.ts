import { type ReturnDto, ReturnIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { findReturn, ofCustomer, toReturnDtos } from "./queries";

/** One of the buyer's own returns; anyone else's is simply not found. */
export async function getMyReturn(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof ReturnIdInput>,
): Promise<ReturnDto> {
  const { id } = ReturnIdInput.parse(raw);
  const row = await findReturn(deps.db, id, ofCustomer(actor.userId));
  return (await toReturnDtos(deps.db, [row], "customer", deps.now()))[0]!;
}
