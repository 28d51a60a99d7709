import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";

const base = { DATA_DIR: "/tmp/bazaar-media-config", AUTH_SECRET: "x".repeat(32) };

describe("media configuration", () => {
  it("uses the local store under DATA_DIR/media, with URLs on the API's own origin", () => {
    const c = loadConfig({ ...base, PORT: "4100" });
    expect(c.cloudinary).toBeUndefined();
    expect(c.mediaDir).toBe("/tmp/bazaar-media-config/media");
    expect(c.publicApiUrl).toBe("http://127.0.0.1:4100");
    expect(loadConfig({ ...base, PUBLIC_API_URL: "https://api.bazaar.example/" }).publicApiUrl).toBe(
      "https://api.bazaar.example",
    );
  });

  it("switches to Cloudinary when CLOUDINARY_URL is set", () => {
    const c = loadConfig({ ...base, CLOUDINARY_URL: "cloudinary://1234:a%2Fb@my-cloud" });
    expect(c.cloudinary).toEqual({ cloudName: "my-cloud", apiKey: "1234", apiSecret: "a/b" });
  });

  it("names a bad CLOUDINARY_URL or PUBLIC_API_URL without echoing the secret", () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    const m = bad({ CLOUDINARY_URL: "https://1234:topsecret@my-cloud" });
    expect(m).toMatch(/CLOUDINARY_URL: must look like cloudinary:\/\/API_KEY:API_SECRET@CLOUD_NAME/);
    expect(m).not.toContain("topsecret");
    expect(bad({ CLOUDINARY_URL: "cloudinary://my-cloud" })).toMatch(/CLOUDINARY_URL: must look like/);
    expect(bad({ CLOUDINARY_URL: "cloudinary://k:s@c?upload_prefix=ftp://x" })).toMatch(
      /CLOUDINARY_URL: upload_prefix must be an http\(s\) URL/,
    );
    expect(bad({ PUBLIC_API_URL: "api.example.com" })).toMatch(/PUBLIC_API_URL: must be an http\(s\) URL/);
  });
});
