// zod schemas of the returns domain: inputs, DTOs and their enums.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";
import type { PaymentMethod } from "./payment-method";
import { Ifsc } from "./sellers";

// ---- enums and constants ---------------------------------------------------------------------

/**
 * requested → approved | rejected | cancelled; rejected → escalated (buyer, within 48 h)
 * → approved | rejected (admin, final); approved → received (seller) → refunded.
 */
export const ReturnStatus = z.enum(
  ["requested", "approved", "rejected", "escalated", "received", "refunded", "cancelled"],
  { message: "Choose a return status" },
);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

/** The closed list a buyer picks from, per line. */
export const ReturnReason = z.enum(
  ["damaged", "defective", "wrong_item", "not_as_described", "size_fit", "no_longer_needed"],
  { message: "Choose a return reason" },
);
export type ReturnReason = z.infer<typeof ReturnReason>;
/** Reasons that are the seller's fault: only these earn the shipping back (whole sub-order returned). */
export const SELLER_FAULT_REASONS: readonly ReturnReason[] = [
  "damaged",
  "defective",
  "wrong_item",
  "not_as_described",
];

/** original: back through the gateway the buyer paid with; manual: an admin pays a COD buyer. */
export const RefundMethod = z.enum(["original", "manual"]);
export type RefundMethod = z.infer<typeof RefundMethod>;
/** none: nothing booked yet · pending: gateway refund running · owed: COD, an admin must pay · paid · failed. */
export const ReturnRefundStatus = z.enum(["none", "pending", "owed", "paid", "failed"]);
export type ReturnRefundStatus = z.infer<typeof ReturnRefundStatus>;

/** What a seller or admin can do to a return; `allowed` in an invalid-state error lists these. */
export const ReturnAction = z.enum(["approve", "reject", "cancel", "escalate", "receive", "refund"]);
export type ReturnAction = z.infer<typeof ReturnAction>;

export const DEFAULT_RETURN_WINDOW_DAYS = 7;
export const MAX_RETURN_WINDOW_DAYS = 30;
export const ESCALATION_WINDOW_HOURS = 48;
export const MAX_RETURN_PHOTOS = 5;

export const ReturnWindowDays = z
  .number({ message: "The return window is a number of days" })
  .int("The return window is a whole number of days")
  .min(0, "The return window is 0 to 30 days")
  .max(MAX_RETURN_WINDOW_DAYS, "The return window is 0 to 30 days");

// ---- inputs ----------------------------------------------------------------------------------

/** Where a cash-on-delivery buyer wants the money: a UPI id or a bank account. */
export const RefundAccountInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("upi"),
      upiId: z
        .string({ message: "Enter a UPI id" })
        .trim()
        .toLowerCase()
        .max(100, "Enter a valid UPI id, like name@bank")
        .regex(/^[a-z0-9._-]{2,}@[a-z][a-z0-9]{1,63}$/, "Enter a valid UPI id, like name@bank"),
    }),
    z.object({
      kind: z.literal("bank"),
      holder: safeText("Account holder name").min(2, "Account holder name is required").max(100),
      accountNumber: z
        .string({ message: "Enter the account number" })
        .trim()
        .regex(/^\d{9,18}$/, "Account number is 9 to 18 digits"),
      ifsc: Ifsc,
    }),
  ],
  { message: "Choose UPI or bank account for the refund" },
);
export type RefundAccountInput = z.input<typeof RefundAccountInput>;
export type RefundAccount = z.infer<typeof RefundAccountInput>;

export const ReturnLineInput = z.object({
  orderItemId: Id,
  qty: z.number({ message: "Quantity must be a number" }).int("Quantity must be whole").min(1).max(1000),
  reason: ReturnReason,
});

export const ReturnRequestInput = z
  .object({
    subOrderId: Id,
    lines: z.array(ReturnLineInput).min(1, "Choose at least one item to return").max(100),
    comment: safeText("Comment", { multiline: true }).max(1000).optional(),
    /** Media ids of photos the buyer uploaded first (kind `return`), at most 5. */
    photoIds: z.array(Id).max(MAX_RETURN_PHOTOS, "At most 5 photos").optional(),
    /** Required when the order was paid cash on delivery: where to send the refund. */
    refundAccount: RefundAccountInput.optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.orderItemId))
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "orderItemId"],
          message: "This item is listed twice",
        });
      seen.add(l.orderItemId);
    });
    if (v.photoIds && new Set(v.photoIds).size !== v.photoIds.length)
      ctx.addIssue({ code: "custom", path: ["photoIds"], message: "A photo is listed twice" });
  });
export type ReturnRequestInput = z.input<typeof ReturnRequestInput>;

export const ReturnIdInput = z.object({ id: Id });
export type ReturnIdInput = z.input<typeof ReturnIdInput>;

export const ReturnsMineInput = PageInput.extend({ status: ReturnStatus.optional() });
export type ReturnsMineInput = z.input<typeof ReturnsMineInput>;

export const ReturnEscalateInput = z.object({
  id: Id,
  note: safeText("Note", { multiline: true }).min(3, "Say why the rejection is wrong").max(1000),
});
export type ReturnEscalateInput = z.input<typeof ReturnEscalateInput>;

export const SellerReturnsListInput = PageInput.extend({ status: ReturnStatus.optional() });
export type SellerReturnsListInput = z.input<typeof SellerReturnsListInput>;

export const ReturnRejectInput = z.object({
  id: Id,
  reason: safeText("Reason", { multiline: true }).min(3, "Give a reason of at least 3 characters").max(500),
});
export type ReturnRejectInput = z.input<typeof ReturnRejectInput>;

