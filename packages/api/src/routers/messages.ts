import { router } from "../trpc";

/** Buyer–seller conversations: the customer's at `messages`, the shop's at `seller.messages`, reported ones at `admin.messages`. */
export const messagesRoutes = {
  customer: {},
  seller: { messages: router({}) },
  admin: { messages: router({}) },
};
