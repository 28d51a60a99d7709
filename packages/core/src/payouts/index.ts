// Payouts: a seller withdraws available money; an admin approves, pays (UTR) or rejects.
// requested → approved → paid; requested | approved → rejected. Money moves through the
// ledger (available → in payout on request; in payout → paid out, or back to available).
export { approvePayout } from "./approve-payout";
export { exportPayouts } from "./export-payouts";
export { adminGetPayout, getMyPayout } from "./get-payout";
export { adminListPayouts, listMyPayouts } from "./list-payouts";
export { markPayoutPaid } from "./mark-payout-paid";
export { rejectPayout } from "./reject-payout";
export { requestPayout } from "./request-payout";
