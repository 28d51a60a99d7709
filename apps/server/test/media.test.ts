import { readdirSync, statSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createVerifiedUser, loadConfig } from "@bazaar/core";
import {
  createTestContext,
  signInForTest as login,
  sampleJpeg,
  samplePng,
  type TestContext,
} from "@bazaar/core/testing";
import { media } from "@bazaar/db";
import { MEDIA_MAX_BYTES } from "@bazaar/schemas";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
let token: string;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-media-test",
  AUTH_SECRET: "x".repeat(32),
  // Far below an image: uploads must not be held to the JSON body limit.
  BODY_LIMIT_BYTES: "4096",
});

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
  await createVerifiedUser(t.deps, {
    email: "seller@example.com",
    name: "Seller",
    password: "pass-word-1",
    role: "seller",
  });
  token = (
    await login(
      t.deps,
      { ip: null, userAgent: null },
      { email: "seller@example.com", password: "pass-word-1" },
    )
  ).accessToken;
});
afterAll(async () => {
  await app.close();
  await t.close();
});

type Part = { name: string; filename?: string; contentType?: string; body: Buffer | string };
const BOUNDARY = "----bazaar-test-boundary-7MA4YWxkTrZu0gW";
/** A multipart/form-data body, written out by hand as a browser would send it. */
function multipart(parts: Part[], { close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
    const head = `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ""}\r\n`;
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body),
      Buffer.from("\r\n"),
    );
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
const upload = (payload: Buffer, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  app.inject({
    method: "POST",
    url: "/api/media",
    payload,
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
  });
const file = (body: Buffer | string, filename = "photo.png", contentType = "image/png") =>
  multipart([{ name: "file", filename, contentType, body }]);

const storedFiles = () =>
  readdirSync(t.mediaDir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(t.mediaDir, f)).isFile());
const rowCount = async () => (await t.db.db.select({ id: media.id }).from(media)).length;
/** Runs `fn` and checks it left no file and no row behind. */
async function leavesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const files = storedFiles().length;
  const rows = await rowCount();
  const result = await fn();
  expect(storedFiles()).toHaveLength(files);
  expect(await rowCount()).toBe(rows);
  return result;
}

describe("POST /api/media", () => {
  it("stores an image and serves it back at /media with long cache headers", async () => {
    const bytes = samplePng(3, 2);
    const res = await upload(file(bytes));
    expect(res.statusCode).toBe(201);
    const { media: dto } = res.json();
    expect(dto).toEqual({
      id: expect.any(String),
      url: expect.stringMatching(/^http:\/\/api\.test\/media\/u\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/),
      contentType: "image/png",
      bytes: bytes.length,
      width: 3,
      height: 2,
    });

    const got = await app.inject(new URL(dto.url).pathname);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers).toMatchObject({
      "content-type": "image/png",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "cross-origin",
    });
  });

  it("types the file by its content, not its name or declared type", async () => {
    const res = await upload(file(samplePng(), "holiday.jpg", "image/jpeg"));
    expect(res.statusCode).toBe(201);
    expect(res.json().media).toMatchObject({
      contentType: "image/png",
      url: expect.stringMatching(/\.png$/),
    });
    const jpeg = await upload(file(sampleJpeg(8, 8), "scan", "application/octet-stream"));
    expect(jpeg.json().media).toMatchObject({ contentType: "image/jpeg", width: 8, height: 8 });
  });

  it("refuses a text file named .png with 400, a clear message, and nothing stored", async () => {
    const res = await leavesNothing(() => upload(file("hello, I am text\n", "x.png")));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION",
      reason: "media.unsupported_type",
      message: '"x.png" is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.',
      fieldErrors: { file: [expect.stringContaining("not a JPEG, PNG or WebP image")] },
    });
  });

  it("refuses a file over 5 MB with 413 and nothing stored", async () => {
    const big = samplePng(2, 2, { padBytes: MEDIA_MAX_BYTES });
    const res = await leavesNothing(() => upload(file(big, "huge.png")));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: "VALIDATION",
      reason: "media.too_large",
      message: "Images can be at most 5 MB.",
      fieldErrors: { file: ["Images can be at most 5 MB."] },
    });
  });

  it("refuses an upload cut off mid-file with 400 and nothing stored", async () => {
    const whole = file(samplePng(3, 2, { padBytes: 2000 }));
    const res = await leavesNothing(() => upload(whole.subarray(0, 900)));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION", reason: "media.upload_incomplete" });
  });

  it("keeps nothing when a client drops the connection mid-upload", async () => {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;
    const body = file(samplePng(3, 2, { padBytes: 200_000 }));
    await leavesNothing(async () => {
      const req = request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/media",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
          "content-length": String(body.length),
        },
      });
      req.on("error", () => {});
      req.write(body.subarray(0, 100_000));
      await sleep(100);
      req.destroy();
      await sleep(200);
    });
    // The server carries on.
    expect((await upload(file(samplePng()))).statusCode).toBe(201);
  });

  it("answers 401 without a valid access token, before reading the body", async () => {
    const none = await leavesNothing(() => upload(file(samplePng()), {}));
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({
      code: "UNAUTHORIZED",
      reason: "auth.required",
      message: "Sign in to continue",
    });
    const bad = await upload(file(samplePng()), { authorization: "Bearer not.a.token" });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().reason).toBe("auth.token_invalid");
  });

  it("answers 400 when no file is attached and 415 when the body is not multipart", async () => {
    const noFile = await upload(multipart([{ name: "note", body: "just a field" }]));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ reason: "media.file_required" });

    const json = await app.inject({
      method: "POST",
      url: "/api/media",
      payload: { file: "aGVsbG8=" },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: "VALIDATION", reason: "media.multipart_required" });
  });
});

describe("GET /media/*", () => {
  it("answers 404 for unknown keys and never leaves the media directory", async () => {
    expect((await app.inject("/media/u/2026/01/nope.png")).statusCode).toBe(404);
    expect((await app.inject("/media/../auth-secret")).statusCode).toBe(404);
    expect((await app.inject("/media/%2e%2e/%2e%2e/etc/passwd")).statusCode).toBe(404);
  });
});
