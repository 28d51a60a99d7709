import { type AdminReturnDto, ReturnIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { toAdminReturnDto } from "./admin-views";
import { findReturn } from "./queries";

/** Admin: any return in full. */
export async function adminGetReturn(
  deps: Pick<Deps, "db" | "now" | "auth">,
  _actor: Actor,
  raw: z.input<typeof ReturnIdInput>,
): Promise<AdminReturnDto> {
  const { id } = ReturnIdInput.parse(raw);
  return toAdminReturnDto(deps, await findReturn(deps.db, id), deps.now());
}
