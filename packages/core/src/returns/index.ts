// The returns domain: what other domains and the package index may use.
//
// Decisions worth knowing:
// - Units are held by a return while it is live (requested, approved, escalated, received,
//   refunded): order_items.returned_qty counts them. A cancelled or rejected return gives its
//   units back, so the buyer may send a new (corrected) request while the window is open. An
//   escalation takes them again (refused if a newer request holds them) and is re-priced; a
//   rejection by an admin on escalation is final (a return is escalated at most once).
// - The window is open while now < deliveredAt + days (sellers/return-window.ts); 0 days = none.
// - Amounts are fixed at request (re-priced on escalation): pro rata per unit of the line's
//   paid total (net of its coupon share), rounded down; the units completing a line get its
//   remainder. Shipping only when the return completes the sub-order and every line of it is
//   the seller's fault. Refunds are booked on receipt: order_items.refunded_amount (DB check:
//   never above the line total) and, for online orders, a refunds row (key r-<returnId>).
// - A refundAccount given for an online order is ignored: the money goes back the way it came.
export { adminGetReturn } from "./admin-get-return";
export { adminListReturns } from "./admin-list-returns";
export { approveReturn } from "./approve-return";
export { cancelReturn } from "./cancel-return";
export { decideReturn } from "./decide-return";
export { escalateReturn } from "./escalate-return";
export { getMyReturn } from "./get-my-return";
export { getSellerReturn } from "./get-seller-return";
export { listMyReturns } from "./list-my-returns";
export { listSellerReturns } from "./list-seller-returns";
export { markReturnRefundPaid } from "./mark-refund-paid";
export { receiveReturn } from "./receive-return";
export { rejectReturn } from "./reject-return";
export { requestReturn } from "./request-return";
export {
  adminGetShopReturnWindow,
  adminSetShopReturnWindow,
  getReturnSettings,
  getShopReturnWindow,
  setDefaultReturnWindow,
  setShopReturnWindow,
} from "./return-windows";
export { settleReturnRefund } from "./settle-return-refund";
export { canMoveReturn, nextReturnStatuses, RETURN_TRANSITIONS } from "./transitions";
