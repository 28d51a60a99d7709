import { sellers, settings } from "@bazaar/db";
import {
  AdminSetShopReturnWindowInput,
  type ReturnSettingsDto,
  SellerIdInput,
  SetDefaultReturnWindowInput,
  SetShopReturnWindowInput,
  type ShopReturnWindowDto,
} from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { DEFAULT_RETURN_WINDOW_KEY, getDefaultReturnWindowDays } from "../sellers";

// Return windows: a shop's own (0–30 days, or null for the platform default) and the
// platform default. Product pages cache the effective window, so a change bumps the catalogue.

async function windowOf(db: Deps["db"], sellerId: string): Promise<ShopReturnWindowDto> {
  const [s] = await db
    .select({ days: sellers.returnWindowDays })
    .from(sellers)
    .where(eq(sellers.id, sellerId));
  if (!s) throw notFound("seller.not_found", "Shop not found");
  const platformDefaultDays = await getDefaultReturnWindowDays(db);
  return { returnWindowDays: s.days, platformDefaultDays, effectiveDays: s.days ?? platformDefaultDays };
}

async function setWindow(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: Actor,
  sellerId: string,
  days: number | null,
): Promise<ShopReturnWindowDto> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ days: sellers.returnWindowDays })
      .from(sellers)
      .where(eq(sellers.id, sellerId))
      .for("update");
    if (!before) throw notFound("seller.not_found", "Shop not found");
    await tx.update(sellers).set({ returnWindowDays: days, updatedAt: now }).where(eq(sellers.id, sellerId));
    await audit(tx, {
      actorId: actor.userId,
      action: "seller.return_window_set",
      targetType: "seller",
      targetId: sellerId,
      before: { returnWindowDays: before.days },
      after: { returnWindowDays: days },
    });
  });
  await deps.cache.bump("catalog");
  return windowOf(deps.db, sellerId);
}

/** Seller: the shop's return window as the shop profile shows it. */
export const getShopReturnWindow = (deps: Pick<Deps, "db">, actor: SellerActor) =>
  windowOf(deps.db, actor.sellerId);

/** Seller: sets the shop's own window (0 = no returns) or follows the platform default (null). */
export async function setShopReturnWindow(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: SellerActor,
  raw: z.input<typeof SetShopReturnWindowInput>,
): Promise<ShopReturnWindowDto> {
  const input = SetShopReturnWindowInput.parse(raw);
  return setWindow(deps, actor, actor.sellerId, input.returnWindowDays);
}

/** Admin: any shop's window, as the seller detail page shows it beside the platform default. */
export async function adminGetShopReturnWindow(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof SellerIdInput>,
): Promise<ShopReturnWindowDto> {
  return windowOf(deps.db, SellerIdInput.parse(raw).sellerId);
}

/** Admin: sets any shop's window, audited like the seller's own change. */
export async function adminSetShopReturnWindow(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: Actor,
  raw: z.input<typeof AdminSetShopReturnWindowInput>,
): Promise<ShopReturnWindowDto> {
  const input = AdminSetShopReturnWindowInput.parse(raw);
  return setWindow(deps, actor, input.sellerId, input.returnWindowDays);
}

/** Admin: the platform's return settings. */
export async function getReturnSettings(deps: Pick<Deps, "db">, _actor: Actor): Promise<ReturnSettingsDto> {
  return { defaultWindowDays: await getDefaultReturnWindowDays(deps.db) };
}

/** Admin: the window every shop without its own follows. Audited. */
export async function setDefaultReturnWindow(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: Actor,
  raw: z.input<typeof SetDefaultReturnWindowInput>,
): Promise<ReturnSettingsDto> {
  const input = SetDefaultReturnWindowInput.parse(raw);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const from = await getDefaultReturnWindowDays(tx);
    await tx
      .insert(settings)
      .values({ key: DEFAULT_RETURN_WINDOW_KEY, value: input.days, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.days, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.default_return_window_set",
      targetType: "settings",
      targetId: DEFAULT_RETURN_WINDOW_KEY,
      before: { defaultReturnWindowDays: from },
      after: { defaultReturnWindowDays: input.days },
    });
  });
  await deps.cache.bump("catalog");
  return { defaultWindowDays: input.days };
}
