import { users } from "@bazaar/db";
import { AdminUsersListInput, type Page, type UserDto } from "@bazaar/schemas";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import { toUserDto } from "../identity";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";

export async function listUsers(deps: Deps, _actor: Actor, raw: AdminUsersListInput): Promise<Page<UserDto>> {
  const input = AdminUsersListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const where: (SQL | undefined)[] = [
    input.role ? eq(users.role, input.role) : undefined,
    input.status ? eq(users.status, input.status) : undefined,
    input.q
      ? or(ilike(users.email, `%${escapeLike(input.q)}%`), ilike(users.name, `%${escapeLike(input.q)}%`))
      : undefined,
    cursor
      ? or(
          lt(users.createdAt, cursor.createdAt),
          and(eq(users.createdAt, cursor.createdAt), lt(users.id, cursor.id)),
        )
      : undefined,
  ];
  const rows = await deps.db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: p.items.map(toUserDto), nextCursor: p.nextCursor };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
