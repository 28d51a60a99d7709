export { emailCategory } from "./email-categories";
export { customerLinks, inr, sellerLinks } from "./links";
export { listNotifications } from "./list-notifications";
export { createOutboxMailer, createSmtpMailer } from "./mailer";
export { markAllNotificationsRead, markNotificationsRead, notificationUnreadCount } from "./mark-read";
export {
  cancelledNotices,
  orderPlacedNotices,
  sellerNewOrder,
  shopOwners,
  statusChangedNotice,
} from "./notices-orders";
export { paymentFailedNotice, paymentReceivedNotice, refundSettledNotice } from "./notices-payments";
export { returnNotice } from "./notices-returns";
export {
  payoutPaidNotice,
  productDecisionNotice,
  questionAnsweredNotice,
  questionAskedNotice,
  shopDecisionNotice,
} from "./notices-seller";
export {
  type NewNotification,
  type Notified,
  notificationChannel,
  notificationsInsert,
  notificationsJson,
  notifiedOf,
  notify,
  publishNotified,
  publishUnreadCount,
  unreadCounts,
} from "./notify";
export { getNotificationPreferences, setNotificationPreferences } from "./preferences";
export { dispatchEmails, queueEmail } from "./queue-email";
export { redrivePendingEmails } from "./redrive-pending-emails";
export { sendEmail } from "./send-email";
export { streamNotifications } from "./stream-notifications";
export type { TemplateName } from "./templates";
export { checkUnsubscribe, renderUnsubscribePage, unsubscribe } from "./unsubscribe";
export { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from "./unsubscribe-token";
