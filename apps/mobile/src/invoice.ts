import { fetchInvoice, useAuthStore } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { Platform } from "react-native";
import { invoiceUrl } from "./config";

/**
 * A sub-order's tax invoice. On the web it downloads like any file (fetched with the bearer
 * token, one refresh on 401, through @bazaar/client); on a phone it is saved to the app's
 * cache and handed to the share sheet (mail it, save it to Files, open it in a PDF viewer).
 */
export function useInvoice() {
  const auth = useAuthStore();
  return useMutation({
    mutationFn: async (subOrderId: string) => {
      if (Platform.OS === "web") {
        const { blob, filename } = await fetchInvoice(subOrderId, {
          auth,
          baseUrl: invoiceUrl("").replace(/\/$/, ""),
        });
        const href = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = href;
        a.download = filename;
        a.click();
        setTimeout(() => URL.revokeObjectURL(href), 10_000);
        return filename;
      }
      const { File, Paths } = await import("expo-file-system");
      const Sharing = await import("expo-sharing");
      const download = async () => {
        const token = auth.getAccessToken();
        const file = await File.downloadFileAsync(
          invoiceUrl(subOrderId),
          new File(Paths.cache, `invoice-${subOrderId}.pdf`),
          {
            headers: token ? { authorization: `Bearer ${token}` } : {},
            idempotent: true,
          },
        );
        return { file, token };
      };
      let result: Awaited<ReturnType<typeof download>>;
      try {
        result = await download();
      } catch (error) {
        // An expired access token: refresh once (single-flight) and try again.
        if (!(await auth.refresh(auth.getAccessToken()))) throw error;
        result = await download();
      }
      if (await Sharing.isAvailableAsync())
        await Sharing.shareAsync(result.file.uri, { mimeType: "application/pdf", dialogTitle: "Invoice" });
      return result.file.name;
    },
  });
}
