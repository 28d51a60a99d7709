import { toFormError, useFetchFile, useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { CatalogImportDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Loading, Page, saveBlob } from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useUploadCatalog } from "./upload-catalog";

/** Poll while an import runs: a 10,000-row file takes well under a minute. */
const POLL_MS = 1500;

/**
 * Import / export: the shop's catalog as a spreadsheet (one row per variant) to edit in bulk
 * and upload back. Products and variants are matched by SKU; a product with any bad row is
 * skipped whole and listed in the error report.
 */
export function CatalogCsvPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const imports = useQuery({
    ...trpc.seller.catalogImport.list.queryOptions({}),
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === "running") ? POLL_MS : false),
  });
  const listError = useFormError(imports.error);
  const fetchFile = useFetchFile();
  const upload = useUploadCatalog();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"export" | "upload" | null>(null);
  const [error, setError] = useState<ReturnType<typeof toFormError> | null>(null);

  const download = async (url: string, filename: string, message: string) => {
    setError(null);
    try {
      const f = await fetchFile(url, { filename, message });
      saveBlob(f.blob, f.filename);
    } catch (e) {
      setError(toFormError(e));
    }
  };
  const exportCatalog = async () => {
    setBusy("export");
    await download("/api/seller/catalog.csv", "catalog.csv", "The catalog could not be downloaded.");
    setBusy(null);
  };
  const send = async () => {
    if (!file) return;
    setBusy("upload");
    setError(null);
    try {
      await upload(file);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: trpc.seller.catalogImport.list.queryKey() });
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page
      title="Import / export"
      description="Edit your catalog in a spreadsheet: download it, change prices, stock or details, and upload it back."
    >
      <ErrorAlert error={error} fields={["file"]} />
      <Card title="Export">
        <p>
          One row per variant. Prices are in rupees with two decimals (price_rupees, mrp_rupees); the status
          column is for reading only.
        </p>
        <Button
          variant="secondary"
          onClick={exportCatalog}
          pending={busy === "export"}
          pendingLabel="Downloading…"
          data-testid="export-catalog"
        >
          Download catalog CSV
        </Button>
      </Card>
      <Card title="Import">
        <p>
          Rows of one product share a handle and sit together. Variants are matched by SKU: new SKUs are
          added, known ones updated, stock changes go to the inventory log. A product with any bad row is left
          as it was.
        </p>
        <div className="bz-field">
          <label className="bz-field__label" htmlFor="catalog-file">
            CSV file
          </label>
          <input
            id="catalog-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="catalog-file"
            aria-describedby={error?.fieldErrors?.file ? "catalog-file-error" : undefined}
          />
          {error?.fieldErrors?.file && (
            <span id="catalog-file-error" className="bz-field__error" role="alert">
              {error.fieldErrors.file[0]}
            </span>
          )}
        </div>
        <Button
          onClick={send}
          disabled={!file || busy !== null}
          pending={busy === "upload"}
          pendingLabel="Uploading…"
          data-testid="upload-catalog"
        >
          Upload and import
        </Button>
      </Card>
      <Card title="Imports">
        {imports.isPending ? (
          <Loading />
        ) : imports.error ? (
          <ErrorAlert error={listError} />
        ) : imports.data.items.length === 0 ? (
          <p className="bz-empty">No imports yet.</p>
        ) : (
          <table className="bz-table" aria-label="Catalog imports">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Started</th>
                <th scope="col">Progress</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Failed</th>
                <th scope="col">
                  <span className="bz-visually-hidden">Error report</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.items.map((i) => (
                <ImportRow
                  key={i.id}
                  item={i}
                  onReport={() =>
                    download(
                      `/api/seller/catalog-imports/${i.id}/errors.csv`,
                      "import-errors.csv",
                      "The error report could not be downloaded.",
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </Page>
  );
}

function ImportRow({ item: i, onReport }: { item: CatalogImportDto; onReport: () => void }) {
  return (
    <tr data-testid="catalog-import">
      <td>
        {i.filename}
        {i.message && (
          <Alert tone={i.status === "failed" ? "error" : "info"}>
            <span>{i.message}</span>
          </Alert>
        )}
      </td>
      <td>{formatDateTime(i.createdAt)}</td>
      <td data-testid="import-progress">
        {i.status === "running" ? (
          <>
            <progress max={Math.max(i.rows, 1)} value={i.processed} aria-label="Rows applied" /> {i.processed}{" "}
            of {i.rows} rows read
          </>
        ) : i.status === "failed" ? (
          "Stopped"
        ) : (
          `Done, ${i.rows} rows`
        )}
      </td>
      <td>{i.created}</td>
      <td>{i.updated}</td>
      <td>{i.unchanged}</td>
      <td>{i.failed}</td>
      <td>
        {i.errorCount > 0 && (
          <Button variant="secondary" onClick={onReport} data-testid="import-error-report">
            Error report ({i.errorCount})
          </Button>
        )}
      </td>
    </tr>
  );
}
