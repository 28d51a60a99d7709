import { useFormError, useTRPC } from "@bazaar/client";
import type { ModerationItemDto, SellerProductDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, flattenCategories, Loading, Page } from "@bazaar/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { FeatureToggle } from "./featured";
import { Review } from "./moderation-review";

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
          <QueueList items={items} selected={selected} onSelect={setSelectedId} queue={queue} />
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

/** The queue, oldest first, with "Load more" for the rest. */
function QueueList(props: {
  items: ModerationItemDto[];
  selected: ModerationItemDto | null;
  onSelect: (productId: string) => void;
  queue: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { selected, queue } = props;
  return (
    <nav aria-label="Queue" className="bz-master">
      <ul className="bz-queue" data-testid="queue">
        {props.items.map((item) => (
          <li key={item.product.id}>
            <button
              type="button"
              className={`bz-queue__item${item === selected ? " bz-queue__item--active" : ""}`}
              aria-current={item === selected ? "true" : undefined}
              onClick={() => props.onSelect(item.product.id)}
              data-testid="queue-item"
            >
              <span className="bz-queue__title">{item.product.revision?.title ?? item.product.title}</span>
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
  );
}
