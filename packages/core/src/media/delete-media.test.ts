import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { categories, media, productImages, products, reviews, sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../identity/create-user";
import type { Actor } from "../platform/deps";
import { createTestContext, type TestContext } from "../testing";
import { samplePng } from "../testing/sample-images";
import { deleteMedia } from "./delete-media";
import { scheduleMediaDeletion } from "./schedule-media-deletion";
import { uploadMedia } from "./upload-media";

let t: TestContext;
let owner: Actor;
let sellerId: string;
let categoryId: string;

beforeAll(async () => {
  t = await createTestContext();
  const user = await createVerifiedUser(t.deps, {
    email: "seller@example.com",
    name: "Seller",
    password: "pass-word-1",
    role: "seller",
  });
  owner = { userId: user.id, role: "seller", sessionId: randomUUID() };
  const [s] = await t.db.db
    .insert(sellers)
    .values({
      userId: user.id,
      shopName: "Media Shop",
      slug: "media-shop",
      contactEmail: "seller@example.com",
      contactPhone: "+919876543210",
      pickupAddress: {
        name: "S",
        phone: "9876543210",
        line1: "1 Road",
        city: "Pune",
        state: "Maharashtra",
        pincode: "411001",
      },
      bankAccountHolder: "S",
      bankAccountEncrypted: "x",
      bankAccountLast4: "1234",
      bankIfsc: "HDFC0001234",
      status: "approved",
    })
    .returning();
  sellerId = s!.id;
  const [c] = await t.db.db.insert(categories).values({ name: "Things", slug: "things" }).returning();
  categoryId = c!.id;
});
afterAll(() => t.close());

const upload = async () => {
  const dto = await uploadMedia(t.deps, owner, { bytes: samplePng() });
  return { ...dto, path: join(t.mediaDir, dto.url.replace("http://api.test/media/", "")) };
};
const rowExists = async (id: string) =>
  (await t.db.db.select().from(media).where(eq(media.id, id))).length === 1;
const newProduct = async (revision?: { imageIds: string[] }) => {
  const [p] = await t.db.db
    .insert(products)
    .values({ sellerId, slug: `p-${randomUUID()}`, title: "A thing", categoryId, revision })
    .returning();
  return p!.id;
};

describe("deleteMedia (the media.delete job)", () => {
  it("removes the row and the stored file, and a second run is a no-op", async () => {
    const m = await upload();
    expect(existsSync(m.path)).toBe(true);
    expect(await deleteMedia(t.deps, m.id)).toBe("deleted");
    expect(existsSync(m.path)).toBe(false);
    expect(await rowExists(m.id)).toBe(false);
    expect(await deleteMedia(t.deps, m.id)).toBe("missing");
  });

  it("is fine when the file is already gone", async () => {
    const m = await upload();
    await t.deps.mediaStore.delete(m.url.replace("http://api.test/media/", ""));
    expect(await deleteMedia(t.deps, m.id)).toBe("deleted");
    expect(await rowExists(m.id)).toBe(false);
  });

  it("skips media a product image still uses", async () => {
    const m = await upload();
    const productId = await newProduct();
    await t.db.db.insert(productImages).values({ productId, mediaId: m.id, position: 0 });
    expect(await deleteMedia(t.deps, m.id)).toBe("in_use");
    expect(existsSync(m.path)).toBe(true);
    expect(await rowExists(m.id)).toBe(true);

    // Once the product lets go of it, the same job deletes it.
    await t.db.db.delete(productImages).where(eq(productImages.mediaId, m.id));
    expect(await deleteMedia(t.deps, m.id)).toBe("deleted");
  });

  it("skips media a pending product edit uses", async () => {
    const m = await upload();
    await newProduct({ imageIds: [randomUUID(), m.id] });
    expect(await deleteMedia(t.deps, m.id)).toBe("in_use");
    expect(existsSync(m.path)).toBe(true);
  });

  it("skips a shop's logo", async () => {
    const m = await upload();
    await t.db.db.update(sellers).set({ logoMediaId: m.id }).where(eq(sellers.id, sellerId));
    expect(await deleteMedia(t.deps, m.id)).toBe("in_use");
    expect(await rowExists(m.id)).toBe(true);
    await t.db.db.update(sellers).set({ logoMediaId: null }).where(eq(sellers.id, sellerId));
  });

  it("skips a photo a buyer's review shows", async () => {
    const m = await upload();
    const productId = await newProduct();
    await t.db.db.insert(reviews).values({
      productId,
      sellerId,
      customerId: owner.userId,
      rating: 4,
      title: "Good",
      body: "Does what it says.",
      photoIds: [m.id],
    });
    expect(await deleteMedia(t.deps, m.id)).toBe("in_use");
    expect(existsSync(m.path)).toBe(true);
  });

  it("keeps the row when the store cannot delete, so a retry can finish", async () => {
    const m = await upload();
    const failing = {
      ...t.deps,
      mediaStore: {
        put: t.deps.mediaStore.put,
        delete: async () => {
          throw new Error("store down");
        },
      },
    };
    await expect(deleteMedia(failing, m.id)).rejects.toThrow("store down");
    expect(await rowExists(m.id)).toBe(true);
    expect(existsSync(m.path)).toBe(true);
    expect(await deleteMedia(t.deps, m.id)).toBe("deleted");
  });
});

describe("scheduleMediaDeletion", () => {
  it("enqueues media.delete jobs that delete unused media and skip used ones", async () => {
    const unused = await upload();
    const used = await upload();
    const productId = await newProduct();
    await t.db.db.insert(productImages).values({ productId, mediaId: used.id, position: 0 });

    await scheduleMediaDeletion(t.deps, [unused.id, used.id, unused.id, randomUUID()]);
    await t.drain();

    expect(await rowExists(unused.id)).toBe(false);
    expect(existsSync(unused.path)).toBe(false);
    expect(await rowExists(used.id)).toBe(true);
    expect(existsSync(used.path)).toBe(true);
  });
});
