import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { CouponDto } from "@bazaar/schemas";
import {
  Button,
  Card,
  CouponActiveButton,
  CouponEditor,
  CouponTable,
  couponActiveNotice,
  couponSavedNotice,
  EditorCard,
  ErrorAlert,
  Loading,
  LoadMore,
  Page,
  useEditor,
  useProductSearch,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CouponFilterForm, useCouponFilters } from "./coupon-filters";

/** Every coupon: the platform's own (created and edited here) and sellers' (disabled if need be). */
export function CouponsPage() {
  const trpc = useTRPC();
  const { state, scope, q, update } = useCouponFilters();
  const [search, setSearch] = useState(q);
  const coupons = useInfiniteQuery(
    trpc.admin.coupons.list.infiniteQueryOptions(
      { limit: 20, state, ...(scope && { scope }), ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(coupons.error);
  const rows = coupons.data?.pages.flatMap((p) => p.items) ?? [];
  const editor = useEditor<CouponDto>();

  return (
    <Page
      title="Coupons"
      description="Platform coupons apply to any shop's items. Sellers' coupons only discount their own products; you can disable one that misleads buyers."
      actions={
        editor.editing === null && (
          <Button onClick={() => editor.open("new")} data-testid="new-coupon">
            New platform coupon
          </Button>
        )
      }
    >
      <EditorCard
        editor={editor}
        noticeTestId="coupon-notice"
        title={(c) => (c ? `Edit ${c.code}` : "New platform coupon")}
      >
        {(c) => <PlatformCouponForm coupon={c} onDone={editor.done} onCancel={editor.close} />}
      </EditorCard>
      <Card>
        <CouponFilterForm scope={scope} state={state} search={search} onSearch={setSearch} update={update} />
        {coupons.isPending ? (
          <Loading />
        ) : coupons.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">No coupons match these filters.</p>
        ) : (
          <CouponTable
            coupons={rows}
            showScope
            sellerHref={(sellerId) => `/sellers/${sellerId}`}
            actions={(c) => (
              <>
                {c.scope === "platform" && (
                  <Button variant="secondary" className="bz-button--small" onClick={() => editor.open(c)}>
                    Edit
                  </Button>
                )}
                <ActiveToggle coupon={c} onNotice={editor.setNotice} />
              </>
            )}
          />
        )}
        <LoadMore query={coupons} />
      </Card>
    </Page>
  );
}

function ActiveToggle({ coupon, onNotice }: { coupon: CouponDto; onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(
    trpc.admin.coupons.setActive.mutationOptions({
      onSuccess: async (updated) => {
        onNotice(couponActiveNotice(updated));
        await queryClient.invalidateQueries(trpc.admin.coupons.list.pathFilter());
      },
    }),
  );
  const error = useFormError(set.error);
  return (
    <CouponActiveButton
      coupon={coupon}
      pending={set.isPending}
      error={error}
      onToggle={(active) => set.mutate({ id: coupon.id, active })}
    />
  );
}

function PlatformCouponForm(props: {
  coupon?: CouponDto;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const search = useProductSearch();
  const results = useQuery({
    ...trpc.catalog.products.list.queryOptions({ q: search.q, limit: 20 }),
    enabled: search.q.length > 0,
    placeholderData: (previous) => previous,
  });
  const onSuccess = async (saved: CouponDto) => {
    await queryClient.invalidateQueries(trpc.admin.coupons.list.pathFilter());
    props.onDone(couponSavedNotice(saved, props.coupon));
  };
  const create = useMutation(trpc.admin.coupons.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.admin.coupons.update.mutationOptions({ onSuccess }));
  return (
    <CouponEditor
      coupon={props.coupon}
      categories={categories.data}
      search={search}
      products={{
        options: (results.data?.items ?? []).map((p) => ({
          id: p.id,
          label: p.title,
          detail: `${p.seller.shopName} · ${formatRupees(p.minPrice)}`,
        })),
        loading: results.isFetching,
        hint: "Products on sale now, from any shop.",
      }}
      create={create}
      update={update}
      onCancel={props.onCancel}
    />
  );
}
