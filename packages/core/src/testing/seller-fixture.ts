import { categories, products } from "@bazaar/db";
import type { Role, SellerApplyInput } from "@bazaar/schemas";
import { createVerifiedUser } from "../identity";
import type { Actor } from "../platform/deps";
import type { TestContext } from "./test-context";

/** Test-only helpers for the sellers domain (not exported from the package). */

let n = 0;

/** A verified account and an actor for it, as the API would build after sign-in. */
export async function newActor(t: TestContext, role: Role = "customer", name?: string) {
  const i = ++n;
  const user = await createVerifiedUser(t.deps, {
    email: `${role}${i}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: name ?? `${role} ${i}`,
    password: "s3cret-pass",
    role,
  });
  const actor: Actor = { userId: user.id, role, sessionId: crypto.randomUUID() };
  return { user, actor };
}

export const application = (over: Partial<SellerApplyInput> = {}): SellerApplyInput => ({
  shopName: "Lakshmi Silks",
  description: "Kanchipuram silk sarees woven in our family workshop.",
  contactEmail: "hello@lakshmisilks.in",
  contactPhone: "98765 43210",
  pickupAddress: {
    name: "Lakshmi Narayanan",
    phone: "9876543210",
    line1: "12 Gandhi Road",
    city: "Kanchipuram",
    state: "Tamil Nadu",
    pincode: "631501",
  },
  gstin: "33AAKFL4821M1Z6",
  pan: "AAKFL4821M",
  bankAccount: { holder: "Lakshmi Silks", number: "50100234567812", ifsc: "hdfc0001234" },
  ...over,
});

/** A product row straight into the table, so shop tests do not depend on the catalog's use cases. */
export async function insertProduct(
  t: TestContext,
  sellerId: string,
  status: "draft" | "approved" | "pending_review" = "approved",
) {
  const i = ++n;
  const [cat] = await t.deps.db
    .insert(categories)
    .values({ name: `Category ${i}`, slug: `category-${i}-${Math.random().toString(36).slice(2, 8)}` })
    .returning();
  const [p] = await t.deps.db
    .insert(products)
    .values({
      sellerId,
      categoryId: cat!.id,
      slug: `product-${i}-${Math.random().toString(36).slice(2, 8)}`,
      title: `Product ${i}`,
      status,
    })
    .returning();
  return p!;
}
