import { type FormError, useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { ModerationItemDto, SellerProductDto } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, type FlatCategory, Form, RevisionCompare, TextField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { historyHref } from "./audit/audit-values";
import { FeatureToggle } from "./featured";
import { ProductPreview } from "./product-preview";
import { TakeDownButton } from "./takedown-button";

type OnDecided = (message: string, product: SellerProductDto) => void;

/** Approving or rejecting a queued item; either way the queue and the catalogue are read again. */
function useDecision(item: ModerationItemDto, onDecided: OnDecided) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = item.product;
  const title = p.revision?.title ?? p.title;
  const done = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.products.queue.pathFilter()),
      queryClient.invalidateQueries(trpc.catalog.pathFilter()),
    ]);
  };
  const approve = useMutation(
    trpc.admin.products.approve.mutationOptions({
      onSuccess: async (dto) => {
        onDecided(
          item.kind === "new"
            ? `Approved "${dto.title}": it is now on sale.`
            : `Approved the edit to "${dto.title}".`,
          dto,
        );
        await done();
      },
    }),
  );
  const reject = useMutation(
    trpc.admin.products.reject.mutationOptions({
      onSuccess: async (dto) => {
        onDecided(
          item.kind === "new"
            ? `Rejected "${title}". The seller sees your reason.`
            : `Rejected the edit to "${dto.title}"; the live version stays.`,
          dto,
        );
        await done();
      },
    }),
  );
  const error = useFormError(approve.error ?? reject.error);
  return { approve, reject, error };
}

/** One queued product or edit: who sent it, approve or reject with a reason, and what is proposed. */
export function Review(props: { item: ModerationItemDto; categories: FlatCategory[]; onDecided: OnDecided }) {
  const { item, categories } = props;
  const p = item.product;
  const { approve, reject, error } = useDecision(item, props.onDecided);
  const [rejecting, setRejecting] = useState(false);
  // Kept here, so a reason typed and cancelled is still there when Reject is chosen again.
  const [reason, setReason] = useState("");
  const title = p.revision?.title ?? p.title;
  const category = (id: string) => categories.find((c) => c.id === id)?.path ?? "Unknown category";

  return (
    <div className="bz-detail" data-testid="review">
      <Card>
        <div className="bz-row">
          <div className="bz-row__main">
            <h2 className="bz-card__heading">{title}</h2>
            <p className="bz-muted">
              {item.kind === "new" ? "New product" : "Edit to a live product"} from{" "}
              <strong>{item.seller.shopName}</strong> · updated {formatDateTime(p.updatedAt)} ·{" "}
              <Link to={historyHref("product", p.id)}>History</Link>
            </p>
          </div>
          {item.kind === "edit" && <FeatureToggle productId={p.id} featured={p.featured} />}
        </div>
        <ErrorAlert error={error} fields={rejecting ? ["reason"] : []} />
        {rejecting ? (
          <RejectForm
            item={item}
            title={title}
            pending={reject.isPending}
            error={error}
            reason={reason}
            onReason={setReason}
            onReject={() => reject.mutate({ productId: p.id, reason })}
            onCancel={() => setRejecting(false)}
          />
        ) : (
          <div className="bz-form-actions bz-mt">
            <Button
              onClick={() => approve.mutate({ productId: p.id })}
              pending={approve.isPending}
              pendingLabel="Approving…"
              data-testid="approve"
            >
              {item.kind === "new" ? "Approve product" : "Approve edit"}
            </Button>
            <Button variant="danger" onClick={() => setRejecting(true)} disabled={approve.isPending}>
              Reject…
            </Button>
            {item.kind === "edit" && p.status === "approved" && (
              <TakeDownButton productId={p.id} title={p.title} onDone={props.onDecided} />
            )}
          </div>
        )}
      </Card>
      {item.kind === "edit" && p.revision ? (
        <Card title="Live and proposed">
          <RevisionCompare product={p} revision={p.revision} categories={categories} />
          <p className="bz-muted bz-small">
            Prices, variants and other details apply without review and are already live.
          </p>
        </Card>
      ) : (
        <ProductPreview product={p} category={category(p.categoryId)} />
      )}
    </div>
  );
}

function RejectForm(props: {
  item: ModerationItemDto;
  title: string;
  pending: boolean;
  error: FormError | null;
  reason: string;
  onReason: (reason: string) => void;
  onReject: () => void;
  onCancel: () => void;
}) {
  return (
    <Form aria-label={`Reject ${props.title}`} pending={props.pending} onSubmit={props.onReject}>
      <TextField
        id="reject-reason"
        label="Why is it rejected?"
        value={props.reason}
        onValue={props.onReason}
        error={props.error?.fieldErrors.reason}
        hint="The seller sees this beside the product and can fix it."
        autoFocus
      />
      <div className="bz-form-actions">
        <Button type="submit" variant="danger" pending={props.pending} pendingLabel="Rejecting…">
          {props.item.kind === "new" ? "Reject product" : "Reject edit"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
