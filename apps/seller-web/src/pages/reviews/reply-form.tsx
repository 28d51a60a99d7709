import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerReviewDto } from "@bazaar/schemas";
import { Button, ErrorAlert, Form, TextAreaField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * The shop's public reply to a review, or an edit of it. The buyer is emailed; the reply
 * shows under the review on the product page.
 */
export function ReplyForm(props: { review: SellerReviewDto; onDone: () => void; onCancel?: () => void }) {
  const { review: r } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(r.sellerReply?.body ?? "");
  const reply = useMutation(
    trpc.seller.reviews.reply.mutationOptions({
      onSuccess: async () => {
        props.onDone();
        await queryClient.invalidateQueries(trpc.seller.reviews.list.pathFilter());
      },
    }),
  );
  const error = useFormError(reply.error);
  const id = `reply-${r.id}`;
  return (
    <Form
      aria-label={`Reply to ${r.authorName}`}
      pending={reply.isPending}
      onSubmit={() => reply.mutate({ reviewId: r.id, body: body.trim() })}
      testId="reply-form"
    >
      <ErrorAlert error={error} fields={["body"]} />
      <TextAreaField
        id={id}
        label={r.sellerReply ? "Edit your reply" : "Reply publicly"}
        rows={3}
        value={body}
        onValue={setBody}
        error={error?.fieldErrors.body}
        hint="Everyone sees this under the review, and the customer is emailed."
      />
      <div className="bz-form-actions">
        <Button type="submit" className="bz-button--small" pending={reply.isPending} pendingLabel="Saving…">
          {r.sellerReply ? "Save reply" : "Reply"}
        </Button>
        {props.onCancel && (
          <Button variant="secondary" className="bz-button--small" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </Form>
  );
}
