import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

const committed = () => JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8"));

describe("the committed OpenAPI document", () => {
  it("is what the code generates (run `pnpm --filter @bazaar/api openapi` after changing a bridged procedure)", () => {
    expect(openApiDocument()).toEqual(committed());
  });

  it("offers keys only where a scope is named, and sessions only for customer routes", () => {
    const doc = openApiDocument();
    const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown; "x-api-key-scope"?: string }>).map(
        ([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op }),
      ),
    );
    expect(ops.length).toBe(23);
    expect(ops.find((o) => o.at === "GET /orders")?.security).toEqual([{ session: [] }]);
    expect(ops.find((o) => o.at === "GET /catalog/products")?.security).toBeUndefined();
    expect(ops.find((o) => o.at === "POST /seller/products")).toMatchObject({
      security: [{ apiKey: [] }, { session: [] }],
      "x-api-key-scope": "catalog:write",
    });
    expect(ops.filter((o) => o.at.includes("apiKeys") || o.at.includes("/admin"))).toEqual([]);
  });
});
