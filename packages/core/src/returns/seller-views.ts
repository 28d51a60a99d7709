import type { Database } from "@bazaar/db";
import type { SellerReturnDto } from "@bazaar/schemas";
import { customersOf, type ReturnRow, toReturnDtos } from "./queries";

/** The seller's view: the return and who asked (by name only). */
export async function toSellerReturnDto(db: Database, row: ReturnRow, now: Date): Promise<SellerReturnDto> {
  const [dto] = await toReturnDtos(db, [row], "seller", now);
  const customer = (await customersOf(db, [row])).get(row.customerId);
  return { ...dto!, customer: { name: customer?.name ?? "" } };
}
