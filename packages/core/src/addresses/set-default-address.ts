import { type AddressDto, IdInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { lockAddressOwner, makeDefaultAddress } from "./default-address";
import { addressNotFound, toAddressDto } from "./queries";

export async function setDefaultAddress(deps: Deps, actor: Actor, raw: IdInput): Promise<AddressDto> {
  const { id } = IdInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockAddressOwner(tx, actor.userId);
    const row = await makeDefaultAddress(tx, actor.userId, id);
    if (!row) throw addressNotFound();
    return toAddressDto(row);
  });
}
