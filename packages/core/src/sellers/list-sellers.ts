import { sellers, users } from "@bazaar/db";
import { AdminSellersListInput, type Page, type SellerDto } from "@bazaar/schemas";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { getDefaultCommissionBps, selectSellers, toSellerDto } from "./queries";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Admin: applications and shops, newest first, by status and by shop name or email. */
export async function listSellers(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: AdminSellersListInput,
): Promise<Page<SellerDto>> {
  const input = AdminSellersListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const q = input.q ? `%${escapeLike(input.q)}%` : undefined;
  const where: (SQL | undefined)[] = [
    input.status ? eq(sellers.status, input.status) : undefined,
    q
      ? or(
          ilike(sellers.shopName, q),
          ilike(sellers.contactEmail, q),
          ilike(users.email, q),
          ilike(sellers.slug, q),
        )
      : undefined,
    cursor
      ? or(
          lt(sellers.createdAt, cursor.createdAt),
          and(eq(sellers.createdAt, cursor.createdAt), lt(sellers.id, cursor.id)),
        )
      : undefined,
  ];
  const rows = await selectSellers(deps.db)
    .where(and(...where))
    .orderBy(desc(sellers.createdAt), desc(sellers.id))
    .limit(input.limit + 1);
  const p = page(
    rows.map((r) => ({ ...r, id: r.seller.id, createdAt: r.seller.createdAt })),
    input.limit,
  );
  const defaultBps = await getDefaultCommissionBps(deps.db);
  return { items: p.items.map((r) => toSellerDto(r, defaultBps)), nextCursor: p.nextCursor };
}
