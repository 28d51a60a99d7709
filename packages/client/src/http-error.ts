/**
 * A refused or failed plain-HTTP call to the API (uploads, invoices), shaped like a tRPC
 * error so forms can show it (see toFormError).
 */
export class HttpApiError extends Error {
  override readonly name: string = "HttpApiError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly reason: string | null,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const NETWORK_MESSAGE = "Cannot reach Bazaar right now. Check your connection and try again.";

/** The API's error body, `{ code, message, reason, fieldErrors }`, as an HttpApiError. */
export async function httpApiError(response: Response, fallback: string): Promise<HttpApiError> {
  const body = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
    reason?: string;
    fieldErrors?: Record<string, string[]>;
  } | null;
  if (!body) return new HttpApiError(fallback, response.status, null, null);
  return new HttpApiError(
    body.message ?? fallback,
    response.status,
    body.code ?? null,
    body.reason ?? null,
    body.fieldErrors ?? {},
  );
}
