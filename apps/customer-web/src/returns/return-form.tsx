import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { MAX_RETURN_PHOTOS, type OrderDto, type SubOrderDto } from "@bazaar/schemas";
import { Button, Dialog, ErrorAlert, Form, TextAreaField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { PhotoPicker } from "../media/photo-picker";
import { usePhotoField } from "../media/use-photo-uploads";
import {
  emptyRefundAccount,
  type RefundAccountDraft,
  RefundAccountFields,
  refundAccountPayload,
} from "./refund-account-fields";
import { chosenLines, draftProblems, initialDrafts, type LineDraft, refundEstimate } from "./return-draft";
import { ReturnLineFields } from "./return-line-fields";

type ReturnFormProps = {
  order: Pick<OrderDto, "id" | "paymentMethod">;
  subOrder: SubOrderDto;
  /** The line whose Return button was clicked; it starts chosen. */
  itemId: string | null;
  onClose: () => void;
};

/** Asking to return items of one shop's part: which lines, how many and why, photos, refund account. */
export function ReturnRequestDialog(props: ReturnFormProps & { open: boolean }) {
  return (
    <Dialog
      open={props.open}
      title={`Return items from ${props.subOrder.seller.shopName}`}
      onClose={props.onClose}
      testId="return-dialog"
    >
      <ReturnForm {...props} />
    </Dialog>
  );
}

function ReturnForm({ order, subOrder: s, itemId, onClose }: ReturnFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const [drafts, setDrafts] = useState<LineDraft[]>(() => initialDrafts(s.items, itemId));
  const [comment, setComment] = useState("");
  const [account, setAccount] = useState<RefundAccountDraft>(emptyRefundAccount);
  const [local, setLocal] = useState<Record<string, string>>({});
  const photos = usePhotoField([], MAX_RETURN_PHOTOS);
  const cod = order.paymentMethod === "cod";
  const request = useMutation(
    trpc.returns.request.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ orderId: order.id }));
        void queryClient.invalidateQueries(trpc.returns.list.pathFilter());
        onClose();
        navigate(`/returns/${r.id}`, { state: { requested: true } });
      },
    }),
  );
  const error = useFormError(request.error);
  const { lines, indexOf } = chosenLines(drafts);
  const field = (path: string) => local[path] ?? error?.fieldErrors[path];
  const lineError = (orderItemId: string, f: "qty" | "reason" | "orderItemId") => {
    const i = indexOf(orderItemId);
    return local[`${orderItemId}.${f}`] ?? (i >= 0 ? error?.fieldErrors[`lines.${i}.${f}`] : undefined);
  };
  const shown = [
    "lines",
    "comment",
    "photoIds",
    "refundAccount",
    "refundAccount.kind",
    "refundAccount.upiId",
    "refundAccount.holder",
    "refundAccount.accountNumber",
    "refundAccount.ifsc",
    ...lines.flatMap((_, i) => [`lines.${i}.qty`, `lines.${i}.reason`, `lines.${i}.orderItemId`]),
  ];

  const submit = () => {
    const problems = draftProblems(drafts);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    request.mutate({
      subOrderId: s.id,
      lines,
      ...(comment.trim() && { comment: comment.trim() }),
      ...(photos.photos.length && { photoIds: photos.photos.map((p) => p.mediaId) }),
      ...(cod && { refundAccount: refundAccountPayload(account) }),
    });
  };

  const byId = new Map(s.items.map((i) => [i.id, i]));
  return (
    <Form aria-label="Return request" pending={request.isPending} onSubmit={submit} testId="return-form">
      <ErrorAlert error={error} fields={shown} />
      {drafts.length === 0 ? (
        <p className="bz-empty">Nothing from this shop can be returned now.</p>
      ) : (
        <fieldset className="bz-fieldset">
          <legend className="bz-field__label">What are you returning?</legend>
          <ul className="bz-list" aria-label="Items you can return">
            {drafts.map((d) => (
              <ReturnLineFields
                key={d.orderItemId}
                item={byId.get(d.orderItemId)!}
                draft={d}
                now={now}
                onChange={(next) =>
                  setDrafts((list) => list.map((x) => (x.orderItemId === next.orderItemId ? next : x)))
                }
                error={(f) => lineError(d.orderItemId, f)}
              />
            ))}
          </ul>
          {field("lines") && (
            <p className="bz-field__error" data-testid="lines-error">
              {field("lines")}
            </p>
          )}
        </fieldset>
      )}
      <TextAreaField
        id="return-comment"
        label="Anything the shop should know? (optional)"
        rows={3}
        maxLength={1000}
        value={comment}
        onValue={setComment}
        error={field("comment")}
      />
      <PhotoPicker
        label="Photos of the problem"
        {...photos.picker}
        error={field("photoIds")}
        testId="return-photos"
      />
      {cod && <RefundAccountFields value={account} onChange={setAccount} error={field} />}
      {lines.length > 0 && (
        <p data-testid="refund-estimate">
          About <strong>{formatRupees(refundEstimate(s.items, drafts))}</strong> back for{" "}
          {lines.length === 1 ? "this item" : "these items"}.
        </p>
      )}
      <p className="bz-small bz-muted">
        The shop has to approve the return. You get back what you paid for these units, your coupon's share
        included; shipping comes back only when the whole order from the shop is returned for the shop's
        fault.
      </p>
      <div className="bz-form-actions">
        <Button
          type="submit"
          pending={request.isPending}
          pendingLabel="Sending…"
          disabled={photos.busy || drafts.length === 0}
          data-testid="return-submit"
        >
          {photos.busy ? "Waiting for photos…" : "Request return"}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
