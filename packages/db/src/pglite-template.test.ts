import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, migrationsFolder } from "./client";
import { buildPgliteTemplate, copyPgliteTemplate, isCurrentTemplate } from "./pglite-template";
import { users } from "./schema";

// Always PGlite, whatever DATABASE_URL says: the template is what a first start on the
// embedded database copies instead of running initdb and the migrations.
let root: string;
let template: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bazaar-template-test-"));
  template = join(root, "template");
  await buildPgliteTemplate(template);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

describe("the PGlite template", () => {
  it("is a migrated database a new data directory starts from, with nothing left to migrate", async () => {
    expect(isCurrentTemplate(template)).toBe(true);
    const dataDir = join(root, "copy", "pglite");
    expect(copyPgliteTemplate(template, dataDir)).toBe(true);
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect(readdirSync(join(root, "copy"))).toEqual(["pglite"]); // no copy left half-way beside it

    const h = await createDb({ dataDir });
    try {
      const applied = async () =>
        Number(
          (
            (await h.db.execute(
              "select count(*)::int as n from drizzle.__drizzle_migrations",
            )) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0]!.n,
        );
      expect(await applied()).toBe(journal.entries.length);
      await h.migrate();
      expect(await applied()).toBe(journal.entries.length);
      const [u] = await h.db
        .insert(users)
        .values({ email: "a@example.com", name: "A", passwordHash: "x" })
        .returning();
      expect(u!.role).toBe("customer");
    } finally {
      await h.close();
    }
    // What the copy wrote stays in the copy: the next one starts as empty.
    expect(copyPgliteTemplate(template, join(root, "fresh"))).toBe(true);
    const fresh = await createDb({ dataDir: join(root, "fresh") });
    try {
      const rows = (await fresh.db.execute("select count(*)::int as n from users")) as unknown as {
        rows: { n: number }[];
      };
      expect(rows.rows[0]!.n).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it("never replaces a data directory that holds anything", () => {
    const dataDir = join(root, "taken");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "note.txt"), "mine");
    expect(copyPgliteTemplate(template, dataDir)).toBe(false);
    expect(readdirSync(dataDir)).toEqual(["note.txt"]);
    // Nor a file in its place: PGlite is left to refuse it, in words the start-up names.
    const file = join(root, "a-file");
    writeFileSync(file, "mine");
    expect(copyPgliteTemplate(template, file)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("mine");
  });

  it("is not used once the migrations or PGlite no longer match what it was built from", () => {
    const stale = join(root, "stale");
    mkdirSync(stale);
    writeFileSync(join(stale, "PG_VERSION"), "18\n");
    writeFileSync(join(stale, "bazaar-template-key"), "000000000000");
    expect(isCurrentTemplate(stale)).toBe(false);
    expect(copyPgliteTemplate(stale, join(root, "from-stale"))).toBe(false);
    expect(existsSync(join(root, "from-stale"))).toBe(false);
    // Nor a directory that is no template at all.
    expect(copyPgliteTemplate(join(root, "nothing-here"), join(root, "from-nothing"))).toBe(false);
  });

  it("is rebuilt over a stale one, and kept when current", async () => {
    const dir = join(root, "rebuilt");
    mkdirSync(dir);
    writeFileSync(join(dir, "bazaar-template-key"), "000000000000");
    await buildPgliteTemplate(dir);
    expect(isCurrentTemplate(dir)).toBe(true);
    expect(existsSync(join(dir, "PG_VERSION"))).toBe(true);
    const marker = join(dir, "still-here");
    writeFileSync(marker, "");
    await buildPgliteTemplate(dir);
    expect(existsSync(marker)).toBe(true);
    expect(readdirSync(root).filter((f) => f.includes(".building-"))).toEqual([]);
  }, 120_000);
});
