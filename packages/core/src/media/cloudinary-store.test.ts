import { media } from "@bazaar/db";
import { MEDIA_MAX_BYTES } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../identity/authenticate";
import { createVerifiedUser } from "../identity/create-user";
import type { Actor, Deps } from "../platform/deps";
import { createTestContext, signInForTest as login, type TestContext } from "../testing";
import { startCloudinaryStub } from "../testing/cloudinary-stub";
import { sampleJpeg, samplePng } from "../testing/sample-images";
import { createCloudinaryMediaStore } from "./cloudinary-store";
import { deleteMedia } from "./delete-media";
import { uploadMedia } from "./upload-media";

// The SDK is configured only through the adapter's options here: no CLOUDINARY_URL in the
// environment, so the SDK loads its https module and the adapter's http agent must carry
// the plain-http stub URL. (cloudinary-env.test.ts covers the CLOUDINARY_URL route.)
const credentials = { cloudName: "bazaar-test", apiKey: "123456789012345", apiSecret: "s3cr3t-api-secret" };
let stub: Awaited<ReturnType<typeof startCloudinaryStub>>;
let t: TestContext;
let deps: Deps;
let seller: Actor;

beforeAll(async () => {
  delete process.env.CLOUDINARY_URL;
  stub = await startCloudinaryStub(credentials);
  t = await createTestContext();
  deps = {
    ...t.deps,
    mediaStore: createCloudinaryMediaStore({ ...credentials, uploadPrefix: stub.uploadPrefix }),
  };
  await createVerifiedUser(t.deps, {
    email: "s@example.com",
    name: "S",
    password: "pass-word-1",
    role: "seller",
  });
  const session = await login(
    t.deps,
    { ip: null, userAgent: null },
    { email: "s@example.com", password: "pass-word-1" },
  );
  seller = await authenticate(t.deps, session.accessToken);
});
afterAll(async () => {
  await t.close();
  await stub.close();
});
beforeEach(() => stub.reset());

describe("Cloudinary media store (real SDK against a local Cloudinary stub)", () => {
  it("uploads with a signed request and keeps the public id as the store key", async () => {
    const store = deps.mediaStore;
    const bytes = samplePng(4, 3);
    const stored = await store.put("u/2026/11/abc-123.png", bytes, "image/png");
    expect(stored).toEqual({
      key: "u/2026/11/abc-123",
      url: expect.stringMatching(
        /^https:\/\/res\.cloudinary\.com\/bazaar-test\/image\/upload\/v\d+\/u\/2026\/11\/abc-123\.png$/,
      ),
    });
    const [req] = stub.requests;
    expect(req).toMatchObject({ action: "upload", cloudName: "bazaar-test" });
    expect(req!.fields).toMatchObject({
      api_key: credentials.apiKey,
      public_id: "u/2026/11/abc-123",
      timestamp: expect.stringMatching(/^\d{10}$/),
      signature: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(req!.fields).not.toHaveProperty("api_secret");
    expect(req!.file?.equals(bytes)).toBe(true);
  });

  it("destroys by public id, and destroying a missing asset is fine", async () => {
    const store = deps.mediaStore;
    await store.put("u/2026/11/to-go.jpg", sampleJpeg(), "image/jpeg");
    await store.delete("u/2026/11/to-go");
    expect(stub.assets.has("u/2026/11/to-go")).toBe(false);
    const destroy = stub.requests.find((r) => r.action === "destroy")!;
    expect(destroy.fields).toMatchObject({
      public_id: "u/2026/11/to-go",
      api_key: credentials.apiKey,
      invalidate: "true",
      signature: expect.stringMatching(/^[0-9a-f]{40}$/),
      timestamp: expect.any(String),
    });
    await expect(store.delete("u/2026/11/to-go")).resolves.toBeUndefined();
  });

  it("turns a refused request (bad signature) into an error", async () => {
    const wrongSecret = createCloudinaryMediaStore({
      ...credentials,
      apiSecret: "not-the-secret",
      uploadPrefix: stub.uploadPrefix,
    });
    await expect(wrongSecret.put("u/2026/11/x.png", samplePng(), "image/png")).rejects.toThrow(
      /Cloudinary upload failed: Invalid Signature/,
    );
    await expect(wrongSecret.delete("u/2026/11/x")).rejects.toThrow(/Invalid Signature/);
  });

  it("runs uploadMedia and the media.delete job end to end", async () => {
    const dto = await uploadMedia(deps, seller, { bytes: sampleJpeg(16, 9), filename: "shoe.jpg" });
    expect(dto).toMatchObject({ contentType: "image/jpeg", width: 16, height: 9 });
    expect(dto.url).toMatch(/^https:\/\/res\.cloudinary\.com\/bazaar-test\/image\/upload\/.+\.jpg$/);
    const [publicId] = [...stub.assets.keys()];
    expect(publicId).toMatch(/^u\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);

    expect(await deleteMedia(deps, dto.id)).toBe("deleted");
    expect(stub.assets.size).toBe(0);
  });

  it("answers UNAVAILABLE when Cloudinary fails, and writes no row", async () => {
    const before = await t.db.db.select().from(media);
    stub.failNext(500, "General Error");
    const err = await uploadMedia(deps, seller, { bytes: samplePng() }).catch((e) => e);
    expect(err).toMatchObject({ code: "UNAVAILABLE", reason: "media.store_unavailable" });
    expect(await t.db.db.select().from(media)).toHaveLength(before.length);
  });

  it("keeps the row when Cloudinary cannot delete, so the job can retry", async () => {
    const dto = await uploadMedia(deps, seller, { bytes: samplePng() });
    stub.failNext(500, "General Error");
    await expect(deleteMedia(deps, dto.id)).rejects.toThrow(/Cloudinary destroy failed/);
    expect(await t.db.db.select().from(media).where(eq(media.id, dto.id))).toHaveLength(1);
    expect(await deleteMedia(deps, dto.id)).toBe("deleted");
  });

  it("never sends more than the size limit allows (checked before the store)", async () => {
    const big = samplePng(1, 1, { padBytes: MEDIA_MAX_BYTES });
    await expect(uploadMedia(deps, seller, { bytes: big })).rejects.toMatchObject({
      reason: "media.too_large",
    });
    expect(stub.requests).toHaveLength(0);
  });
});
