import { toFormError, useFetchFile } from "@bazaar/client";
import { Button, saveBlob } from "@bazaar/ui";
import { useState } from "react";
import { statementFilename, statementUrl } from "./statement-math";

/** "Download CSV" and "Download PDF" for one month, fetched with the seller's token. */
export function StatementDownloads({ month }: { month: string }) {
  const fetchFile = useFetchFile();
  const [pending, setPending] = useState<"csv" | "pdf" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: "csv" | "pdf") => {
    setPending(format);
    setError(null);
    try {
      const { blob, filename } = await fetchFile(statementUrl(month, format), {
        filename: statementFilename(month, format),
        message: "The statement could not be downloaded.",
      });
      saveBlob(blob, filename);
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setPending(null);
    }
  };
  return (
    <span className="bz-inline-action">
      <Button
        variant="secondary"
        onClick={() => download("csv")}
        pending={pending === "csv"}
        pendingLabel="Downloading…"
        disabled={pending !== null}
        data-testid="download-statement-csv"
      >
        Download CSV
      </Button>
      <Button
        variant="secondary"
        onClick={() => download("pdf")}
        pending={pending === "pdf"}
        pendingLabel="Downloading…"
        disabled={pending !== null}
        data-testid="download-statement-pdf"
      >
        Download PDF
      </Button>
      {error && (
        <span className="bz-field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
