import { describe, expect, it, vi } from "vitest";
import { toFormError } from "./form-error";
import { MediaUploadError, uploadMedia } from "./upload-media";

const media = { id: "m1", url: "/media/u/1.png", contentType: "image/png", bytes: 10, width: 1, height: 1 };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A token store whose refresh hands out "fresh". */
function fakeAuth(initial: string | null) {
  let token = initial;
  return {
    getAccessToken: () => token,
    refresh: vi.fn(async () => {
      token = "fresh";
      return true;
    }),
  };
}

describe("uploadMedia", () => {
  it("sends the file as multipart with the bearer token, refreshing once on 401", async () => {
    const auth = fakeAuth("expired");
    const seen: { auth: string | null; file: FormDataEntryValue | null }[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const authHeader = new Headers(init?.headers).get("authorization");
      seen.push({ auth: authHeader, file: (init!.body as FormData).get("file") });
      return authHeader === "Bearer fresh"
        ? json(201, { media })
        : json(401, { code: "UNAUTHORIZED", message: "Sign in" });
    });
    const file = new File([new Uint8Array([1, 2, 3])], "saree.png", { type: "image/png" });
    expect(await uploadMedia(file, { auth, fetch: fetch as typeof globalThis.fetch })).toEqual(media);
    expect(auth.refresh).toHaveBeenCalledExactlyOnceWith("expired");
    expect(seen.map((s) => s.auth)).toEqual(["Bearer expired", "Bearer fresh"]);
    expect((seen[1]!.file as File).name).toBe("saree.png");
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/media");
  });

  it("turns a refusal into a form error with the field message", async () => {
    const auth = fakeAuth("t");
    const fetch = async () =>
      json(400, {
        code: "VALIDATION",
        message: "Only JPEG, PNG or WebP images.",
        reason: "media.unsupported_type",
        fieldErrors: { file: ["Only JPEG, PNG or WebP images."] },
      });
    const error = await uploadMedia(new Blob(["x"]), { auth, fetch: fetch as typeof globalThis.fetch }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MediaUploadError);
    expect(toFormError(error)).toMatchObject({
      message: "Only JPEG, PNG or WebP images.",
      reason: "media.unsupported_type",
      code: "VALIDATION",
      fieldErrors: { file: "Only JPEG, PNG or WebP images." },
    });
    expect(auth.refresh).not.toHaveBeenCalled();
  });

  it("explains a proxy's bare 413 and a network failure", async () => {
    const auth = fakeAuth("t");
    const tooLarge = async () => new Response("<html>413</html>", { status: 413 });
    expect(
      (
        await uploadMedia(new Blob(["x"]), { auth, fetch: tooLarge as typeof globalThis.fetch }).catch(
          (e) => e,
        )
      ).message,
    ).toBe("The image is too large.");
    const offline = async () => Promise.reject(new TypeError("Failed to fetch"));
    expect(
      (
        await uploadMedia(new Blob(["x"]), { auth, fetch: offline as typeof globalThis.fetch }).catch(
          (e) => e,
        )
      ).message,
    ).toMatch(/Cannot reach Bazaar/);
  });
});
