import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { Deps } from "../platform/deps";
import { qrCodes } from "../platform/qr";

/**
 * Public tracking codes: `base64url(uuid bytes ‖ tag)`, where the tag is the first 11 bytes
 * of HMAC-SHA256 over the uuid bytes. 16 + 11 = 27 bytes encode to exactly 36 characters,
 * so there are no padding bits: every character carries data and no two spellings decode
 * to the same bytes. An 88-bit tag leaves a forger a 2⁻⁸⁸ chance per guess.
 *
 * The code is signed, not encrypted: the sub-order id is readable from it, and knowing
 * an id grants nothing on its own. Codes do not expire; changing the secret voids every
 * printed one, so pass a secret that is not rotated with session keys if that matters.
 */
const ID_BYTES = 16;
const TAG_BYTES = 11;
const CODE_LENGTH = ((ID_BYTES + TAG_BYTES) / 3) * 4;
const CODE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${CODE_LENGTH}}$`);
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The application secret may sign other things too; HKDF gives tracking codes a key of their own. */
const keys = new WeakMap<Uint8Array, Buffer>();
function keyFor(secret: Uint8Array): Buffer {
  let key = keys.get(secret);
  if (!key) {
    if (secret.byteLength < 16) throw new RangeError("The tracking secret must be at least 16 bytes");
    key = Buffer.from(hkdfSync("sha256", secret, new Uint8Array(0), "bazaar:tracking-code", 32));
    keys.set(secret, key);
  }
  return key;
}

const tagFor = (secret: Uint8Array, id: Buffer) =>
  createHmac("sha256", keyFor(secret)).update(id).digest().subarray(0, TAG_BYTES);

/** A 36-character URL-safe code for a sub-order id (a UUID). */
export function createTrackingCode(secret: Uint8Array, subOrderId: string): string {
  if (!UUID_PATTERN.test(subOrderId)) throw new RangeError("A sub-order id is a UUID");
  const id = Buffer.from(subOrderId.replace(/-/g, ""), "hex");
  return Buffer.concat([id, tagFor(secret, id)]).toString("base64url");
}

/** The sub-order id (lower-case UUID) a code was made for, or null for anything not made with this secret. */
export function readTrackingCode(secret: Uint8Array, code: string): string | null {
  // Node's base64 decoder skips characters it does not know, so the shape is checked first.
  if (typeof code !== "string" || !CODE_PATTERN.test(code)) return null;
  const raw = Buffer.from(code, "base64url");
  const id = raw.subarray(0, ID_BYTES);
  if (!timingSafeEqual(raw.subarray(ID_BYTES), tagFor(secret, id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `<base>/track/<code>`, keeping any path the base already has (an app served under /shop, say). */
export function trackingUrl(baseUrl: string, code: string): string {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/track/${encodeURIComponent(code)}`;
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** A sub-order's public tracking code and the page that shows it. */
export function trackingFor(deps: Pick<Deps, "auth" | "urls">, subOrderId: string) {
  const code = createTrackingCode(deps.auth.secret, subOrderId);
  return { trackingCode: code, trackingUrl: trackingUrl(deps.urls.customer, code) };
}

/**
 * A QR code for a tracking URL. Error correction M survives a scuffed or creased label
 * (about 15% of the symbol) without growing it much; the margin is the 4-module quiet
 * zone the QR standard asks for; 512 px prints sharply at label and invoice sizes.
 */
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4, width: 512 } as const;

export function trackingQr(url: string, format: "png"): Promise<Buffer>;
export function trackingQr(url: string, format: "svg"): Promise<string>;
export function trackingQr(url: string, format: "png" | "svg"): Promise<Buffer | string>;
export async function trackingQr(url: string, format: "png" | "svg"): Promise<Buffer | string> {
  const QRCode = await qrCodes();
  return format === "png"
    ? QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png" })
    : QRCode.toString(url, { ...QR_OPTIONS, type: "svg" });
}
