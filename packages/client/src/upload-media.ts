import type { MediaDto } from "@bazaar/schemas";
import { useCallback } from "react";
import type { AuthStore } from "./auth-store";
import { HttpApiError, NETWORK_MESSAGE } from "./http-error";
import { useAuthStore } from "./provider";

/** A refused or failed upload, shaped like an API error so forms can show it (see toFormError). */
export class MediaUploadError extends HttpApiError {
  override readonly name = "MediaUploadError";
}

export type UploadMediaOptions = {
  /** Supplies the bearer token, and a fresh one when the first try is refused with 401. */
  auth: Pick<AuthStore, "getAccessToken" | "refresh">;
  /** Where uploads go; web apps proxy `/api` to the server. */
  url?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
};

type ErrorBody = { code?: string; message?: string; reason?: string; fieldErrors?: Record<string, string[]> };

/**
 * Uploads one image (`POST /api/media`, multipart field `file`) and returns the stored media.
 * Uses the same access token as tRPC calls, and on a 401 refreshes it once (through the
 * store's single-flight refresh) and tries again.
 */
export async function uploadMedia(file: Blob, options: UploadMediaOptions): Promise<MediaDto> {
  const url = options.url ?? "/api/media";
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const send = async () => {
    const token = options.auth.getAccessToken();
    const body = new FormData();
    body.append("file", file, (file as File).name ?? "image");
    try {
      const response = await doFetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(options.signal && { signal: options.signal }),
      });
      return { response, token };
    } catch (error) {
      if ((error as Error)?.name === "AbortError") throw error;
      throw new MediaUploadError(NETWORK_MESSAGE, null, null, null);
    }
  };

  let { response, token } = await send();
  if (response.status === 401 && (await options.auth.refresh(token))) ({ response } = await send());

  const body = (await response.json().catch(() => null)) as ({ media?: MediaDto } & ErrorBody) | null;
  if (response.ok && body?.media) return body.media;
  if (!body) {
    throw new MediaUploadError(
      response.status === 413 ? "The image is too large." : NETWORK_MESSAGE,
      response.status,
      null,
      null,
    );
  }
  throw new MediaUploadError(
    body.message ?? "The upload failed.",
    response.status,
    body.code ?? null,
    body.reason ?? null,
    body.fieldErrors ?? {},
  );
}

/** `uploadMedia` bound to this app's session: `const upload = useUploadMedia(); await upload(file)`. */
export function useUploadMedia(): (file: Blob, signal?: AbortSignal) => Promise<MediaDto> {
  const auth = useAuthStore();
  return useCallback(
    (file: Blob, signal?: AbortSignal) => uploadMedia(file, { auth, ...(signal && { signal }) }),
    [auth],
  );
}
