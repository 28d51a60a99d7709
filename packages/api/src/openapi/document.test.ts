import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

const committed = () => JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8"));

describe("the committed OpenAPI document", () => {
  it("is what the code generates (run `pnpm --filter @bazaar/api openapi` after changing a bridged procedure)", async () => {
    expect(await openApiDocument()).toEqual(committed());
  });

  it("offers keys only where a scope is named, and sessions only for customer routes", async () => {
    const doc = await openApiDocument();
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

  it("gives every operation a 200 schema from its output, and our error answers", async () => {
    const doc = (await openApiDocument()) as unknown as Doc;
    for (const [at, op] of operations(doc)) {
      const ok = op.responses["200"]?.content?.["application/json"]?.schema;
      expect(ok && Object.keys(ok).length > 0, `${at} has a 200 schema`).toBe(true);
      for (const status of ["400", "404", "429"])
        expect(op.responses[status], `${at} ${status}`).toEqual({
          $ref: `#/components/responses/Error${status}`,
        });
      if (op.security) {
        expect(op.responses["401"]).toEqual({ $ref: "#/components/responses/Error401" });
        expect(op.responses["403"]).toEqual({ $ref: "#/components/responses/Error403" });
      }
    }
    // The generator's own error shapes are not what the bridge answers.
    expect(Object.keys(doc.components.schemas).filter((k) => k.startsWith("error."))).toEqual([]);
    expect(doc.components.schemas.SellerProduct?.properties?.createdAt).toEqual({
      type: "string",
      format: "date-time",
    });
  });

  it("holds together as OpenAPI 3.1: every $ref resolves, path parameters are declared, ids are unique", async () => {
    const doc = (await openApiDocument()) as unknown as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const refs = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) k === "$ref" ? refs.add(x as string) : walk(x);
    };
    walk(doc);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/(schemas|responses)\/[\w.]+$/);
      const [, , kind, name] = ref.split("/");
      expect((doc.components as Record<string, Record<string, unknown>>)[kind!]?.[name!], ref).toBeDefined();
    }
    const ids = new Set<string>();
    for (const [at, op] of operations(doc)) {
      expect(op.operationId, at).toMatch(/^[\w.-]+$/);
      expect(ids.has(op.operationId), `${at} operationId unique`).toBe(false);
      ids.add(op.operationId);
      const inPath = [...at.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort(), at).toEqual(inPath.sort());
      expect(
        declared.every((p) => p.required === true),
        at,
      ).toBe(true);
      for (const status of Object.keys(op.responses)) expect(status, at).toMatch(/^[1-5]\d\d$/);
      for (const req of op.security ?? [])
        for (const name of Object.keys(req)) expect(doc.components.securitySchemes[name], at).toBeDefined();
    }
  });
});

type Op = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
};
type Doc = {
  openapi: string;
  info: object;
  paths: Record<string, Record<string, Op>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown> }>;
    securitySchemes: Record<string, unknown>;
  };
};
const operations = (doc: Doc): [string, Op][] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, Op] => [`${method.toUpperCase()} ${path}`, op]),
  );
