// Buyer–seller conversations (issue #15).
export { adminGetThread } from "./admin-get-thread";
export { getThread } from "./get-thread";
export { listConversations } from "./list-conversations";
export { markConversationRead } from "./mark-read";
export { inboxChannel, streamMessages } from "./message-stream";
export { getShopResponseTime } from "./response-time";
export { sendMessage } from "./send-message";
export { setMessageHidden } from "./set-message-hidden";
export { startConversation } from "./start-conversation";
export { messageUnreadCount } from "./unread-count";
export {
  redriveUnreadEmails,
  sendUnreadEmail,
  UNREAD_EMAIL_AFTER_MS,
  UNREAD_EMAIL_GAP_MS,
} from "./unread-email";
