import { randomUUID } from "node:crypto";
import { auditLog, productVariants, sellers } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { addCartItem, getCart } from "../cart";
import type { Actor, SellerActor } from "../platform/deps";
import { createTestContext, rejects, type TestContext } from "../testing";
import { catalogFixture } from "../testing/catalog-fixture";
import { newActor } from "../testing/seller-fixture";
import { addToWishlist, listWishlist } from "../wishlist";
import { approveProduct } from "./approve-product";
import { listProducts } from "./browse/list-products";
import { productBySlug } from "./browse/product-by-slug";
import { getSellerProduct } from "./get-seller-product";
import { moderationQueue } from "./moderation-queue";
import { submitProduct } from "./submit-product";
import { takeDownProduct } from "./take-down-product";
import { updateProduct } from "./update-product";

let t: TestContext;
let admin: Actor;
let f: ReturnType<typeof catalogFixture>;
let category: { id: string; slug: string };
beforeAll(async () => {
  t = await createTestContext();
  admin = (await newActor(t, "admin")).actor;
  f = catalogFixture(t.deps);
  category = await f.category("Takedowns");
});
afterAll(() => t.close());

async function liveProduct(title = "Handloom saree") {
  const seller = await f.seller({ name: `Weavers ${randomUUID().slice(0, 6)}` });
  const product = await f.product({ seller, category, title });
  const actor: SellerActor = {
    userId: seller.userId,
    role: "seller",
    sessionId: randomUUID(),
    sellerId: seller.id,
  };
  return { seller, product, actor };
}

describe("product takedown", () => {
  it("a live product leaves the storefront, cart and wishlist; the seller sees why and is emailed; the shop stays open", async () => {
    const { seller, product, actor } = await liveProduct("Zari silk saree");
    const buyer = await newActor(t, "customer");
    const [variant] = await t.deps.db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, product.id));
    await addCartItem(t.deps, { userId: buyer.user.id }, { variantId: variant!.id });
    await addToWishlist(t.deps, buyer.actor, { productId: product.id });
    // Warm the storefront cache: the takedown must bump it.
    expect((await productBySlug(t.deps, { slug: product.slug })).id).toBe(product.id);
    expect((await listProducts(t.deps, { seller: seller.slug })).items.map((p) => p.id)).toEqual([
      product.id,
    ]);

    const dto = await takeDownProduct(t.deps, admin, {
      productId: product.id,
      reason: "Counterfeit brand logo",
    });
    expect(dto).toMatchObject({ status: "rejected", statusReason: "Counterfeit brand logo" });
    expect(dto.takenDownAt).toBeInstanceOf(Date);

    expect(await rejects(productBySlug(t.deps, { slug: product.slug }))).toMatchObject({ code: "NOT_FOUND" });
    const list = await listProducts(t.deps, { seller: seller.slug });
    expect(list.items.some((p) => p.id === product.id)).toBe(false);
    const cart = await getCart(t.deps, { userId: buyer.user.id });
    const line = cart.groups.flatMap((g) => g.lines).find((l) => l.variantId === variant!.id)!;
    expect(line).toMatchObject({ available: false });
    const saved = await listWishlist(t.deps, buyer.actor);
    expect(saved.items.find((i) => i.productId === product.id)).toMatchObject({ available: false });

    const seen = await getSellerProduct(t.deps, actor, { id: product.id });
    expect(seen).toMatchObject({ status: "rejected", statusReason: "Counterfeit brand logo" });
    expect(seen.takenDownAt).toEqual(dto.takenDownAt);
    const [shop] = await t.deps.db.select().from(sellers).where(eq(sellers.id, seller.id));
    expect(shop!.status).toBe("approved");

    const mail = await t.lastEmailTo(seller.contactEmail);
    expect(mail.subject).toBe('Your listing "Zari silk saree" was taken down');
    expect(mail.text).toContain("Reason: Counterfeit brand logo");
    expect(mail.text).toContain("submit it again");
    expect(mail.text).toContain(`http://seller.test/products/${product.id}`);

    const [row] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, product.id), eq(auditLog.action, "product.taken_down")));
    expect(row).toMatchObject({
      actorId: admin.userId,
      data: {
        reason: "Counterfeit brand logo",
        before: { status: "approved", takenDownAt: null },
        after: { status: "rejected", statusReason: "Counterfeit brand logo" },
      },
    });
  });

  it("the seller appeals by editing and resubmitting; approval puts it back on sale and clears the takedown", async () => {
    const { product, actor } = await liveProduct();
    await takeDownProduct(t.deps, admin, { productId: product.id, reason: "Misleading photos" });
    // A rejected product is edited directly (no revision) and goes back to moderation.
    await updateProduct(t.deps, actor, { id: product.id, title: "Handloom saree (real photos)" });
    const submitted = await submitProduct(t.deps, actor, { id: product.id });
    expect(submitted.status).toBe("pending_review");
    const queue = await moderationQueue(t.deps, admin, { limit: 100 });
    expect(queue.items.some((i) => i.product.id === product.id)).toBe(true);

    const approved = await approveProduct(t.deps, admin, { productId: product.id });
    expect(approved).toMatchObject({ status: "approved", statusReason: null, takenDownAt: null });
    expect((await productBySlug(t.deps, { slug: product.slug })).title).toBe("Handloom saree (real photos)");
  });

  it("only a live product can be taken down; a second takedown is refused", async () => {
    const { product } = await liveProduct();
    await takeDownProduct(t.deps, admin, { productId: product.id, reason: "Prohibited item" });
    const again = await rejects(
      takeDownProduct(t.deps, admin, { productId: product.id, reason: "Prohibited item" }),
    );
    expect(again).toMatchObject({
      code: "INVALID_STATE",
      reason: "product.not_live",
      details: { status: "rejected" },
    });
    const missing = await rejects(
      takeDownProduct(t.deps, admin, { productId: randomUUID(), reason: "Prohibited item" }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", reason: "product.not_found" });
  });

  it("two admins at once: one takedown, one email", async () => {
    const { seller, product } = await liveProduct("Brass lamp");
    const results = await Promise.allSettled([
      takeDownProduct(t.deps, admin, { productId: product.id, reason: "Counterfeit" }),
      takeDownProduct(t.deps, admin, { productId: product.id, reason: "Counterfeit" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { reason: "product.not_live" },
    });
    expect((await t.emailsTo(seller.contactEmail)).filter((m) => /taken down/.test(m.subject))).toHaveLength(
      1,
    );
  });

  it("a reason is required and named", async () => {
    const { product } = await liveProduct();
    const e = await takeDownProduct(t.deps, admin, { productId: product.id, reason: " " }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ZodError);
    expect((e as ZodError).issues.map((i) => i.path.join("."))).toEqual(["reason"]);
  });
});
