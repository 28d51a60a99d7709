import { useCallback } from "react";
import type { AuthStore } from "./auth-store";
import { HttpApiError, httpApiError, NETWORK_MESSAGE } from "./http-error";
import { useAuthStore } from "./provider";

export type FetchInvoiceOptions = {
  /** Supplies the bearer token, and a fresh one when the first try is refused with 401. */
  auth: Pick<AuthStore, "getAccessToken" | "refresh">;
  /** Where invoices are served; web apps proxy `/api` to the server. */
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
};

export type InvoiceFile = { blob: Blob; filename: string };

/** The file name a `content-disposition: attachment; filename="…"` header gives, else `fallback`. */
export function attachmentFilename(header: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? "");
  const name = m?.[1] ? decodeURIComponent(m[1]).replace(/[/\\]/g, "_").trim() : "";
  return name || fallback;
}

/**
 * A sub-order's tax invoice as a PDF (`GET /api/invoices/:subOrderId`). A buyer, the
 * seller and admins may fetch it, with the same bearer token as tRPC calls; on a 401 the
 * token is refreshed once (through the store's single-flight refresh) and the call retried.
 */
export async function fetchInvoice(subOrderId: string, options: FetchInvoiceOptions): Promise<InvoiceFile> {
  const url = `${options.baseUrl ?? "/api/invoices"}/${encodeURIComponent(subOrderId)}`;
  return fetchFile(url, options, {
    filename: "invoice.pdf",
    message: "The invoice could not be downloaded.",
  });
}

/**
 * Any file the API serves to a signed-in user (invoices, statements), fetched like an invoice:
 * the bearer token, one refresh on a 401, the API's error body as an HttpApiError. The name
 * comes from `content-disposition`, else `fallback.filename`.
 */
export async function fetchFile(
  url: string,
  options: Omit<FetchInvoiceOptions, "baseUrl">,
  fallback: { filename: string; message: string },
): Promise<InvoiceFile> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const send = async () => {
    const token = options.auth.getAccessToken();
    try {
      const response = await doFetch(url, {
        credentials: "same-origin",
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(options.signal && { signal: options.signal }),
      });
      return { response, token };
    } catch (error) {
      if ((error as Error)?.name === "AbortError") throw error;
      throw new HttpApiError(NETWORK_MESSAGE, null, null, null);
    }
  };

  let { response, token } = await send();
  if (response.status === 401 && (await options.auth.refresh(token))) ({ response } = await send());
  if (!response.ok) throw await httpApiError(response, fallback.message);
  return {
    blob: await response.blob(),
    filename: attachmentFilename(response.headers.get("content-disposition"), fallback.filename),
  };
}

/** `fetchInvoice` bound to this app's session. */
export function useFetchInvoice(): (subOrderId: string) => Promise<InvoiceFile> {
  const auth = useAuthStore();
  return useCallback((subOrderId: string) => fetchInvoice(subOrderId, { auth }), [auth]);
}

/** `fetchFile` bound to this app's session. */
export function useFetchFile(): (
  url: string,
  fallback: { filename: string; message: string },
) => Promise<InvoiceFile> {
  const auth = useAuthStore();
  return useCallback(
    (url: string, fallback: { filename: string; message: string }) => fetchFile(url, { auth }, fallback),
    [auth],
  );
}
