import { useFormError, useTRPC } from "@bazaar/client";
import { MAX_REVIEW_PHOTOS, type ReviewPhotoDto } from "@bazaar/schemas";
import { Button, Dialog, ErrorAlert, Form, TextAreaField, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { PhotoPicker } from "../media/photo-picker";
import { usePhotoField } from "../media/use-photo-uploads";
import { StarInput } from "./star-input";
import { useReviewRefresh } from "./use-review-refresh";

/** The review being edited, when there is one. */
export type ExistingReview = {
  id: string;
  rating: number;
  title: string;
  body: string;
  photos: ReviewPhotoDto[];
};

type ReviewFormProps = {
  open: boolean;
  product: { id: string; title: string };
  existing: ExistingReview | null;
  onClose: () => void;
  onSaved?: () => void;
};

/** Writing or editing a review in a dialog: stars, title, text and up to 5 photos. */
export function ReviewFormDialog(props: ReviewFormProps) {
  return (
    <Dialog
      open={props.open}
      title={props.existing ? "Edit your review" : "Write a review"}
      onClose={props.onClose}
      testId="review-dialog"
    >
      <ReviewForm {...props} />
    </Dialog>
  );
}

const FIELDS = ["rating", "title", "body", "photoIds"] as const;

function ReviewForm({ product, existing, onClose, onSaved }: ReviewFormProps) {
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const [rating, setRating] = useState(existing?.rating ?? 0);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [body, setBody] = useState(existing?.body ?? "");
  const [ratingMissing, setRatingMissing] = useState(false);
  const photos = usePhotoField(existing?.photos ?? [], MAX_REVIEW_PHOTOS);
  const done = () => {
    refresh();
    onSaved?.();
    onClose();
  };
  const create = useMutation(trpc.reviews.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.reviews.update.mutationOptions({ onSuccess: done }));
  const pending = create.isPending || update.isPending;
  const error = useFormError(create.error ?? update.error);
  const field = (f: string) => error?.fieldErrors[f];

  const submit = () => {
    if (rating < 1) {
      setRatingMissing(true);
      return;
    }
    setRatingMissing(false);
    const photoIds = photos.photos.map((p) => p.mediaId);
    if (existing) update.mutate({ reviewId: existing.id, rating, title, body, photoIds });
    else create.mutate({ productId: product.id, rating, title, body, photoIds });
  };

  return (
    <Form aria-label="Review" pending={pending} onSubmit={submit} testId="review-form">
      <p className="bz-muted">{product.title}</p>
      <ErrorAlert error={error} fields={FIELDS} />
      <StarInput
        value={rating}
        onChange={setRating}
        error={ratingMissing ? "Choose from 1 to 5 stars" : field("rating")}
      />
      <TextField
        id="review-title"
        label="Title"
        value={title}
        maxLength={120}
        placeholder="Sum it up in a few words"
        onValue={setTitle}
        error={field("title")}
      />
      <TextAreaField
        id="review-body"
        label="Your review"
        rows={5}
        value={body}
        maxLength={5000}
        hint="What did you like or dislike? How did you use it? At least 10 characters."
        onValue={setBody}
        error={field("body")}
      />
      <PhotoPicker label="Photos" {...photos.picker} error={field("photoIds")} testId="review-photos" />
      <div className="bz-form-actions">
        <Button
          type="submit"
          pending={pending}
          pendingLabel="Saving…"
          disabled={photos.busy}
          data-testid="review-submit"
        >
          {photos.busy ? "Waiting for photos…" : existing ? "Save review" : "Post review"}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
