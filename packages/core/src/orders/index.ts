export { adminCancelOrder } from "./admin-cancel-order";
export { adminGetOrder } from "./admin-get-order";
export { adminListOrders } from "./admin-list-orders";
export { advanceSubOrder } from "./advance-sub-order";
export { cancelMyOrder } from "./cancel-my-order";
export { cancelSubOrders } from "./cancel-sub-orders";
export {
  announceTransitions,
  customerChannel,
  Effects,
  recordTransition,
  recordTransitions,
  reserveStock,
  sellerChannel,
  userEmailsInsert,
  userEmailsValues,
} from "./effects";
export { getMyOrder } from "./get-my-order";
export { getSellerOrder } from "./get-seller-order";
export { listMyOrders } from "./list-my-orders";
export { listSellerOrders } from "./list-seller-orders";
export { findCustomerOrder, newOrderDto, type OrderRow, paymentStartFor, toOrderDto } from "./queries";
export { type ActorKind, canMove, nextStatuses, TRANSITIONS } from "./transitions";
