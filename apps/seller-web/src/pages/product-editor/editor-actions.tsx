import type { ProductStatus } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";

/**
 * The buttons a product's status allows: save (as a draft, or changes to a live product),
 * submit for review, archive, restore. `status` is undefined for a product not yet saved.
 */
export function EditorActions(props: {
  status: ProductStatus | undefined;
  /** Which save is running, if one is. */
  saving: "save" | "submit" | undefined;
  moving: boolean;
  uploading: boolean;
  onSubmitForReview: () => void;
  onMove: (action: "archive" | "restore") => void;
}) {
  const { status, saving, moving, uploading } = props;
  const live = status === "approved" || status === "pending_review";
  return (
    <div className="bz-form-actions bz-sticky-actions">
      {status !== "archived" && (
        <Button
          type="submit"
          variant={live ? "primary" : "secondary"}
          pending={saving === "save"}
          pendingLabel="Saving…"
          disabled={uploading}
        >
          {live ? "Save changes" : "Save draft"}
        </Button>
      )}
      {(!status || status === "draft" || status === "rejected") && (
        <Button
          onClick={props.onSubmitForReview}
          pending={saving === "submit"}
          pendingLabel="Submitting…"
          disabled={uploading}
          data-testid="submit-for-review"
        >
          Submit for review
        </Button>
      )}
      {status === "approved" && (
        <Button
          variant="danger"
          onClick={() => props.onMove("archive")}
          pending={moving}
          pendingLabel="Archiving…"
        >
          Archive
        </Button>
      )}
      {status === "archived" && (
        <Button onClick={() => props.onMove("restore")} pending={moving} pendingLabel="Restoring…">
          Restore
        </Button>
      )}
      {uploading && <span className="bz-muted bz-small">Waiting for images to finish uploading…</span>}
    </div>
  );
}
