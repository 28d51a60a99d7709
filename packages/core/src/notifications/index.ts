export { createOutboxMailer, createSmtpMailer } from "./mailer";
export {
  type NewNotification,
  type Notified,
  notificationChannel,
  notify,
  publishNotified,
  publishUnreadCount,
  unreadCounts,
} from "./notify";
export { dispatchEmails, queueEmail } from "./queue-email";
export { redrivePendingEmails } from "./redrive-pending-emails";
export { sendEmail } from "./send-email";
export type { TemplateName } from "./templates";
