import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";
import { beforeAll, describe, expect, it } from "vitest";

// The real rule set, run over fixtures/: a small tree shaped like the repo in which each
// `bad-*` file breaks one rule on purpose. `pnpm lint` would fail on any of them.
const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs");
const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** rule name → "from → to" for every violation found in the fixtures. */
let found = [];
beforeAll(async () => {
  const { tsConfig: _, ...options } = config.options;
  const result = await cruise(["apps", "packages"], {
    ...options,
    baseDir: fixtures,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  });
  found = result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
  }));
});

const violation = (rule, from, to) => expect.objectContaining({ rule, from, ...(to && { to }) });

describe("the import rules catch", () => {
  it("a package importing against the direction (schemas → db, db → core)", () => {
    expect(found).toContainEqual(
      violation("schemas-imports-only-itself", "packages/schemas/src/bad-server-import.ts"),
    );
    expect(found).toContainEqual(violation("db-imports-only-schemas", "packages/db/src/bad-upward.ts"));
  });

  it("a web app importing core, or a value (not the AppRouter type) from the api", () => {
    expect(found).toContainEqual(
      violation("clients-see-no-server-code", "apps/customer-web/src/bad-core.tsx"),
    );
    expect(found).toContainEqual(
      violation("clients-see-no-server-code", "apps/customer-web/src/bad-api-value.tsx"),
    );
  });

  it("one core domain reaching into another's internals instead of its index.ts", () => {
    expect(found).toContainEqual(
      violation(
        "core-domain-through-its-index",
        "packages/core/src/promotions/bad-internals.ts",
        "packages/core/src/catalog/internal.ts",
      ),
    );
  });

  it("the kernel (platform/) importing a domain", () => {
    expect(found).toContainEqual(
      violation("kernel-knows-no-domain", "packages/core/src/platform/bad-kernel.ts"),
    );
  });

  it("a cycle between core domain folders", () => {
    const cycles = found.filter((v) => v.rule === "no-cycle-between-core-domains").map((v) => v.from);
    expect(cycles).toEqual(
      expect.arrayContaining(["packages/core/src/orders", "packages/core/src/payments"]),
    );
  });
});

describe("the import rules allow", () => {
  it("the AppRouter type in a web app, and imports down the direction", () => {
    const flagged = new Set(found.map((v) => v.from));
    for (const ok of [
      "apps/customer-web/src/good.tsx",
      "packages/api/src/root.ts",
      "packages/db/src/client.ts",
      "packages/core/src/catalog/index.ts",
    ])
      expect(flagged.has(ok), ok).toBe(false);
  });

  it("a domain using another through its index.ts, and the kernel", () => {
    const fromInternal = found.filter(
      (v) => v.from === "packages/core/src/catalog/internal.ts" && v.rule !== "no-module-cycle",
    );
    expect(fromInternal).toEqual([]);
  });
});
