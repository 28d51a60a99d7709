import { Button } from "@bazaar/ui";

/** "Show more" under a cursor-paginated list on the product page; takes the infinite query. */
export function ShowMore({
  query,
  label = "Show more",
  testId,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
  testId?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="bz-load-more">
      <Button
        variant="secondary"
        onClick={() => void query.fetchNextPage()}
        pending={query.isFetchingNextPage}
        pendingLabel="Loading…"
        data-testid={testId}
      >
        {label}
      </Button>
    </div>
  );
}
