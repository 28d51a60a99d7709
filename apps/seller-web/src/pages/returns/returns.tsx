import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { ReturnStatus } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, FilterTabs, Loading, Page } from "@bazaar/ui";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { emptyReturnsText, RETURN_TABS } from "./return-actions";
import { ReturnDetail } from "./return-detail";
import { ReturnList } from "./return-list";

/**
 * The returns board: the shop's returns by state, newest first, and the chosen one beside
 * them with what the seller may do now (approve, reject with a reason, mark received choosing
 * what goes back on sale). Steps taken elsewhere (the buyer cancelling, an admin deciding an
 * escalation) arrive live.
 */
export function ReturnsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const parsed = ReturnStatus.safeParse(params.get("status") ?? undefined);
  const status = parsed.success ? parsed.data : "";
  const returns = useInfiniteQuery(
    trpc.seller.returns.list.infiniteQueryOptions(
      { limit: 20, ...(status && { status }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const live = useOrderUpdates({
    onUpdate: (event) => {
      if (event && !event.return) return;
      void queryClient.invalidateQueries(trpc.seller.returns.pathFilter());
    },
  });
  const error = useFormError(returns.error);
  const rows = returns.data?.pages.flatMap((p) => p.items) ?? [];
  const selectedId = id ?? rows[0]?.id ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const query = status ? `?status=${status}` : "";

  return (
    <Page
      title="Returns"
      description="Decide on customers' return requests, then mark the parcel received: the refund follows on its own. Customers are emailed at every step."
      actions={live === "pending" && <span className="bz-live bz-live--on">Live updates</span>}
    >
      {notice && (
        <Alert tone="success" testId="returns-notice">
          {notice}
        </Alert>
      )}
      <FilterTabs
        label="Return status"
        tabs={RETURN_TABS}
        current={status}
        href={(v) => (v ? `/returns?status=${v}` : "/returns")}
      />
      {returns.isPending ? (
        <Loading />
      ) : returns.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 && !id ? (
        <Card>
          <p className="bz-empty" data-testid="returns-empty">
            {emptyReturnsText(status)}
          </p>
        </Card>
      ) : (
        <div className="bz-master-detail">
          <ReturnList
            rows={rows}
            selectedId={selectedId}
            onSelect={(rid) => {
              setNotice(null);
              navigate(`/returns/${rid}${query}`);
            }}
            query={returns}
          />
          {selectedId && <ReturnDetail key={selectedId} id={selectedId} onNotice={setNotice} />}
        </div>
      )}
    </Page>
  );
}
