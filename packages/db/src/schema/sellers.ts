import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";
import { media } from "./media";

export const sellerStatusEnum = pgEnum("seller_status", ["pending", "approved", "rejected", "suspended"]);

export type PickupAddress = {
  name: string;
  phone: string;
  line1: string;
  line2?: string | null;
  landmark?: string | null;
  city: string;
  state: string;
  pincode: string;
};

export const sellers = pgTable(
  "sellers",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    shopName: text().notNull(),
    slug: text().notNull(),
    description: text().notNull().default(""),
    contactEmail: text().notNull(),
    contactPhone: text().notNull(),
    pickupAddress: jsonb().$type<PickupAddress>().notNull(),
    gstin: text(),
    pan: text(),
    bankAccountHolder: text().notNull(),
    /** The full number is kept encrypted (AES-GCM) for payouts; reads show only the last four digits. */
    bankAccountEncrypted: text().notNull(),
    bankAccountLast4: text().notNull(),
    bankIfsc: text().notNull(),
    status: sellerStatusEnum().notNull().default("pending"),
    statusReason: text(),
    /** Basis points (1% = 100); null means the platform default. */
    commissionBps: integer(),
    /** Whether this shop takes cash on delivery; an order with any non-COD shop must be paid online. */
    codEnabled: boolean().notNull().default(true),
    /** Days after delivery a buyer may ask to return (0 = no returns); null means the platform default. */
    returnWindowDays: integer(),
    logoMediaId: uuid().references(() => media.id, { onDelete: "set null" }),
    ratingAvg: doublePrecision().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sellers_user_key").on(t.userId),
    uniqueIndex("sellers_slug_key").on(t.slug),
    index("sellers_status_idx").on(t.status, t.createdAt),
    check(
      "sellers_commission_range",
      sql`${t.commissionBps} is null or (${t.commissionBps} between 0 and 10000)`,
    ),
    check(
      "sellers_return_window",
      sql`${t.returnWindowDays} is null or (${t.returnWindowDays} between 0 and 30)`,
    ),
  ],
);
