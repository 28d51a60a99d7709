import { users } from "@bazaar/db";
import { UpdateProfileInput, type UserDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { toUserDto } from "./dto";

export async function updateProfile(deps: Deps, actor: Actor, raw: UpdateProfileInput): Promise<UserDto> {
  const input = UpdateProfileInput.parse(raw);
  const [user] = await deps.db
    .update(users)
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.phone !== undefined && { phone: input.phone }),
      updatedAt: deps.now(),
    })
    .where(eq(users.id, actor.userId))
    .returning();
  if (!user) throw notFound("user.not_found", "Account not found");
  return toUserDto(user);
}
