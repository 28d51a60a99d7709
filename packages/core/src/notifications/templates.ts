import { both, layout, note, noteParagraphs, type P, type Rendered, rupees, str } from "./template-kit";
import { googleTemplates } from "./templates-google";
import { messagingTemplates } from "./templates-messaging";
import { payoutTemplates } from "./templates-payouts";
import { questionTemplates } from "./templates-questions";
import { reportTemplates } from "./templates-reports";
import { returnTemplates } from "./templates-returns";
import { reviewTemplates } from "./templates-reviews";
import { twoFactorTemplates } from "./templates-two-factor";
import { webhookTemplates } from "./templates-webhooks";

/**
 * Email templates: each renders a subject, a plain-text part and an HTML part from the
 * outbox payload. Values are escaped for HTML; the text part is the source of truth.
 */
const STATUS_WORDS: Record<string, string> = {
  confirmed: "is confirmed",
  packed: "is packed",
  shipped: "has shipped",
  out_for_delivery: "is out for delivery",
  delivered: "was delivered",
};

export const templates = {
  verify_email: (p: P): Rendered => ({
    subject: `Your Bazaar verification code is ${str(p, "code")}`,
    text: `Hi ${str(p, "name")},\n\nYour verification code is ${str(p, "code")}. It expires in 10 minutes.\n\nIf you did not sign up for Bazaar, ignore this email.\n`,
    html: layout("Verify your email", [
      `Hi ${str(p, "name")},`,
      `Your verification code is ${str(p, "code")}. It expires in 10 minutes.`,
      "If you did not sign up for Bazaar, ignore this email.",
    ]),
  }),
  welcome: (p: P): Rendered => ({
    subject: "Welcome to Bazaar",
    text: `Hi ${str(p, "name")},\n\nYour email is verified and your account is ready.\n\nStart shopping: ${str(p, "url")}\n`,
    html: layout(
      "Welcome to Bazaar",
      [`Hi ${str(p, "name")},`, "Your email is verified and your account is ready."],
      { label: "Start shopping", url: str(p, "url") },
    ),
  }),
  signup_existing: (p: P): Rendered => ({
    subject: "Someone tried to sign up with your email",
    text: `Hi ${str(p, "name")},\n\nSomeone (maybe you) tried to create a Bazaar account with this email, but you already have one.\nSign in: ${str(p, "loginUrl")}\nForgot your password? ${str(p, "resetUrl")}\n`,
    html: layout(
      "You already have an account",
      [
        `Hi ${str(p, "name")},`,
        "Someone (maybe you) tried to create a Bazaar account with this email, but you already have one.",
      ],
      { label: "Sign in", url: str(p, "loginUrl") },
    ),
  }),
  choose_password: (p: P): Rendered =>
    both(
      "Choose your Bazaar password",
      "Choose your password",
      [
        `Hi ${str(p, "name")},`,
        "Your email address was signed up for more than once, with different passwords, before it was confirmed. We could not tell which password was yours, so neither works.",
        "You are signed in on the device where you entered the code. Choose your password here (valid for 15 minutes, once).",
      ],
      { label: "Choose password", url: str(p, "url") },
    ),
  password_reset: (p: P): Rendered => ({
    subject: "Reset your Bazaar password",
    text: `Hi ${str(p, "name")},\n\nReset your password here (valid for 15 minutes, once):\n${str(p, "url")}\n\nIf you did not ask for this, ignore this email; your password stays the same.\n`,
    html: layout(
      "Reset your password",
      [
        `Hi ${str(p, "name")},`,
        "The link is valid for 15 minutes and works once.",
        "If you did not ask for this, ignore this email.",
      ],
      { label: "Reset password", url: str(p, "url") },
    ),
  }),
  password_changed: (p: P): Rendered => ({
    subject: "Your Bazaar password was changed",
    text: `Hi ${str(p, "name")},\n\nYour password was just changed and your other devices were signed out.\nIf this was not you, reset your password now: ${str(p, "resetUrl")}\n`,
    html: layout(
      "Your password was changed",
      [
        `Hi ${str(p, "name")},`,
        "Your password was just changed and your other devices were signed out.",
        "If this was not you, reset your password now.",
      ],
      { label: "Reset password", url: str(p, "resetUrl") },
    ),
  }),
  account_status: (p: P): Rendered => ({
    subject: `Your Bazaar account is ${str(p, "status")}`,
    text: `Hi ${str(p, "name")},\n\nYour account is now ${str(p, "status")}.\nReason: ${str(p, "reason")}\n`,
    html: layout(`Your account is ${str(p, "status")}`, [
      `Hi ${str(p, "name")},`,
      `Reason: ${str(p, "reason")}`,
    ]),
  }),
  // Seller decisions: payload { name, shopName, reason, url } (reason may be empty).
  seller_approved: (p: P): Rendered => ({
    subject: `Your shop ${str(p, "shopName")} is approved`,
    text: `Hi ${str(p, "name")},\n\nGood news: ${str(p, "shopName")} is approved and you can start selling on Bazaar.\n${note(p)}\nOpen your seller dashboard: ${str(p, "url")}\n`,
    html: layout(
      "Your shop is approved",
      [
        `Hi ${str(p, "name")},`,
        `Good news: ${str(p, "shopName")} is approved and you can start selling on Bazaar.`,
        ...noteParagraphs(p),
      ],
      { label: "Open seller dashboard", url: str(p, "url") },
    ),
  }),
  seller_rejected: (p: P): Rendered => ({
    subject: `Your application for ${str(p, "shopName")} was not approved`,
    text: `Hi ${str(p, "name")},\n\nWe could not approve your application for ${str(p, "shopName")}.\nReason: ${str(p, "reason")}\n\nYou can fix the details and apply again: ${str(p, "url")}\n`,
    html: layout(
      "Your application was not approved",
      [
        `Hi ${str(p, "name")},`,
        `We could not approve your application for ${str(p, "shopName")}.`,
        `Reason: ${str(p, "reason")}`,
        "You can fix the details and apply again.",
      ],
      { label: "Apply again", url: str(p, "url") },
    ),
  }),
  seller_suspended: (p: P): Rendered => ({
    subject: `Your shop ${str(p, "shopName")} is suspended`,
    text: `Hi ${str(p, "name")},\n\n${str(p, "shopName")} is suspended: its products are hidden from the store and seller tools are locked.\nReason: ${str(p, "reason")}\n\nReply to this email if you think this is a mistake.\n`,
    html: layout("Your shop is suspended", [
      `Hi ${str(p, "name")},`,
      `${str(p, "shopName")} is suspended: its products are hidden from the store and seller tools are locked.`,
      `Reason: ${str(p, "reason")}`,
      "Reply to this email if you think this is a mistake.",
    ]),
  }),
  seller_reinstated: (p: P): Rendered => ({
    subject: `Your shop ${str(p, "shopName")} is open again`,
    text: `Hi ${str(p, "name")},\n\n${str(p, "shopName")} is reinstated: your approved products are back in the store.\n${note(p)}\nOpen your seller dashboard: ${str(p, "url")}\n`,
    html: layout(
      "Your shop is open again",
      [
        `Hi ${str(p, "name")},`,
        `${str(p, "shopName")} is reinstated: your approved products are back in the store.`,
        ...noteParagraphs(p),
      ],
      { label: "Open seller dashboard", url: str(p, "url") },
    ),
  }),
  order_placed: (p: P): Rendered =>
    both(
      `Order ${str(p, "number")} placed`,
      "Thank you for your order",
      [
        `Hi ${str(p, "name")},`,
        `We have your order ${str(p, "number")} for ${rupees(p, "total")}${str(p, "method") === "cod" ? ", to be paid in cash on delivery" : ""}.`,
        str(p, "method") === "cod"
          ? "The sellers will start packing it now."
          : "We will confirm it as soon as the payment reaches us.",
      ],
      { label: "View your order", url: str(p, "url") },
    ),
  payment_received: (p: P): Rendered =>
    both(
      `Payment received for order ${str(p, "number")}`,
      "Payment received",
      [
        `Hi ${str(p, "name")},`,
        `We received ${rupees(p, "amount")} for order ${str(p, "number")}. The sellers will start packing it now.`,
      ],
      { label: "View your order", url: str(p, "url") },
    ),
  order_status: (p: P): Rendered =>
    both(
      `Your order ${str(p, "number")} ${STATUS_WORDS[str(p, "status")] ?? "was updated"}`,
      "Order update",
      [
        `Hi ${str(p, "name")},`,
        `${str(p, "shopName")}'s part of your order ${str(p, "number")} ${STATUS_WORDS[str(p, "status")] ?? "was updated"}.`,
        ...(str(p, "carrier")
          ? [`Carrier: ${str(p, "carrier")}, tracking number ${str(p, "trackingNumber")}.`]
          : []),
      ],
      { label: "Track it", url: str(p, "url") },
    ),
  order_cancelled: (p: P): Rendered =>
    both(
      `Order ${str(p, "number")} cancelled`,
      "Order cancelled",
      [
        `Hi ${str(p, "name")},`,
        `${str(p, "what")} of order ${str(p, "number")} is cancelled.`,
        ...(str(p, "reason") ? [`Reason: ${str(p, "reason")}`] : []),
        ...(Number(p.refund ?? 0) > 0
          ? [`${rupees(p, "refund")} will be refunded to your original payment method.`]
          : []),
      ],
      { label: "View your order", url: str(p, "url") },
    ),
  refund_processed: (p: P): Rendered =>
    both(
      `Refund of ${rupees(p, "amount")} for order ${str(p, "number")}`,
      "Refund processed",
      [
        `Hi ${str(p, "name")},`,
        `We refunded ${rupees(p, "amount")} for order ${str(p, "number")}. Banks usually show it within 5–7 working days.`,
      ],
      { label: "View your order", url: str(p, "url") },
    ),
  seller_new_order: (p: P): Rendered =>
    both(
      `New order ${str(p, "number")}`,
      "You have a new order",
      [
        `Hi ${str(p, "shopName")},`,
        `Order ${str(p, "number")} for ${rupees(p, "total")} is confirmed and ready for you to pack.`,
      ],
      { label: "Open your orders", url: str(p, "url") },
    ),
  ...returnTemplates,
  ...reviewTemplates,
  ...questionTemplates,
  ...reportTemplates,
  ...payoutTemplates,
  ...messagingTemplates,
  ...webhookTemplates,
  ...twoFactorTemplates,
  ...googleTemplates,
} satisfies Record<string, (p: P) => Rendered>;

export type TemplateName = keyof typeof templates;
