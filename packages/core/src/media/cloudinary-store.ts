import http from "node:http";
import type { UploadApiOptions, UploadApiResponse } from "cloudinary";
import type { MediaStore } from "../platform/media-store";

// Loaded on first use: a process on the local store never pays for the SDK.
let sdk: Promise<typeof import("cloudinary").v2> | undefined;
const loadSdk = () => {
  sdk ??= import("cloudinary").then((m) => m.v2);
  return sdk;
};

/** What CLOUDINARY_URL (cloudinary://API_KEY:API_SECRET@CLOUD_NAME) carries. */
export type CloudinaryOptions = {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  /** API base, e.g. a local stub in tests (`http://127.0.0.1:PORT`); Cloudinary's own by default. */
  uploadPrefix?: string;
  timeoutMs?: number;
};

/**
 * Cloudinary through its real SDK. Every call carries its own credentials and API base,
 * so the SDK's process-wide config (and whatever CLOUDINARY_URL it read itself) never
 * decides where a file goes. The store key is the Cloudinary public id: the key made by
 * `uploadMedia` without its extension (Cloudinary keeps the format itself).
 */
export function createCloudinaryMediaStore(options: CloudinaryOptions): MediaStore {
  const base: UploadApiOptions = {
    cloud_name: options.cloudName,
    api_key: options.apiKey,
    api_secret: options.apiSecret,
    timeout: options.timeoutMs ?? 30_000,
    resource_type: "image",
  };
  if (options.uploadPrefix) {
    base.upload_prefix = options.uploadPrefix.replace(/\/+$/, "");
    // The SDK picks its http or https module once, when it is first loaded, from the
    // upload prefix it sees then. A plain-http API base (a local stub, a proxy) also needs
    // an http agent on each request; Node then accepts the http: URL on either module.
    if (base.upload_prefix.startsWith("http:")) base.agent = new http.Agent({ keepAlive: true });
  }

  return {
    async put(key, bytes) {
      const publicId = key.replace(/\.[a-z0-9]+$/i, "");
      const cloudinary = await loadSdk();
      const result = await new Promise<UploadApiResponse>((resolve, reject) => {
        const stream = cloudinary.uploader.upload_stream(
          { ...base, public_id: publicId, overwrite: false, unique_filename: false },
          (error, res) => {
            if (error || !res) reject(cloudinaryError("upload", error));
            else resolve(res);
          },
        );
        stream.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
      return { key: result.public_id, url: result.secure_url || result.url };
    },
    async delete(key) {
      const cloudinary = await loadSdk();
      let result: { result?: string };
      try {
        // The SDK's types list only destroy's own options; credentials ride along as on upload.
        const destroyOptions: { invalidate: boolean } = { ...base, invalidate: true };
        result = await cloudinary.uploader.destroy(key, destroyOptions);
      } catch (error) {
        throw cloudinaryError("destroy", error);
      }
      // "not found" is success: the file is gone, which is what was asked.
      if (result.result !== "ok" && result.result !== "not found")
        throw new Error(`Cloudinary destroy of ${key} answered ${JSON.stringify(result)}`);
    },
  };
}

/** The SDK rejects with plain objects ({ message, http_code }); make them real errors. */
function cloudinaryError(action: string, error: unknown): Error {
  if (error instanceof Error) return error;
  const e = (error ?? {}) as { message?: string; http_code?: number; error?: { message?: string } };
  const message = e.message ?? e.error?.message ?? "no result";
  return Object.assign(new Error(`Cloudinary ${action} failed: ${message}`), { httpCode: e.http_code });
}
