import type { Deps } from "../platform/deps";
import { sealer } from "../platform/sealed";

/** Sealed with its own key (HKDF info "bazaar:bank-account"); see platform/sealed.ts. */
const bankAccount = sealer("bazaar:bank-account", "bank account");

export const encryptBankAccount = (deps: Pick<Deps, "auth">, accountNumber: string): string =>
  bankAccount.seal(deps, accountNumber);

/** The full account number, for payouts only: never put it in a DTO, a log or an email. */
export const decryptBankAccount = (deps: Pick<Deps, "auth">, encrypted: string): string =>
  bankAccount.open(deps, encrypted);

/** What reads show: a fixed-width mask, so not even the length of the number leaks. */
export const maskBankAccount = (last4: string) => `XXXXXX${last4}`;

/** The columns a bank account is stored as. */
export function bankAccountColumns(
  deps: Pick<Deps, "auth">,
  account: { holder: string; number: string; ifsc: string },
) {
  return {
    bankAccountHolder: account.holder,
    bankAccountEncrypted: encryptBankAccount(deps, account.number),
    bankAccountLast4: account.number.slice(-4),
    bankIfsc: account.ifsc,
  };
}
