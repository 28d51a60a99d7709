import { categories } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { categoryTree } from "./category-tree";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const shape = (nodes: Awaited<ReturnType<typeof categoryTree>>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));

describe("categoryTree", () => {
  it("nests categories, each level ordered by position, then name", async () => {
    const fx = catalogFixture(t.deps);
    const home = await fx.category("Home", undefined, 1);
    const women = await fx.category("Women", undefined, 0);
    await fx.category("Beauty", undefined, 1);
    const sarees = await fx.category("Sarees", women, 2);
    await fx.category("Kurtas", women, 1);
    await fx.category("Dupattas", women, 1);
    await fx.category("Silk Sarees", sarees, 0);
    await fx.category("Brassware", home, 0);
    const tree = await categoryTree(t.deps);
    expect(shape(tree)).toEqual([
      { Women: ["Dupattas", "Kurtas", { Sarees: ["Silk Sarees"] }] },
      "Beauty",
      { Home: ["Brassware"] },
    ]);
    expect(tree[0]).toMatchObject({ id: women.id, slug: women.slug, position: 0, parentId: null });
    expect(tree[0]!.children[2]).toMatchObject({ id: sarees.id, parentId: women.id, position: 2 });

    // Cached until the catalogue changes.
    await t.deps.db.update(categories).set({ name: "Homeware" }).where(eq(categories.id, home.id));
    expect((await categoryTree(t.deps)).map((n) => n.name)).toContain("Home");
    await t.deps.cache.bump("catalog");
    expect((await categoryTree(t.deps)).map((n) => n.name)).toContain("Homeware");
  });
});
