import type { StatementDto, StatementInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function getMyStatement(
  _deps: Deps,
  _actor: SellerActor,
  _input: z.input<typeof StatementInput>,
): Promise<StatementDto> {
  throw new Error("not implemented");
}
