import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { media } from "@bazaar/db";
import { MEDIA_MAX_BYTES } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "../errors";
import { authenticate } from "../identity/authenticate";
import { createVerifiedUser } from "../identity/create-user";
import type { Actor } from "../platform/deps";
import type { MediaStore } from "../platform/media-store";
import { createTestContext, signInForTest as login, type TestContext } from "../testing";
import { sampleJpeg, samplePng, sampleWebp } from "../testing/sample-images";
import { uploadMedia } from "./upload-media";

let t: TestContext;
let alice: Actor;
beforeAll(async () => {
  t = await createTestContext();
  await createVerifiedUser(t.deps, {
    email: "alice@example.com",
    name: "Alice",
    password: "pass-word-1",
    role: "seller",
  });
  const session = await login(
    t.deps,
    { ip: null, userAgent: null },
    { email: "alice@example.com", password: "pass-word-1" },
  );
  alice = await authenticate(t.deps, session.accessToken);
});
afterAll(() => t.close());

/** Every file in the test context's local store. */
const storedFiles = () =>
  readdirSync(t.mediaDir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(t.mediaDir, f)).isFile());
const rowCount = async () => (await t.db.db.select({ id: media.id }).from(media)).length;
const refusal = (input: Parameters<typeof uploadMedia>[2], actor = alice) =>
  uploadMedia(t.deps, actor, input).then(
    () => {
      throw new Error("upload was accepted");
    },
    (e: DomainError) => e,
  );

describe("uploadMedia", () => {
  it.each([
    ["PNG", samplePng(3, 2), "image/png", "png", 3, 2],
    ["JPEG", sampleJpeg(17, 9), "image/jpeg", "jpg", 17, 9],
    ["WebP", sampleWebp(), "image/webp", "webp", 1, 1],
  ])(
    "stores a %s with its type and size read from the content",
    async (_, bytes, type, ext, width, height) => {
      const dto = await uploadMedia(t.deps, alice, { bytes, filename: "picture" });
      expect(dto).toEqual({
        id: expect.any(String),
        url: expect.any(String),
        contentType: type,
        bytes: bytes.length,
        width,
        height,
      });
      const key = dto.url.replace("http://api.test/media/", "");
      expect(key).toMatch(new RegExp(`^u/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.${ext}$`));
      expect(readFileSync(join(t.mediaDir, key)).equals(bytes)).toBe(true);
      const [row] = await t.db.db.select().from(media).where(eq(media.id, dto.id));
      expect(row).toMatchObject({
        ownerId: alice.userId,
        storeKey: key,
        contentType: type,
        bytes: bytes.length,
      });
    },
  );

  it("files keys under the upload's year and month", async () => {
    const dto = await uploadMedia({ ...t.deps, now: () => new Date("2027-03-09T10:00:00Z") }, alice, {
      bytes: samplePng(),
    });
    expect(dto.url).toMatch(/\/media\/u\/2027\/03\/[0-9a-f-]{36}\.png$/);
  });

  it("believes the bytes, not the name: a PNG called .jpg is a PNG", async () => {
    const dto = await uploadMedia(t.deps, alice, { bytes: samplePng(), filename: "holiday.jpg" });
    expect(dto.contentType).toBe("image/png");
    expect(dto.url).toMatch(/\.png$/);
  });

  it("refuses a text file named .png, clearly, and keeps nothing", async () => {
    const files = storedFiles().length;
    const rows = await rowCount();
    const err = await refusal({ bytes: Buffer.from("just some text, honest\n"), filename: "x.png" });
    expect(err).toMatchObject({
      code: "VALIDATION",
      reason: "media.unsupported_type",
      message: '"x.png" is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.',
      details: {
        fieldErrors: { file: [expect.stringContaining("not a JPEG, PNG or WebP")] },
        detected: null,
      },
    });
    expect(storedFiles()).toHaveLength(files);
    expect(await rowCount()).toBe(rows);
  });

  it("names the type it found when it is some other known format", async () => {
    const gif = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
    const err = await refusal({ bytes: gif, filename: "anim.webp" });
    expect(err.reason).toBe("media.unsupported_type");
    expect(err.message).toContain("its content is image/gif");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const files = storedFiles().length;
    const big = samplePng(2, 2, { padBytes: MEDIA_MAX_BYTES });
    const err = await refusal({ bytes: big, filename: "huge.png" });
    expect(err).toMatchObject({
      code: "VALIDATION",
      reason: "media.too_large",
      details: { maxBytes: MEDIA_MAX_BYTES },
    });
    expect(err.message).toBe('"huge.png" is 5.1 MB; images can be at most 5 MB.');
    expect(storedFiles()).toHaveLength(files);
  });

  it("accepts a file of exactly the size limit", async () => {
    const png = samplePng(2, 2);
    const exact = samplePng(2, 2, { padBytes: MEDIA_MAX_BYTES - png.length - 12 - 8 });
    expect(exact.length).toBe(MEDIA_MAX_BYTES);
    expect((await uploadMedia(t.deps, alice, { bytes: exact })).bytes).toBe(MEDIA_MAX_BYTES);
  });

  it("refuses an empty file and an image cut short", async () => {
    expect((await refusal({ bytes: Buffer.alloc(0) })).reason).toBe("media.empty");
    const cut = await refusal({ bytes: samplePng(3, 2).subarray(0, 20), filename: "cut.png" });
    expect(cut).toMatchObject({ code: "VALIDATION", reason: "media.unreadable" });
    expect(cut.message).toContain('"cut.png" starts like a PNG image but cannot be read');
  });

  it("refuses an image that claims an enormous canvas", async () => {
    const claims = samplePng(1, 1);
    claims.writeUInt32BE(20_000, 16); // IHDR width
    claims.writeUInt32BE(20_000, 20); // IHDR height
    const err = await refusal({ bytes: claims });
    expect(err.reason).toBe("media.dimensions_too_large");
  });

  it("deletes the stored file again when the row cannot be written", async () => {
    const files = storedFiles().length;
    const rows = await rowCount();
    // An owner that does not exist: the insert fails on the foreign key, a real DB error.
    const ghost: Actor = { ...alice, userId: randomUUID() };
    await expect(uploadMedia(t.deps, ghost, { bytes: samplePng() })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23503" }), // foreign_key_violation
    });
    expect(storedFiles()).toHaveLength(files);
    expect(await rowCount()).toBe(rows);
  });

  it("answers UNAVAILABLE and writes no row when the store fails", async () => {
    const rows = await rowCount();
    const broken: MediaStore = {
      put: async () => {
        throw new Error("disk full");
      },
      delete: async () => {},
    };
    const err = await uploadMedia({ ...t.deps, mediaStore: broken }, alice, { bytes: samplePng() }).catch(
      (e) => e,
    );
    expect(err).toMatchObject({ code: "UNAVAILABLE", reason: "media.store_unavailable" });
    expect(await rowCount()).toBe(rows);
  });
});
