import type { AdminPayoutsExportInput, PayoutExportDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function exportPayouts(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof AdminPayoutsExportInput>,
): Promise<PayoutExportDto> {
  throw new Error("not implemented");
}