export const ReturnReceiveInput = z
  .object({
    id: Id,
    /** One entry per line of the return: put the units back on sale or not. */
    lines: z
      .array(z.object({ orderItemId: Id, restock: z.boolean() }))
      .min(1)
      .max(100),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.orderItemId))
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "orderItemId"],
          message: "This item is listed twice",
        });
      seen.add(l.orderItemId);
    });
  });
export type ReturnReceiveInput = z.input<typeof ReturnReceiveInput>;

export const SetShopReturnWindowInput = z.object({
  /** Days after delivery (0 = no returns); null follows the platform default. */
  returnWindowDays: ReturnWindowDays.nullable(),
});
export type SetShopReturnWindowInput = z.input<typeof SetShopReturnWindowInput>;

export const AdminReturnsListInput = PageInput.extend({
  status: ReturnStatus.optional(),
  /** Only returns escalated to an admin and not yet decided. */
  escalated: z.boolean().optional(),
  /** Only cash-on-delivery refunds an admin still has to pay. */
  refundOwed: z.boolean().optional(),
  sellerId: Id.optional(),
  /** A return number. */
  q: safeText("Search").max(100).optional(),
});
export type AdminReturnsListInput = z.input<typeof AdminReturnsListInput>;

export const AdminReturnDecideInput = z.object({
  id: Id,
  decision: z.enum(["approve", "reject"], { message: "Approve or reject" }),
  note: safeText("Note", { multiline: true }).min(3, "Give a note of at least 3 characters").max(1000),
});
export type AdminReturnDecideInput = z.input<typeof AdminReturnDecideInput>;

export const MarkRefundPaidInput = z.object({
  id: Id,
  /** The UPI or bank transfer reference. */
  reference: safeText("Reference").min(3, "Give the payment reference").max(100),
});
export type MarkRefundPaidInput = z.input<typeof MarkRefundPaidInput>;

export const SetDefaultReturnWindowInput = z.object({ days: ReturnWindowDays });
export type SetDefaultReturnWindowInput = z.input<typeof SetDefaultReturnWindowInput>;

export const AdminSetShopReturnWindowInput = z.object({
  sellerId: Id,
  returnWindowDays: ReturnWindowDays.nullable(),
});
export type AdminSetShopReturnWindowInput = z.input<typeof AdminSetShopReturnWindowInput>;

// ---- DTOs ------------------------------------------------------------------------------------

export type ReturnLineDto = {
  orderItemId: string;
  productId: string | null;
  title: string;
  variantLabel: string;
  imageUrl: string | null;
  qty: number;
  reason: ReturnReason;
  /** Paise refunded for these units. */
  amount: number;
  /** Chosen by the seller on receipt; null until then. */
  restock: boolean | null;
};

export type ReturnEventDto = {
  /** `return.requested`, `return.approved`, ... */
  to: string;
  at: Date;
  actorRole: "customer" | "seller" | "admin" | "system";
  note: string | null;
};

export type ReturnDto = {
  id: string;
  number: string;
  status: ReturnStatus;
  order: { id: string; number: string; paymentMethod: PaymentMethod };
  subOrder: { id: string; number: string; deliveredAt: Date | null };
  shop: { id: string; shopName: string; slug: string };
  lines: ReturnLineDto[];
  comment: string | null;
  photos: { id: string; url: string }[];
  rejectReason: string | null;
  escalationNote: string | null;
  decisionNote: string | null;
  /** Paise: the units' share of what was paid, plus shipping when owed back; refundAmount = both. */
  itemsAmount: number;
  shippingAmount: number;
  refundAmount: number;
  refundMethod: RefundMethod;
  refundStatus: ReturnRefundStatus;
  /** COD refunds: where the money goes, masked (`UPI ab…@okhdfc`, `Bank XXXXXX1234`). */
  refundAccountLabel: string | null;
  refundReference: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  rejectedAt: Date | null;
  escalatedAt: Date | null;
  receivedAt: Date | null;
  refundedAt: Date | null;
  /** A rejected return the buyer may still escalate: until when. */
  escalateUntil: Date | null;
  /** What the viewer may do now. */
  actions: ReturnAction[];
  timeline: ReturnEventDto[];
  updatedAt: Date;
};

export type ReturnSummaryDto = {
  id: string;
  number: string;
  status: ReturnStatus;
  refundStatus: ReturnRefundStatus;
  refundAmount: number;
  orderId: string;
  orderNumber: string;
  subOrderId: string;
  subOrderNumber: string;
  shopName: string;
  itemCount: number;
  imageUrl: string | null;
  requestedAt: Date;
  updatedAt: Date;
};

/** A seller's view adds who asked (never their address or refund account). */
export type SellerReturnDto = ReturnDto & { customer: { name: string } };
export type SellerReturnSummaryDto = ReturnSummaryDto & { customerName: string };

/** An admin's view: who is involved and, for COD, the full account to pay into. */
export type AdminReturnDto = ReturnDto & {
  customer: { id: string; name: string; email: string };
  refundAccount: RefundAccount | null;
};
export type AdminReturnSummaryDto = ReturnSummaryDto & {
  customer: { id: string; name: string; email: string };
  refundMethod: RefundMethod;
  /** COD refunds: the masked account, so the refunds-owed list says where each goes. */
  refundAccountLabel: string | null;
};

/** The returns of one sub-order, as order pages show them. */
export type SubOrderReturnDto = {
  id: string;
  number: string;
  status: ReturnStatus;
  refundStatus: ReturnRefundStatus;
  refundAmount: number;
  itemCount: number;
  requestedAt: Date;
};

export type ShopReturnWindowDto = {
  /** The shop's own window; null follows the platform default. */
  returnWindowDays: number | null;
  platformDefaultDays: number;
  effectiveDays: number;
};

export type ReturnSettingsDto = { defaultWindowDays: number };
