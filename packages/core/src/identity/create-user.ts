import { users } from "@bazaar/db";
import { Email, Password, PersonName, type Role, type UserDto } from "@bazaar/schemas";
import { z } from "zod";
import type { Deps } from "../platform/deps";
import { hashPassword } from "./credentials";
import { toUserDto } from "./dto";

const CreateUserInput = z.object({ email: Email, password: Password, name: PersonName });

/**
 * Creates (or, for an existing email, promotes and resets) a verified account with the
 * given role. Used by the admin CLI and the demo seed, never by the public API.
 */
export async function createVerifiedUser(
  deps: Pick<Deps, "db" | "auth" | "now">,
  raw: z.input<typeof CreateUserInput> & { role: Role },
): Promise<UserDto> {
  const input = CreateUserInput.parse(raw);
  const passwordHash = await hashPassword(input.password, deps.auth.bcryptCost);
  const now = deps.now();
  const values = {
    email: input.email,
    name: input.name,
    passwordHash,
    role: raw.role,
    status: "active" as const,
    emailVerifiedAt: now,
    updatedAt: now,
  };
  const [user] = await deps.db
    .insert(users)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({ target: users.email, set: values })
    .returning();
  return toUserDto(user!);
}
