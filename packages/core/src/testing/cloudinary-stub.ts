import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";

export type CloudinaryStubRequest = {
  action: "upload" | "destroy";
  cloudName: string;
  /** Every form field but the file, as sent. */
  fields: Record<string, string>;
  file?: Buffer;
};

/**
 * A local HTTP server speaking the part of Cloudinary's Upload API the media store uses:
 * `POST /v1_1/<cloud>/image/upload` (multipart, signed) and `POST /v1_1/<cloud>/image/destroy`.
 * It checks the SHA-1 request signature the way Cloudinary does and answers with
 * Cloudinary's response shapes, so the real SDK can be pointed at it in tests.
 */
export async function startCloudinaryStub(credentials: {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
}) {
  const requests: CloudinaryStubRequest[] = [];
  const assets = new Map<string, Buffer>();
  let failures: { status: number; message: string }[] = [];
  let version = 1_700_000_000;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string) =>
    send(res, status, { error: { message } });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const m = /^\/v1_1\/([^/]+)\/image\/(upload|destroy)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !m) return error(res, 404, "Not found");
    const [, cloudName, action] = m as unknown as [string, string, "upload" | "destroy"];
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = await new Response(Buffer.concat(chunks), {
      headers: { "content-type": req.headers["content-type"] ?? "" },
    }).formData();
    const fields: Record<string, string> = {};
    let file: Buffer | undefined;
    for (const [k, v] of form.entries()) {
      if (typeof v === "string") fields[k] = v;
      else if (k === "file") file = Buffer.from(await v.arrayBuffer());
    }
    requests.push({ action, cloudName, fields, ...(file && { file }) });

    const failure = failures.shift();
    if (failure) return error(res, failure.status, failure.message);
    if (cloudName !== credentials.cloudName) return error(res, 401, `Invalid cloud_name ${cloudName}`);
    if (fields.api_key !== credentials.apiKey) return error(res, 401, `Unknown API key ${fields.api_key}`);
    if (!fields.signature || fields.signature !== sign(fields, credentials.apiSecret))
      return error(res, 401, "Invalid Signature");
    const publicId = fields.public_id;
    if (!publicId) return error(res, 400, "Missing required parameter - public_id");

    if (action === "destroy") {
      return send(res, 200, { result: assets.delete(publicId) ? "ok" : "not found" });
    }
    if (!file) return error(res, 400, "Missing required parameter - file");
    const type = await fileTypeFromBuffer(file);
    if (!type?.mime.startsWith("image/")) return error(res, 400, "Invalid image file");
    if (assets.has(publicId) && fields.overwrite === "false") {
      return error(res, 409, `Resource already exists - ${publicId}`);
    }
    assets.set(publicId, file);
    const { width, height } = imageSize(file);
    version += 1;
    const path = `${cloudName}/image/upload/v${version}/${publicId}.${type.ext}`;
    return send(res, 200, {
      asset_id: createHash("md5").update(publicId).digest("hex"),
      public_id: publicId,
      version,
      signature: createHash("sha1").update(file).digest("hex"),
      width,
      height,
      format: type.ext,
      resource_type: "image",
      created_at: new Date().toISOString(),
      bytes: file.length,
      type: "upload",
      url: `http://res.cloudinary.com/${path}`,
      secure_url: `https://res.cloudinary.com/${path}`,
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uploadPrefix: `http://127.0.0.1:${port}`,
    requests,
    /** Stored files by public id. */
    assets,
    /** The next request is answered with this error instead. */
    failNext(status: number, message: string) {
      failures.push({ status, message });
    },
    reset() {
      requests.length = 0;
      assets.clear();
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cloudinary's signature: SHA-1 of the sorted `key=value` pairs joined by `&`, then the secret. */
function sign(fields: Record<string, string>, apiSecret: string): string {
  const unsigned = new Set(["api_key", "signature", "file", "resource_type", "cloud_name"]);
  const toSign = Object.entries(fields)
    .filter(([k, v]) => !unsigned.has(k) && v !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`.replace(/&/g, "%26"))
    .join("&");
  return createHash("sha1")
    .update(toSign + apiSecret)
    .digest("hex");
}
