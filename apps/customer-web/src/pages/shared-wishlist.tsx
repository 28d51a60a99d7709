import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { WishlistItemSummary } from "./wishlist";

/** `/wishlist/shared/:token`: someone's wishlist, products only, for anyone with the link. */
export function SharedWishlistPage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.wishlist.shared.infiniteQueryOptions(
      { token, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST")
    return (
      <Card className="bz-card--narrow" testId="shared-wishlist-invalid">
        <h1 className="bz-card__heading">This link does not work</h1>
        <p className="bz-muted">The wishlist may no longer be shared. Ask for a new link.</p>
        <Link to="/">Go to the home page</Link>
      </Card>
    );
  return (
    <Page title="A shared wishlist" description="Products someone saved on Bazaar and shared with you.">
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">Nothing here right now.</p>
        ) : (
          <ul className="bz-list" data-testid="shared-wishlist">
            {rows.map((item) => (
              <li key={item.productId} className="bz-row" data-testid="wishlist-item">
                <WishlistItemSummary item={item} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore query={list} />
      </Card>
    </Page>
  );
}
