// The returns domain: what other domains and the package index may use.
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
