import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatPercent, formatRupees } from "@bazaar/client/format";
import type { ModerationItemDto, SellerProductDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  type FlatCategory,
  Form,
  flattenCategories,
  Loading,
  Page,
  RevisionCompare,
  TextField,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { FeatureToggle } from "./featured";

/**
 * The moderation queue, oldest first: new products and edits to live ones. An edit shows
 * the live version beside the proposed one; only the changed reviewed fields are listed.
 */
export function ModerationPage() {
  const trpc = useTRPC();
  const queue = useInfiniteQuery(
    trpc.admin.products.queue.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const flat = useMemo(() => flattenCategories(categories.data ?? []), [categories.data]);
  const error = useFormError(queue.error ?? categories.error);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [decided, setDecided] = useState<{ message: string; product: SellerProductDto | null } | null>(null);
  const selected = items.find((i) => i.product.id === selectedId) ?? items[0] ?? null;

  return (
    <Page
      title="Moderation"
      description="New products and edits to live products wait here until someone approves or rejects them."
    >
      {decided && (
        <Alert tone="success" testId="moderation-notice">
          {decided.message}
          {decided.product?.status === "approved" && (
            <>
              {" "}
              <FeatureToggle productId={decided.product.id} featured={decided.product.featured} />
            </>
          )}
        </Alert>
      )}
      <ErrorAlert error={error} />
      {queue.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Card>
          <p className="bz-empty" data-testid="queue-empty">
            Nothing waits for review.
          </p>
        </Card>
      ) : (
        <div className="bz-master-detail">
          <nav aria-label="Queue" className="bz-master">
            <ul className="bz-queue" data-testid="queue">
              {items.map((item) => (
                <li key={item.product.id}>
                  <button
                    type="button"
                    className={`bz-queue__item${item === selected ? " bz-queue__item--active" : ""}`}
                    aria-current={item === selected ? "true" : undefined}
                    onClick={() => setSelectedId(item.product.id)}
                    data-testid="queue-item"
                  >
                    <span className="bz-queue__title">
                      {item.product.revision?.title ?? item.product.title}
                    </span>
                    <span className="bz-muted bz-small">{item.seller.shopName}</span>
                    <span className={`bz-tag ${item.kind === "new" ? "bz-tag--info" : "bz-tag--warning"}`}>
                      {item.kind === "new" ? "New product" : "Edit"}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {queue.hasNextPage && (
              <Button
                variant="secondary"
                className="bz-button--block"
                onClick={() => queue.fetchNextPage()}
                pending={queue.isFetchingNextPage}
                pendingLabel="Loading…"
              >
                Load more
              </Button>
            )}
          </nav>
          {selected && (
            <Review
              key={selected.product.id}
              item={selected}
              categories={flat}
              onDecided={(message, product) => {
                setDecided({ message, product });
                setSelectedId(null);
              }}
            />
          )}
        </div>
      )}
    </Page>
  );
}

function Review(props: {
  item: ModerationItemDto;
  categories: FlatCategory[];
  onDecided: (message: string, product: SellerProductDto) => void;
}) {
  const { item, categories } = props;
  const p = item.product;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const done = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.products.queue.pathFilter()),
      queryClient.invalidateQueries(trpc.catalog.pathFilter()),
    ]);
  };
  const title = p.revision?.title ?? p.title;
  const approve = useMutation(
    trpc.admin.products.approve.mutationOptions({
      onSuccess: async (dto) => {
        props.onDecided(
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
        props.onDecided(
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
  const category = (id: string) => categories.find((c) => c.id === id)?.path ?? "Unknown category";

  return (
    <div className="bz-detail" data-testid="review">
      <Card>
        <div className="bz-row">
          <div className="bz-row__main">
            <h2 className="bz-card__heading">{title}</h2>
            <p className="bz-muted">
              {item.kind === "new" ? "New product" : "Edit to a live product"} from{" "}
              <strong>{item.seller.shopName}</strong> · updated {formatDateTime(p.updatedAt)}
            </p>
          </div>
          {item.kind === "edit" && <FeatureToggle productId={p.id} featured={p.featured} />}
        </div>
        <ErrorAlert error={error} fields={rejecting ? ["reason"] : []} />
        {rejecting ? (
          <Form
            aria-label={`Reject ${title}`}
            pending={reject.isPending}
            onSubmit={() => reject.mutate({ productId: p.id, reason })}
          >
            <TextField
              id="reject-reason"
              label="Why is it rejected?"
              value={reason}
              onValue={setReason}
              error={error?.fieldErrors.reason}
              hint="The seller sees this beside the product and can fix it."
              autoFocus
            />
            <div className="bz-form-actions">
              <Button type="submit" variant="danger" pending={reject.isPending} pendingLabel="Rejecting…">
                {item.kind === "new" ? "Reject product" : "Reject edit"}
              </Button>
              <Button variant="secondary" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </div>
          </Form>
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

function ProductPreview({ product: p, category }: { product: SellerProductDto; category: string }) {
  return (
    <Card title="The product as customers would see it" testId="product-preview">
      {p.images.length > 0 ? (
        <div className="bz-compare__thumbs bz-stack">
          {p.images.map((img, i) => (
            <img
              key={img.id}
              src={img.url}
              alt={`View ${i + 1} of ${p.images.length}`}
              className="bz-thumb"
            />
          ))}
        </div>
      ) : (
        <Alert tone="warning">No images.</Alert>
      )}
      <dl className="bz-facts bz-stack">
        <dt>Category</dt>
        <dd>{category}</dd>
        <dt>Brand</dt>
        <dd>{p.brand ?? "—"}</dd>
        <dt>HSN · GST</dt>
        <dd>
          {p.hsnCode ?? "—"} · {formatPercent(p.gstRateBps)}
        </dd>
        {Object.entries(p.attributes).map(([k, v]) => (
          <div key={k} className="bz-facts__pair">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {p.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{p.tags.join(", ")}</dd>
          </>
        )}
      </dl>
      <p className="bz-prewrap">{p.description || <span className="bz-muted">No description.</span>}</p>
      <div className="bz-table-wrap">
        <table className="bz-table">
          <thead>
            <tr>
              <th>Variant</th>
              <th>SKU</th>
              <th className="bz-align-right">Price</th>
              <th className="bz-align-right">Compare-at</th>
              <th className="bz-align-right">Stock</th>
            </tr>
          </thead>
          <tbody>
            {p.variants.map((v) => (
              <tr key={v.id}>
                <td>{Object.values(v.optionValues).join(" / ") || "Default"}</td>
                <td className="bz-mono">{v.sku}</td>
                <td className="bz-align-right">{formatRupees(v.price)}</td>
                <td className="bz-align-right">{v.compareAtPrice ? formatRupees(v.compareAtPrice) : "—"}</td>
                <td className="bz-align-right">{v.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
