import { loadConfig } from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import { products } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../src/app";

/**
 * A cached catalogue answer is serialised once and its text sent again (trpc-routes.ts);
 * these pin that the text is what tRPC would send, and follows the cache entry.
 */
let t: TestContext;
let app: FastifyInstance;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const input = (v: unknown) => encodeURIComponent(JSON.stringify({ json: v }));
const get = (url: string) => app.inject({ method: "GET", url });

describe("cached catalogue answers", () => {
  it("the same page and product twice: the same bytes, readable by a superjson client", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Cached Reads");
    const { product } = await fx.variant(shop, 49_900, 3, "Brass lamp");
    const list = `/trpc/catalog.products.list?input=${input({ seller: shop.slug, limit: 10 })}`;
    const detail = `/trpc/catalog.products.bySlug?input=${input({ slug: product.slug })}`;
    for (const url of [list, detail]) {
      const [a, b] = [await get(url), await get(url)];
      expect(a.statusCode).toBe(200);
      expect(b.statusCode).toBe(200);
      expect(b.body).toBe(a.body);
      expect(b.headers["content-type"]).toMatch(/^application\/json/);
    }
    const page = superjson.deserialize((await get(list)).json().result.data) as {
      items: { title: string }[];
    };
    expect(page.items.map((i) => i.title)).toEqual(["Brass lamp"]);
    const shown = superjson.deserialize((await get(detail)).json().result.data) as {
      title: string;
      variants: { saleEndsAt: unknown }[];
    };
    expect(shown.title).toBe("Brass lamp");
    expect(shown.variants[0]!.saleEndsAt).toBeNull();
  });

  it("keeps an answer's text from its second answer on: an entry read once holds none", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Cached Text");
    const { product } = await fx.variant(shop, 29_900, 3, "Clay lamp");
    const detail = `/trpc/catalog.products.bySlug?input=${input({ slug: product.slug })}`;
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const bodies = [];
      for (let i = 0; i < 4; i++) bodies.push((await get(detail)).body);
      expect(new Set(bodies).size).toBe(1);
      // The wire form ({ json: the product }) is written for the first and second answers;
      // the third and fourth send the kept text.
      const written = stringify.mock.calls.filter(([v]) => {
        const json = (v as { json?: { title?: unknown } } | null)?.json;
        return typeof json === "object" && json?.title === "Clay lamp";
      });
      expect(written).toHaveLength(2);
    } finally {
      stringify.mockRestore();
    }
  });

  it("a batch carries the same answers as the single calls", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Cached Batch");
    const { product } = await fx.variant(shop, 29_900, 2, "Clay pot");
    const listInput = { seller: shop.slug, limit: 5 };
    const single = [
      (await get(`/trpc/catalog.products.list?input=${input(listInput)}`)).json(),
      (await get(`/trpc/catalog.products.bySlug?input=${input({ slug: product.slug })}`)).json(),
    ];
    const batchInput = encodeURIComponent(
      JSON.stringify({ 0: { json: listInput }, 1: { json: { slug: product.slug } } }),
    );
    const batch = await get(
      `/trpc/catalog.products.list,catalog.products.bySlug?batch=1&input=${batchInput}`,
    );
    expect(batch.statusCode).toBe(200);
    expect(batch.json()).toEqual(single);
  });

  it("once the entry is dropped, the next answer is the new one", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Cached Change");
    const { product } = await fx.variant(shop, 19_900, 4, "Old title");
    const detail = `/trpc/catalog.products.bySlug?input=${input({ slug: product.slug })}`;
    const before = await get(detail);
    expect(before.body).toContain("Old title");
    await t.deps.db.update(products).set({ title: "New title" }).where(eq(products.id, product.id));
    expect((await get(detail)).body).toBe(before.body); // still cached, as before
    await t.deps.cache.bump("catalog");
    const after = await get(detail);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain("New title");
    expect(after.body).not.toContain("Old title");
  });
});
