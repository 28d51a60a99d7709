import type { NotificationCategory } from "@bazaar/schemas";

/**
 * Which preference category each email template belongs to. `security` mail (sign-in codes,
 * password resets and changes, account status, sign-in alerts) is sent whatever the user
 * chose and carries no unsubscribe link: turning it off would lock people out or hide an
 * attack from them.
 */
const CATEGORY: Record<string, NotificationCategory | "security"> = {
  verify_email: "security",
  signup_existing: "security",
  choose_password: "security",
  password_reset: "security",
  password_changed: "security",
  account_status: "security",
  sign_in_alert: "security",
  welcome: "account",
  order_placed: "orders",
  order_status: "orders",
  order_cancelled: "orders",
  seller_new_order: "orders",
  payment_received: "payments",
  payment_failed: "payments",
  refund_processed: "payments",
  seller_approved: "shop",
  seller_rejected: "shop",
  seller_suspended: "shop",
  seller_reinstated: "shop",
  product_taken_down: "catalog",
  review_new_for_seller: "catalog",
  review_seller_replied: "catalog",
};

/** Templates added later by a domain are placed by their prefix. */
const PREFIX: [string, NotificationCategory][] = [
  ["return_", "returns"],
  ["question_", "questions"],
  ["payout_", "payouts"],
  ["message_", "messages"],
  ["conversation_", "messages"],
  ["order_", "orders"],
  ["product_", "catalog"],
  ["review_", "catalog"],
];

/**
 * The category of a template. A template nobody placed counts as `security`: it is always
 * sent, never silently dropped because of a guess.
 */
export function emailCategory(template: string): NotificationCategory | "security" {
  return CATEGORY[template] ?? PREFIX.find(([p]) => template.startsWith(p))?.[1] ?? "security";
}
