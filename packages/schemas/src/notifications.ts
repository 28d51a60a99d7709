// The in-app inbox and notification preferences (issue #15): `notifications.*`.
import { z } from "zod";
import { Cursor, Id } from "./common";

/**
 * What a user can switch on or off, one row of the preferences page each. Every
 * notification and every non-security email belongs to exactly one category.
 */
export const NOTIFICATION_CATEGORIES = [
  "orders",
  "payments",
  "returns",
  "messages",
  "questions",
  "catalog",
  "payouts",
  "shop",
  "account",
] as const;
export const NotificationCategory = z.enum(NOTIFICATION_CATEGORIES, {
  message: `Category must be one of: ${NOTIFICATION_CATEGORIES.join(", ")}`,
});
export type NotificationCategory = z.infer<typeof NotificationCategory>;

/** One entry of the inbox. `link` is a path inside the recipient's own app (e.g. `/orders/<id>`). */
export const NotificationDto = z.object({
  id: Id,
  category: NotificationCategory,
  /** The event, e.g. `order.placed`, `message.received`. */
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

/** Newest first, cursor pages. `unreadOnly` shows only what has not been read yet. */
export const NotificationsListInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: Cursor.optional(),
  unreadOnly: z.boolean().default(false),
});
export type NotificationsListInput = z.infer<typeof NotificationsListInput>;

export type NotificationsPage = { items: NotificationDto[]; nextCursor: string | null };

export const NotificationUnreadCountDto = z.object({ count: z.number().int().min(0) });
export type NotificationUnreadCountDto = z.infer<typeof NotificationUnreadCountDto>;

/** Marks some of the caller's notifications read; ids that are not theirs are ignored. */
export const MarkNotificationsReadInput = z.object({
  ids: z
    .array(Id, { message: "ids must be a list of notification ids" })
    .min(1, "Name at least one notification")
    .max(100, "At most 100 notifications at once"),
});
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;

/** What markRead and markAllRead answer: how many changed, and the unread count after. */
export const MarkReadResult = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
export type MarkReadResult = z.infer<typeof MarkReadResult>;

/**
 * One live event on `notifications.onNew`: the notifications just written (empty when only
 * the count changed, e.g. another tab marked some read) and the unread count after.
 */
export const NotificationLiveEvent = z.object({
  notifications: z.array(NotificationDto),
  unreadCount: z.number().int(),
});
export type NotificationLiveEvent = z.infer<typeof NotificationLiveEvent>;

/**
 * A category's switches. Security emails (sign-in codes, password resets, sign-in alerts)
 * are sent whatever `email` says; `account` covers the rest of the account's mail.
 */
export const NotificationPreferenceDto = z.object({
  category: NotificationCategory,
  email: z.boolean(),
  inApp: z.boolean(),
});
export type NotificationPreferenceDto = z.infer<typeof NotificationPreferenceDto>;

/** Every category, in NOTIFICATION_CATEGORIES order, defaults (both on) filled in. */
export const NotificationPreferencesDto = z.object({
  items: z.array(NotificationPreferenceDto),
  /** Always true: shown on the page as "security emails are always sent". */
  securityEmailsAlwaysOn: z.literal(true),
});
export type NotificationPreferencesDto = z.infer<typeof NotificationPreferencesDto>;

/** Changes some categories; a switch left out keeps its value. Answers the whole set. */
export const SetNotificationPreferencesInput = z.object({
  items: z
    .array(
      z.object({
        category: NotificationCategory,
        email: z.boolean({ message: "email must be true or false" }).optional(),
        inApp: z.boolean({ message: "inApp must be true or false" }).optional(),
      }),
    )
    .min(1, "Change at least one category")
    .max(NOTIFICATION_CATEGORIES.length)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, {
      message: "Each category may appear once",
    }),
});
export type SetNotificationPreferencesInput = z.infer<typeof SetNotificationPreferencesInput>;

/** The signed one-click unsubscribe token from an email link (no sign-in needed). */
export const UnsubscribeTokenInput = z.object({
  token: z
    .string({ message: "token must be text" })
    .min(1, "token is missing")
    .max(300, "This unsubscribe link is not valid")
    .regex(/^[A-Za-z0-9_.-]+$/, "This unsubscribe link is not valid"),
});
export type UnsubscribeTokenInput = z.infer<typeof UnsubscribeTokenInput>;
