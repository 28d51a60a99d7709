import { HttpApiError, useAuthStore } from "@bazaar/client";
import type { CatalogImportDto } from "@bazaar/schemas";
import { useCallback } from "react";

type ErrorBody = { code?: string; message?: string; reason?: string; fieldErrors?: Record<string, string[]> };

/**
 * Sends a catalog CSV to `POST /api/seller/catalog-imports` with the session's token (once
 * more with a fresh one after a 401); answers the import record, which then fills in as the
 * server applies the file.
 */
export function useUploadCatalog(): (file: File) => Promise<CatalogImportDto> {
  const auth = useAuthStore();
  return useCallback(
    async (file: File) => {
      const send = async () => {
        const token = auth.getAccessToken();
        const body = new FormData();
        body.append("file", file, file.name);
        try {
          const response = await fetch("/api/seller/catalog-imports", {
            method: "POST",
            body,
            credentials: "same-origin",
            headers: token ? { authorization: `Bearer ${token}` } : {},
          });
          return { response, token };
        } catch {
          throw new HttpApiError(
            "Could not reach Bazaar. Check your connection and try again.",
            null,
            null,
            null,
          );
        }
      };
      let { response, token } = await send();
      if (response.status === 401 && (await auth.refresh(token))) ({ response } = await send());
      const json = (await response.json().catch(() => null)) as
        | ({ import?: CatalogImportDto } & ErrorBody)
        | null;
      if (response.ok && json?.import) return json.import;
      throw new HttpApiError(
        json?.message ?? (response.status === 413 ? "The file is too large." : "The upload failed."),
        response.status,
        json?.code ?? null,
        json?.reason ?? null,
        json?.fieldErrors ?? {},
      );
    },
    [auth],
  );
}
