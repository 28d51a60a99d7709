import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { startCloudinaryStub } from "../testing/cloudinary-stub";
import { samplePng } from "../testing/sample-images";
import { createCloudinaryMediaStore } from "./cloudinary-store";

// The production route: CLOUDINARY_URL in the environment, parsed by loadConfig and handed
// to the adapter as the runtime does. The adapter loads the SDK on its first call, so the
// variable is in place before the SDK reads it (the toolchain notes' recipe).
const credentials = { cloudName: "envcloud", apiKey: "424242", apiSecret: "env-secret" };
let stub: Awaited<ReturnType<typeof startCloudinaryStub>>;

beforeAll(async () => {
  stub = await startCloudinaryStub(credentials);
  process.env.CLOUDINARY_URL = `cloudinary://${credentials.apiKey}:${credentials.apiSecret}@${credentials.cloudName}?upload_prefix=${encodeURIComponent(stub.uploadPrefix)}`;
});
afterAll(async () => {
  delete process.env.CLOUDINARY_URL;
  await stub.close();
});

describe("Cloudinary configured by CLOUDINARY_URL", () => {
  it("parses the URL and uploads and deletes through the stub", async () => {
    const config = loadConfig({
      DATA_DIR: "/tmp/bazaar-cloudinary-env",
      CLOUDINARY_URL: process.env.CLOUDINARY_URL,
    });
    expect(config.cloudinary).toEqual({ ...credentials, uploadPrefix: stub.uploadPrefix });

    const store = createCloudinaryMediaStore(config.cloudinary!);
    const stored = await store.put("u/2026/01/env.png", samplePng(), "image/png");
    expect(stored.key).toBe("u/2026/01/env");
    expect(stub.requests[0]?.fields).toMatchObject({ api_key: "424242", signature: expect.any(String) });
    await store.delete(stored.key);
    expect(stub.assets.size).toBe(0);
  });
});
