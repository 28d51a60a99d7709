import { sellers, settings } from "@bazaar/db";
import {
  type PlatformSettingsDto,
  type SellerDto,
  SetCommissionInput,
  SetDefaultCommissionInput,
} from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { DEFAULT_COMMISSION_KEY, findSellerDto, getDefaultCommissionBps } from "./queries";

/** Admin: the platform settings sellers are held to. */
export async function getPlatformSettings(
  deps: Pick<Deps, "db">,
  _actor: Actor,
): Promise<PlatformSettingsDto> {
  return { defaultCommissionBps: await getDefaultCommissionBps(deps.db) };
}

/** Admin: the commission every seller without an override pays. */
export async function setDefaultCommission(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: SetDefaultCommissionInput,
): Promise<PlatformSettingsDto> {
  const input = SetDefaultCommissionInput.parse(raw);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const from = await getDefaultCommissionBps(tx);
    await tx
      .insert(settings)
      .values({ key: DEFAULT_COMMISSION_KEY, value: input.commissionBps, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.commissionBps, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.default_commission_set",
      targetType: "settings",
      targetId: DEFAULT_COMMISSION_KEY,
      data: { from, to: input.commissionBps },
    });
  });
  return { defaultCommissionBps: input.commissionBps };
}

/** Admin: one seller's rate; null puts them back on the platform default. */
export async function setSellerCommission(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: SetCommissionInput,
): Promise<SellerDto> {
  const input = SetCommissionInput.parse(raw);
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ commissionBps: sellers.commissionBps })
      .from(sellers)
      .where(eq(sellers.id, input.sellerId))
      .for("update");
    if (!before) throw notFound("seller.not_found", "Seller not found");
    await tx
      .update(sellers)
      .set({ commissionBps: input.commissionBps, updatedAt: deps.now() })
      .where(eq(sellers.id, input.sellerId));
    await audit(tx, {
      actorId: actor.userId,
      action: "seller.commission_set",
      targetType: "seller",
      targetId: input.sellerId,
      data: { from: before.commissionBps, to: input.commissionBps },
    });
  });
  return (await findSellerDto(deps.db, eq(sellers.id, input.sellerId)))!;
}
