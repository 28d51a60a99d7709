import { z } from "zod";
import { AddressFields } from "./addresses";
import { Id, PageInput, safeText } from "./common";
import { Email, Phone } from "./identity";

export const SellerStatus = z.enum(["pending", "approved", "rejected", "suspended"]);
export type SellerStatus = z.infer<typeof SellerStatus>;

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters")
  .max(60, "At most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

/** 15-character GSTIN: state code, PAN, entity number, Z, checksum. */
export const Gstin = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, "Enter a valid 15-character GSTIN");
export const Pan = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{5}\d{4}[A-Z]$/, "Enter a valid 10-character PAN");
export const Ifsc = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, "Enter a valid 11-character IFSC");

export const BankAccountInput = z.object({
  holder: safeText("Account holder name").min(2, "Account holder name is required").max(100),
  number: z
    .string()
    .trim()
    .regex(/^\d{9,18}$/, "Account number is 9 to 18 digits"),
  ifsc: Ifsc,
});

export const SellerApplyInput = z.object({
  shopName: safeText("Shop name").min(2, "Shop name is required").max(80, "Shop name is too long"),
  slug: Slug.optional(),
  description: safeText("Description", { multiline: true }).max(2000, "Description is too long").default(""),
  contactEmail: Email,
  contactPhone: Phone,
  pickupAddress: AddressFields.omit({ label: true }),
  gstin: Gstin.optional(),
  pan: Pan.optional(),
  bankAccount: BankAccountInput,
});
export type SellerApplyInput = z.input<typeof SellerApplyInput>;

export const SellerProfileUpdateInput = z
  .object({
    shopName: safeText("Shop name").min(2).max(80).optional(),
    description: safeText("Description", { multiline: true }).max(2000).optional(),
    contactEmail: Email.optional(),
    contactPhone: Phone.optional(),
    pickupAddress: AddressFields.omit({ label: true }).optional(),
    gstin: Gstin.nullable().optional(),
    pan: Pan.nullable().optional(),
    bankAccount: BankAccountInput.optional(),
    logoMediaId: Id.nullable().optional(),
    /** Whether the shop takes cash on delivery. */
    codEnabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to update");
export type SellerProfileUpdateInput = z.input<typeof SellerProfileUpdateInput>;

export const AdminSellersListInput = PageInput.extend({
  status: SellerStatus.optional(),
  q: safeText("Search").max(100).optional(),
});
export type AdminSellersListInput = z.input<typeof AdminSellersListInput>;

export const SellerDecisionInput = z.object({
  sellerId: Id,
  reason: safeText("Reason", { multiline: true })
    .min(3, "Give a reason of at least 3 characters")
    .max(500)
    .optional(),
});
export type SellerDecisionInput = z.input<typeof SellerDecisionInput>;
/** Reject and suspend must say why. */
export const SellerDecisionWithReasonInput = SellerDecisionInput.extend({
  reason: safeText("Reason", { multiline: true }).min(3, "Give a reason of at least 3 characters").max(500),
});
export type SellerDecisionWithReasonInput = z.input<typeof SellerDecisionWithReasonInput>;

export const SellerIdInput = z.object({ sellerId: Id });
export type SellerIdInput = z.input<typeof SellerIdInput>;

export const ShopBySlugInput = z.object({ slug: Slug });
export type ShopBySlugInput = z.input<typeof ShopBySlugInput>;

export const SetCommissionInput = z.object({
  sellerId: Id,
  /** Basis points (1% = 100); null returns the seller to the platform default. */
  commissionBps: z.number().int().min(0).max(10_000).nullable(),
});
export type SetCommissionInput = z.input<typeof SetCommissionInput>;
export const SetDefaultCommissionInput = z.object({ commissionBps: z.number().int().min(0).max(10_000) });
export type SetDefaultCommissionInput = z.input<typeof SetDefaultCommissionInput>;

/** The platform default when no setting is stored: 10%. */
export const DEFAULT_COMMISSION_BPS = 1000;
export type PlatformSettingsDto = { defaultCommissionBps: number };

export type SellerDto = {
  id: string;
  userId: string;
  shopName: string;
  slug: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  pickupAddress: z.infer<typeof SellerApplyInput>["pickupAddress"];
  gstin: string | null;
  pan: string | null;
  /** Never the full number: `XXXXXX1234`. */
  bankAccount: { holder: string; numberMasked: string; ifsc: string };
  status: SellerStatus;
  statusReason: string | null;
  commissionBps: number | null;
  effectiveCommissionBps: number;
  codEnabled: boolean;
  logoUrl: string | null;
  /** The account that applied (admins see who is behind a shop). */
  owner: { name: string; email: string };
  createdAt: Date;
  decidedAt: Date | null;
};

export type ShopDto = {
  id: string;
  shopName: string;
  slug: string;
  description: string;
  logoUrl: string | null;
  ratingAvg: number;
  ratingCount: number;
  productCount: number;
  since: Date;
};
