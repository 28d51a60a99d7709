import { type Database, media, sellers, settings, users } from "@bazaar/db";
import { DEFAULT_COMMISSION_BPS, type SellerDto } from "@bazaar/schemas";
import { eq, type SQL } from "drizzle-orm";
import { maskBankAccount } from "./bank-account";

export const DEFAULT_COMMISSION_KEY = "commission.defaultBps";

/** The platform commission in basis points: the stored setting, or 10% when unset. */
export async function getDefaultCommissionBps(db: Database): Promise<number> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, DEFAULT_COMMISSION_KEY));
  return commissionBpsOf(row?.value);
}

/** The stored default commission setting's value, as getDefaultCommissionBps reads it (10% when unset or bad). */
export const commissionBpsOf = (v: unknown): number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 10_000 ? v : DEFAULT_COMMISSION_BPS;

/** A seller with what its DTO needs: the logo's URL and the owning account. */
export const selectSellers = (db: Database) =>
  db
    .select({ seller: sellers, logoUrl: media.url, owner: { name: users.name, email: users.email } })
    .from(sellers)
    .innerJoin(users, eq(users.id, sellers.userId))
    .leftJoin(media, eq(media.id, sellers.logoMediaId));

type SellerRow = { seller: typeof sellers.$inferSelect; logoUrl: string | null; owner: SellerDto["owner"] };

/** The one way a seller row leaves core: the bank account only as a mask, never decrypted. */
export function toSellerDto(row: SellerRow, defaultCommissionBps: number): SellerDto {
  const s = row.seller;
  return {
    id: s.id,
    userId: s.userId,
    shopName: s.shopName,
    slug: s.slug,
    description: s.description,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone,
    pickupAddress: {
      ...s.pickupAddress,
      line2: s.pickupAddress.line2 ?? undefined,
      landmark: s.pickupAddress.landmark ?? undefined,
    } as SellerDto["pickupAddress"],
    gstin: s.gstin,
    pan: s.pan,
    bankAccount: {
      holder: s.bankAccountHolder,
      numberMasked: maskBankAccount(s.bankAccountLast4),
      ifsc: s.bankIfsc,
    },
    status: s.status,
    statusReason: s.statusReason,
    commissionBps: s.commissionBps,
    effectiveCommissionBps: s.commissionBps ?? defaultCommissionBps,
    codEnabled: s.codEnabled,
    logoUrl: row.logoUrl,
    owner: row.owner,
    createdAt: s.createdAt,
    decidedAt: s.decidedAt,
  };
}

export async function findSellerDto(db: Database, where: SQL): Promise<SellerDto | undefined> {
  const [row] = await selectSellers(db).where(where);
  return row ? toSellerDto(row, await getDefaultCommissionBps(db)) : undefined;
}
