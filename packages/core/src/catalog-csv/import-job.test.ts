import { randomUUID } from "node:crypto";
import { catalogImports, productVariants } from "@bazaar/db";
import { createBullQueue, startBullWorkers } from "@bazaar/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { jobHandlers } from "../jobs";
import type { Deps, SellerActor } from "../platform/deps";
import { createTestContext, type TestContext } from "../testing";
import { catalogFixture } from "../testing/catalog-fixture";
import { beginCatalogImport, runCatalogImportJob } from "./import-catalog";
import { getCatalogImport } from "./queries";

/**
 * An upload's import runs as the `catalog.import` job: in this process by default, in a
 * BullMQ worker when Redis is configured. Either way the seller follows it through the
 * import record, and the file is kept only while the import runs.
 */
let t: TestContext;
let fx: ReturnType<typeof catalogFixture>;
let categorySlug: string;

beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  categorySlug = (await fx.category(`Sarees ${randomUUID().slice(0, 6)}`)).slug;
});
afterAll(() => t.close());

async function shop(): Promise<SellerActor> {
  const s = await fx.seller();
  return { userId: s.userId, role: "seller", sessionId: randomUUID(), sellerId: s.id };
}

const HEADER = "handle,title,category,option1_name,option1_value,sku,price_rupees,stock";
/** `products` products of two sizes each, SKUs unique to this call. */
function file(products: number) {
  const tag = randomUUID().slice(0, 6);
  const rows = Array.from({ length: products }, (_, i) =>
    ["S", "M"].map(
      (size) => `saree-${i},Silk saree ${i},${categorySlug},Size,${size},SR-${tag}-${i}-${size},1499.00,4`,
    ),
  ).flat();
  return { filename: "catalog.csv", bytes: Buffer.from([HEADER, ...rows].join("\n")) };
}

const record = (id: string) =>
  t.deps.db
    .select()
    .from(catalogImports)
    .where(eq(catalogImports.id, id))
    .then((r) => r[0]!);
const variantCount = async (sellerId: string) =>
  (await t.deps.db.select().from(productVariants).where(eq(productVariants.sellerId, sellerId))).length;

async function settled(deps: Deps, actor: SellerActor, id: string, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const r = await getCatalogImport(deps, actor, { id });
    if (r.status !== "running" || Date.now() > end) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("an upload's import as a job, in process", () => {
  it("answers at once with a running record holding the file; the job applies it and drops the file", async () => {
    const a = await shop();
    const { importId } = await beginCatalogImport(t.deps, a, file(3));
    const stored = await record(importId);
    expect(stored.status).toBe("running");
    expect(stored.file?.length).toBeGreaterThan(0);
    await t.drain();
    expect(await getCatalogImport(t.deps, a, { id: importId })).toMatchObject({
      status: "done",
      rows: 6,
      processed: 6,
      created: 6,
      failed: 0,
    });
    expect((await record(importId)).file).toBeNull();
    expect(await variantCount(a.sellerId)).toBe(6);
  });

  it("a job run again (a duplicate, a retry after it ended) changes nothing", async () => {
    const a = await shop();
    const { importId } = await beginCatalogImport(t.deps, a, file(2));
    await t.drain();
    const before = await record(importId);
    await runCatalogImportJob(t.deps, { importId });
    await runCatalogImportJob(t.deps, { importId: randomUUID() });
    expect(await record(importId)).toEqual(before);
    expect(await variantCount(a.sellerId)).toBe(4);
  });

  it("a retry of an import cut short starts the file again without creating anything twice", async () => {
    const a = await shop();
    const upload = file(2);
    const { importId } = await beginCatalogImport(t.deps, a, upload);
    await t.drain();
    // As if the worker died after applying the rows, before marking the import done.
    await t.deps.db
      .update(catalogImports)
      .set({ status: "running", file: upload.bytes, finishedAt: null })
      .where(eq(catalogImports.id, importId));
    await runCatalogImportJob(t.deps, { importId }, { attempt: 2 });
    expect(await getCatalogImport(t.deps, a, { id: importId })).toMatchObject({
      status: "done",
      rows: 4,
      created: 0,
      unchanged: 4,
      failed: 0,
    });
    expect((await record(importId)).file).toBeNull();
    expect(await variantCount(a.sellerId)).toBe(4);
  });
});

describe.runIf(process.env.REDIS_URL)("an upload's import on BullMQ (Redis)", () => {
  it("is applied by a worker; progress and the result are read from the record", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const opts = { url: process.env.REDIS_URL!, prefix };
    const queue = createBullQueue(opts);
    // The worker's side: handlers over the same database, as apps/worker runs them.
    const workers = startBullWorkers({ ...opts, handlers: jobHandlers(t.deps), isPermanent: isDomainError });
    await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
    try {
      const deps: Deps = { ...t.deps, jobs: queue };
      const a = await shop();
      const { importId } = await beginCatalogImport(deps, a, file(60));
      const first = await getCatalogImport(deps, a, { id: importId });
      expect(first.id).toBe(importId);
      const done = await settled(deps, a, importId);
      expect(done, JSON.stringify(done).slice(0, 400)).toMatchObject({
        status: "done",
        rows: 120,
        processed: 120,
        created: 120,
        failed: 0,
      });
      expect((await record(importId)).file).toBeNull();
      expect(await variantCount(a.sellerId)).toBe(120);
    } finally {
      await workers.close();
      await queue.close();
    }
  }, 60_000);
});
