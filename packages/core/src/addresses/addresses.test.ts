import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../identity/authenticate";
import { createVerifiedUser } from "../identity/create-user";
import { createTestContext, signInForTest as login, rejects, type TestContext } from "../testing";
import { createAddress } from "./create-address";
import { listAddresses } from "./list-addresses";
import { removeAddress } from "./remove-address";
import { setDefaultAddress } from "./set-default-address";
import { updateAddress } from "./update-address";

let t: TestContext;
const origin = { ip: null, userAgent: null };
/** A signed-in customer of one test's own, so no test sees another's address book. */
async function customer(name: string) {
  const email = `${name}-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name, password: "pass-word-1", role: "customer" });
  return authenticate(t.deps, (await login(t.deps, origin, { email, password: "pass-word-1" })).accessToken);
}
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const home = {
  name: "Alice",
  phone: "9876543210",
  line1: "12 MG Road",
  city: "Bengaluru",
  state: "Karnataka" as const,
  pincode: "560001",
};

describe("addresses", () => {
  it("makes the first address the default and keeps exactly one default", async () => {
    const alice = await customer("alice");
    const a = await createAddress(t.deps, alice, home);
    expect(a).toMatchObject({ isDefault: true, phone: "+919876543210", country: "IN" });
    const b = await createAddress(t.deps, alice, {
      ...home,
      line1: "5 Park Street",
      city: "Kolkata",
      state: "West Bengal",
      pincode: "700016",
    });
    expect(b.isDefault).toBe(false);
    await setDefaultAddress(t.deps, alice, { id: b.id });
    const list = await listAddresses(t.deps, alice);
    expect(list.filter((x) => x.isDefault).map((x) => x.id)).toEqual([b.id]);
    expect(list[0]!.id).toBe(b.id);
  });

  it("stores a cleared optional line as empty, not as a blank string", async () => {
    const alice = await customer("alice");
    const a = await createAddress(t.deps, alice, {
      ...home,
      line2: "Near the temple",
      landmark: "Opp. bus stand",
    });
    const b = await updateAddress(t.deps, alice, { id: a.id, line2: "", landmark: "" });
    expect(b).toMatchObject({ line2: null, landmark: null });
    await removeAddress(t.deps, alice, { id: a.id });
    expect(await listAddresses(t.deps, alice)).toEqual([]);
  });

  it("promotes another address when the default is removed", async () => {
    const alice = await customer("alice");
    const def = await createAddress(t.deps, alice, home);
    const other = await createAddress(t.deps, alice, { ...home, line1: "5 Park Street" });
    expect(def.isDefault).toBe(true);
    await removeAddress(t.deps, alice, { id: def.id });
    const list = await listAddresses(t.deps, alice);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: other.id, isDefault: true });
  });

  it("survives two concurrent default changes with one default left", async () => {
    const alice = await customer("alice");
    await createAddress(t.deps, alice, home);
    const x = await createAddress(t.deps, alice, { ...home, line1: "X" });
    const y = await createAddress(t.deps, alice, { ...home, line1: "Y" });
    await Promise.all([
      setDefaultAddress(t.deps, alice, { id: x.id }),
      setDefaultAddress(t.deps, alice, { id: y.id }),
    ]);
    expect((await listAddresses(t.deps, alice)).filter((a) => a.isDefault)).toHaveLength(1);
  });

  it("hides one customer's addresses from another", async () => {
    const alice = await customer("alice");
    const bob = await customer("bob");
    const mine = await createAddress(t.deps, alice, home);
    expect(await listAddresses(t.deps, bob)).toEqual([]);
    for (const attempt of [
      () => updateAddress(t.deps, bob, { id: mine.id, city: "Mysuru" }),
      () => removeAddress(t.deps, bob, { id: mine.id }),
      () => setDefaultAddress(t.deps, bob, { id: mine.id }),
    ]) {
      const e = await rejects(attempt());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "address.not_found"]);
    }
    expect((await listAddresses(t.deps, alice)).find((a) => a.id === mine.id)?.city).toBe("Bengaluru");
  });

  it("refuses a bad PIN code and an unknown state by field", async () => {
    const alice = await customer("alice");
    await expect(createAddress(t.deps, alice, { ...home, pincode: "012345" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["pincode"] })],
    });
    await expect(createAddress(t.deps, alice, { ...home, state: "Atlantis" as never })).rejects.toMatchObject(
      {
        issues: [expect.objectContaining({ path: ["state"] })],
      },
    );
  });

  it("caps the address book at 20", async () => {
    const bob = await customer("bob");
    for (let i = 0; i < 20; i++) await createAddress(t.deps, bob, { ...home, line1: `Flat ${i}` });
    await expect(createAddress(t.deps, bob, home)).rejects.toMatchObject({ reason: "address.limit_reached" });
  });
});
