import type { ShopResponseTimeDto, ShopResponseTimeInput } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function getShopResponseTime(
  _deps: Deps,
  _raw: ShopResponseTimeInput,
): Promise<ShopResponseTimeDto> {
  throw notYet("getShopResponseTime");
}
