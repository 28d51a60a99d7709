import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { addresses, users } from "./schema";
import { createTestDb } from "./testing/create-test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

/** An account of one test's own. */
async function newUser() {
  const [u] = await h.db
    .insert(users)
    .values({ email: `${randomUUID()}@example.com`, name: "A", passwordHash: "x" })
    .returning();
  return u!;
}
/** The rejection PostgreSQL (or PGlite) gives when a unique index refuses a row. */
const uniqueViolation = (constraint: string) => ({
  message: expect.stringMatching(/^Failed query: insert into/),
  cause: expect.objectContaining({ code: "23505", constraint }),
});

describe("database", () => {
  it("is migrated and answers", async () => {
    await h.ping();
    const u = await newUser();
    expect(u.role).toBe("customer");
    expect(u.status).toBe("active");
  });

  it("refuses a second account with the same email", async () => {
    const { email } = await newUser();
    await expect(h.db.insert(users).values({ email, name: "B", passwordHash: "x" })).rejects.toMatchObject(
      uniqueViolation("users_email_key"),
    );
  });

  it("allows at most one default address per user", async () => {
    const u = await newUser();
    const addr = {
      userId: u.id,
      name: "A",
      phone: "+919876543210",
      line1: "1 MG Road",
      city: "Bengaluru",
      state: "Karnataka",
      pincode: "560001",
      isDefault: true,
    };
    await h.db.insert(addresses).values(addr);
    await expect(h.db.insert(addresses).values(addr)).rejects.toMatchObject(
      uniqueViolation("addresses_one_default_per_user"),
    );
    await h.db.insert(addresses).values({ ...addr, isDefault: false });
  });
});

describe("search support", () => {
  it("has full-text and trigram search on both engines", async () => {
    const { sql } = await import("drizzle-orm");
    const r = await h.db.execute(
      sql`select similarity('kurta', 'kurtaa') > 0.3 as trgm, to_tsvector('english', 'cotton shirts') @@ websearch_to_tsquery('english', 'shirt') as fts`,
    );
    expect((r as unknown as { rows: unknown[] }).rows[0]).toEqual({ trgm: true, fts: true });
  });
});

describe("search indexes", () => {
  it("keep their pending lists small: every search scans them whole until a vacuum", async () => {
    const { rows } = (await h.db.execute(
      sql`select c.relname as name, c.reloptions as options from pg_class c
          where c.relname in ('products_search_idx', 'products_public_title_search_idx', 'products_title_trgm_idx')
          order by 1`,
    )) as unknown as { rows: { name: string; options: string[] | null }[] };
    expect(rows).toEqual(
      ["products_public_title_search_idx", "products_search_idx", "products_title_trgm_idx"].map((name) => ({
        name,
        options: ["gin_pending_list_limit=64"],
      })),
    );
  });
});
