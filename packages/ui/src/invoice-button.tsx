import { toFormError, useFetchInvoice } from "@bazaar/client";
import { useState } from "react";
import { Button } from "./form";

/** Saves a downloaded file under `filename`, as if the browser had followed a download link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Download invoice" for one seller's part of an order, fetched with the signed-in user's
 * token. Invoices are issued once the part is confirmed; until then this says so.
 */
export function InvoiceButton({ subOrder }: { subOrder: { id: string; invoiceNumber: string | null } }) {
  const fetchInvoice = useFetchInvoice();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!subOrder.invoiceNumber)
    return (
      <span className="bz-muted bz-small" data-testid="invoice-pending">
        Invoice available once confirmed
      </span>
    );
  const download = async () => {
    setPending(true);
    setError(null);
    try {
      const { blob, filename } = await fetchInvoice(subOrder.id);
      saveBlob(blob, filename);
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="bz-inline-action">
      <Button
        variant="secondary"
        className="bz-button--small"
        onClick={download}
        pending={pending}
        pendingLabel="Downloading…"
        data-testid="download-invoice"
      >
        Download invoice
      </Button>
      {error && (
        <span className="bz-field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
