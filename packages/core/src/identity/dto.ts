import type { users } from "@bazaar/db";
import type { UserDto } from "@bazaar/schemas";

export function toUserDto(u: typeof users.$inferSelect): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    status: u.status,
    emailVerified: u.emailVerifiedAt !== null,
    statusReason: u.statusReason,
    createdAt: u.createdAt,
  };
}
