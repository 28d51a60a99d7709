export { applyToSell } from "./apply-to-sell";
export { approveSeller } from "./approve-seller";
export { decryptBankAccount, encryptBankAccount, maskBankAccount } from "./bank-account";
export { createShopForSeed } from "./create-shop-for-seed";
export { getMySeller } from "./get-my-seller";
export { getPlatformSettings } from "./get-platform-settings";
export { getSeller } from "./get-seller";
export { getShopBySlug } from "./get-shop";
export { listSellers } from "./list-sellers";
export { commissionBpsOf, DEFAULT_COMMISSION_KEY, getDefaultCommissionBps } from "./queries";
export { reinstateSeller } from "./reinstate-seller";
export { rejectSeller } from "./reject-seller";
export { requireApprovedSeller } from "./require-seller";
export {
  DEFAULT_RETURN_WINDOW_KEY,
  getDefaultReturnWindowDays,
  returnableUntil,
  returnWindowsOf,
} from "./return-window";
export { setDefaultCommission } from "./set-default-commission";
export { setSellerCommission } from "./set-seller-commission";
export { suspendSeller } from "./suspend-seller";
export { sellerDecisions } from "./transitions";
export { updateShopProfile } from "./update-shop-profile";
