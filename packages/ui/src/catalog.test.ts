import type { CategoryNode } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { flattenCategories } from "./catalog";

const node = (id: string, name: string, children: CategoryNode[] = [], parentId: string | null = null) => ({
  id,
  name,
  slug: name.toLowerCase(),
  position: 0,
  parentId,
  children,
});

describe("flattenCategories", () => {
  it("lists the tree depth-first with paths and subtrees", () => {
    const tree = [
      node("w", "Women", [
        node("s", "Sarees", [node("c", "Cotton", [], "s")], "w"),
        node("k", "Kurtas", [], "w"),
      ]),
      node("h", "Home"),
    ];
    const flat = flattenCategories(tree);
    expect(flat.map((c) => [c.path, c.depth])).toEqual([
      ["Women", 0],
      ["Women › Sarees", 1],
      ["Women › Sarees › Cotton", 2],
      ["Women › Kurtas", 1],
      ["Home", 0],
    ]);
    expect(flat[0]?.subtree).toEqual(["w", "s", "c", "k"]);
    expect(flat[1]?.subtree).toEqual(["s", "c"]);
  });
});
