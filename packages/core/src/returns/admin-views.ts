import type { AdminReturnDto } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";
import { customersOf, type ReturnRow, toReturnDtos } from "./queries";
import { readRefundAccount } from "./refund-account";

/**
 * An admin's view: who asked and, while a cash-on-delivery refund is owed, the full account
 * to pay into (decrypted for this read only; never once it is paid).
 */
export async function toAdminReturnDto(
  deps: Pick<Deps, "db" | "auth">,
  row: ReturnRow,
  now: Date,
): Promise<AdminReturnDto> {
  const [dto] = await toReturnDtos(deps.db, [row], "admin", now);
  const customer = (await customersOf(deps.db, [row])).get(row.customerId);
  return {
    ...dto!,
    customer: customer ?? { id: row.customerId, name: "", email: "" },
    refundAccount: row.refundStatus === "owed" ? readRefundAccount(deps, row.refundAccountEncrypted) : null,
  };
}
