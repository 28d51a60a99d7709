import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTrackingCode, readTrackingCode, trackingQr, trackingUrl } from "./tracking-code";

const secret = new TextEncoder().encode("tracking-test-secret-tracking-test");
const otherSecret = new TextEncoder().encode("another-secret-another-secret-xx");
const id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("tracking codes", () => {
  it("round-trips, compact and URL-safe, the same code every time", () => {
    const code = createTrackingCode(secret, id);
    expect(code).toMatch(/^[A-Za-z0-9_-]{36}$/);
    expect(createTrackingCode(secret, id)).toBe(code);
    expect(readTrackingCode(secret, code)).toBe(id);
    for (let i = 0; i < 200; i++) {
      const other = randomUUID();
      expect(readTrackingCode(secret, createTrackingCode(secret, other))).toBe(other);
    }
  });

  it("reads back an upper-case id in the lower case Postgres returns", () => {
    expect(readTrackingCode(secret, createTrackingCode(secret, id.toUpperCase()))).toBe(id);
    expect(createTrackingCode(secret, id.toUpperCase())).toBe(createTrackingCode(secret, id));
  });

  it("refuses every single-character alteration, at every position", () => {
    const code = createTrackingCode(secret, id);
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of BASE64URL) {
        if (c === code[i]) continue;
        const altered = code.slice(0, i) + c + code.slice(i + 1);
        expect(readTrackingCode(secret, altered), altered).toBeNull();
        tried++;
      }
    }
    expect(tried).toBe(36 * 63);
  });

  it("refuses a code made with another secret, and another id's tag", () => {
    expect(readTrackingCode(otherSecret, createTrackingCode(secret, id))).toBeNull();
    expect(readTrackingCode(secret, createTrackingCode(otherSecret, id))).toBeNull();
    const a = createTrackingCode(secret, id);
    const b = createTrackingCode(secret, randomUUID());
    expect(readTrackingCode(secret, a.slice(0, 22) + b.slice(22))).toBeNull();
    expect(readTrackingCode(secret, b.slice(0, 22) + a.slice(22))).toBeNull();
  });

  it("refuses garbage", () => {
    const code = createTrackingCode(secret, id);
    const std = Buffer.from(code, "base64url").toString("base64");
    for (const bad of [
      "",
      "x",
      id,
      code.slice(0, -1),
      `${code}A`,
      `${code}=`,
      ` ${code}`,
      `${code.slice(0, 10)}.${code.slice(11)}`,
      `${code.slice(0, 18)}\n${code.slice(18)}`,
      std === code ? "+".repeat(36) : std,
      "A".repeat(36),
      "_".repeat(36),
      "%".repeat(36),
    ])
      expect(readTrackingCode(secret, bad), JSON.stringify(bad)).toBeNull();
    for (const bad of [undefined, null, 42, {}]) expect(readTrackingCode(secret, bad as never)).toBeNull();
  });

  it("refuses to sign a non-UUID or with a too-short secret", () => {
    expect(() => createTrackingCode(secret, "not-a-uuid")).toThrow(/A sub-order id is a UUID/);
    expect(() => createTrackingCode(secret, `${id}0`)).toThrow(/A sub-order id is a UUID/);
    expect(() => createTrackingCode(new Uint8Array(8), id)).toThrow(/at least 16 bytes/);
  });
});

describe("trackingUrl", () => {
  it.each([
    ["https://bazaar.example", "https://bazaar.example/track/CODE"],
    ["https://bazaar.example/", "https://bazaar.example/track/CODE"],
    ["https://bazaar.example/shop", "https://bazaar.example/shop/track/CODE"],
    ["https://bazaar.example/shop/?utm=x#top", "https://bazaar.example/shop/track/CODE"],
    ["http://127.0.0.1:5173", "http://127.0.0.1:5173/track/CODE"],
  ])("%s → %s", (base, url) => {
    expect(trackingUrl(base, "CODE")).toBe(url);
  });

  it("keeps a real code intact", () => {
    const code = createTrackingCode(secret, id);
    const url = trackingUrl("https://bazaar.example", code);
    expect(url).toBe(`https://bazaar.example/track/${code}`);
    expect(readTrackingCode(secret, new URL(url).pathname.split("/").pop()!)).toBe(id);
  });

  it("refuses a base that is not an absolute URL", () => {
    expect(() => trackingUrl("/relative", "CODE")).toThrow(/Invalid URL/);
  });
});

describe("trackingQr", () => {
  const url = trackingUrl("https://bazaar.example", createTrackingCode(secret, id));

  it("draws a PNG", async () => {
    const png = await trackingQr(url, "png");
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR width and height: the requested 512 px.
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it("draws an SVG", async () => {
    const svg = await trackingQr(url, "svg");
    expect(typeof svg).toBe("string");
    expect(svg).toContain("<svg");
    expect(svg).toContain("</svg>");
  });
});
