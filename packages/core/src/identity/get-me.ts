import type { UserDto } from "@bazaar/schemas";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { toUserDto } from "./dto";
import { findUserById } from "./queries";

export async function getMe(deps: Deps, actor: Actor): Promise<UserDto> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  return toUserDto(user);
}
