import { ProductTakeDownInput, type SellerProductDto } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function takeDownProduct(
  _deps: Deps,
  _actor: Actor,
  raw: ProductTakeDownInput,
): Promise<SellerProductDto> {
  ProductTakeDownInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "catalog.not_implemented", "Not implemented yet");
}
