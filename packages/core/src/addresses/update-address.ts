import { addresses } from "@bazaar/db";
import { type AddressDto, UpdateAddressInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { addressNotFound, toAddressDto } from "./queries";

export async function updateAddress(deps: Deps, actor: Actor, raw: UpdateAddressInput): Promise<AddressDto> {
  const { id, ...fields } = UpdateAddressInput.parse(raw);
  const [row] = await deps.db
    .update(addresses)
    .set({
      ...fields,
      // Cleared optional lines are stored as null, as on create.
      ...(fields.label !== undefined && { label: fields.label || null }),
      ...(fields.line2 !== undefined && { line2: fields.line2 || null }),
      ...(fields.landmark !== undefined && { landmark: fields.landmark || null }),
      updatedAt: deps.now(),
    })
    .where(and(eq(addresses.id, id), eq(addresses.userId, actor.userId)))
    .returning();
  if (!row) throw addressNotFound();
  return toAddressDto(row);
}
