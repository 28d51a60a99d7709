import type { RefundAccount } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";
import { decryptBankAccount, encryptBankAccount, maskBankAccount } from "../sellers";

/**
 * A cash-on-delivery buyer's refund account, stored like sellers' bank numbers: the whole
 * account (JSON) AES-GCM encrypted, and a masked label for pages and emails.
 */
export function refundAccountColumns(deps: Pick<Deps, "auth">, account: RefundAccount) {
  return {
    refundAccountEncrypted: encryptBankAccount(deps, JSON.stringify(account)),
    refundAccountLabel: refundAccountLabel(account),
  };
}

/** `UPI an…@okaxis`, `Bank XXXXXX1234 · HDFC0000123`: enough to recognise, not to use. */
export function refundAccountLabel(a: RefundAccount): string {
  if (a.kind === "upi") {
    const [user = "", handle = ""] = a.upiId.split("@");
    return `UPI ${user.slice(0, 2)}…@${handle}`;
  }
  return `Bank ${maskBankAccount(a.accountNumber.slice(-4))} · ${a.ifsc}`;
}

/** The full account, for the admin who pays it only. */
export function readRefundAccount(deps: Pick<Deps, "auth">, encrypted: string | null): RefundAccount | null {
  return encrypted ? (JSON.parse(decryptBankAccount(deps, encrypted)) as RefundAccount) : null;
}
