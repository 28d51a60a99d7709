import { addresses, type Database, users } from "@bazaar/db";
import {
  type AddressDto,
  CreateAddressInput,
  IdInput,
  MAX_ADDRESSES_PER_USER,
  UpdateAddressInput,
} from "@bazaar/schemas";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";

type Row = typeof addresses.$inferSelect;
const toDto = (a: Row): AddressDto => ({
  id: a.id,
  label: a.label,
  name: a.name,
  phone: a.phone,
  line1: a.line1,
  line2: a.line2,
  landmark: a.landmark,
  city: a.city,
  state: a.state,
  pincode: a.pincode,
  country: "IN",
  isDefault: a.isDefault,
  createdAt: a.createdAt,
});

const missing = () => notFound("address.not_found", "Address not found");

/**
 * Changes to which address is the default lock the owner's row first, so two concurrent
 * changes queue up instead of tripping the one-default-per-user index.
 */
const lockOwner = (tx: Database, userId: string) =>
  tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");

async function makeDefault(tx: Database, userId: string, addressId: string) {
  await tx
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), ne(addresses.id, addressId), eq(addresses.isDefault, true)));
  const [row] = await tx
    .update(addresses)
    .set({ isDefault: true })
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .returning();
  return row;
}

export async function listAddresses(deps: Deps, actor: Actor): Promise<AddressDto[]> {
  const rows = await deps.db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, actor.userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
  return rows.map(toDto);
}

/** The first address becomes the default on its own. */
export async function createAddress(deps: Deps, actor: Actor, raw: CreateAddressInput): Promise<AddressDto> {
  const { isDefault, ...fields } = CreateAddressInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockOwner(tx, actor.userId);
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
    const dto = n === 0 || isDefault ? await makeDefault(tx, actor.userId, row!.id) : row;
    return toDto(dto!);
  });
}

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
  if (!row) throw missing();
  return toDto(row);
}

export async function setDefaultAddress(deps: Deps, actor: Actor, raw: IdInput): Promise<AddressDto> {
  const { id } = IdInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockOwner(tx, actor.userId);
    const row = await makeDefault(tx, actor.userId, id);
    if (!row) throw missing();
    return toDto(row);
  });
}

/** Removing the default promotes the oldest remaining address, so a default always exists. */
export async function removeAddress(deps: Deps, actor: Actor, raw: IdInput): Promise<{ ok: true }> {
  const { id } = IdInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockOwner(tx, actor.userId);
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, actor.userId)))
      .returning();
    if (!gone) throw missing();
    if (gone.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, actor.userId))
        .orderBy(asc(addresses.createdAt))
        .limit(1);
      if (next) await makeDefault(tx, actor.userId, next.id);
    }
    return { ok: true as const };
  });
}
