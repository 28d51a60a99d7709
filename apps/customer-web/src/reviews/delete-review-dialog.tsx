import { useFormError, useTRPC } from "@bazaar/client";
import { Button, Dialog, ErrorAlert } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useReviewRefresh } from "./use-review-refresh";

/** "Delete your review?" with the API's answer if it fails. */
export function DeleteReviewDialog({ reviewId, onClose }: { reviewId: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const remove = useMutation(
    trpc.reviews.remove.mutationOptions({
      onSuccess: () => {
        refresh();
        onClose();
      },
    }),
  );
  const error = useFormError(remove.error);
  return (
    <Dialog
      open={reviewId !== null}
      title="Delete your review?"
      onClose={onClose}
      testId="delete-review-dialog"
    >
      <p>Your rating, text and photos are removed from the product page. You can write a new review later.</p>
      <ErrorAlert error={error} />
      <div className="bz-form-actions">
        <Button
          variant="danger"
          pending={remove.isPending}
          pendingLabel="Deleting…"
          onClick={() => reviewId && remove.mutate({ reviewId })}
          data-testid="confirm-delete-review"
        >
          Delete review
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Keep it
        </Button>
      </div>
    </Dialog>
  );
}
