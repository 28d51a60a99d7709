import { addresses } from "@bazaar/db";
import { type AddressDto, CreateAddressInput, MAX_ADDRESSES_PER_USER } from "@bazaar/schemas";
import { count, eq } from "drizzle-orm";
import { invalidState } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { lockAddressOwner, makeDefaultAddress } from "./default-address";
import { toAddressDto } from "./queries";

/** The first address becomes the default on its own. */
export async function createAddress(deps: Deps, actor: Actor, raw: CreateAddressInput): Promise<AddressDto> {
  const { isDefault, ...fields } = CreateAddressInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockAddressOwner(tx, actor.userId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(addresses)
      .where(eq(addresses.userId, actor.userId));
    if (n >= MAX_ADDRESSES_PER_USER) {
      throw invalidState("address.limit_reached", `You can keep at most ${MAX_ADDRESSES_PER_USER} addresses`);
    }
    const now = deps.now();
    const [row] = await tx
      .insert(addresses)
      .values({
        ...fields,
        label: fields.label || null,
        line2: fields.line2 || null,
        landmark: fields.landmark || null,
        userId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const dto = n === 0 || isDefault ? await makeDefaultAddress(tx, actor.userId, row!.id) : row;
    return toAddressDto(dto!);
  });
}
