import type { AdminStatementInput, StatementDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adminGetStatement(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof AdminStatementInput>,
): Promise<StatementDto> {
  throw new Error("not implemented");
}
