import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { type CouponDto, CouponListInput } from "@bazaar/schemas";
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
  Form,
  Loading,
  LoadMore,
  Page,
  SelectField,
  TextField,
  useEditor,
  useProductSearch,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";

type ListState = NonNullable<CouponListInput["state"]>;
const STATES: { value: ListState; label: string }[] = [
  { value: "all", label: "Any state" },
  { value: "active", label: "Active" },
  { value: "scheduled", label: "Scheduled" },
  { value: "expired", label: "Expired" },
  { value: "disabled", label: "Disabled" },
];

/** Coupons on the seller's own products: create, edit, disable. */
export function CouponsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const parsed = CouponListInput.shape.state.safeParse(params.get("state") ?? undefined);
  const state: ListState = parsed.success ? parsed.data : "all";
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const coupons = useInfiniteQuery(
    trpc.seller.coupons.list.infiniteQueryOptions(
      { limit: 20, state, ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(coupons.error);
  const rows = coupons.data?.pages.flatMap((p) => p.items) ?? [];
  const editor = useEditor<CouponDto>();
  const update = (next: { state?: string; q?: string }) => {
    const merged = { state: state === "all" ? "" : state, q, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v && v !== "all")), {
      replace: true,
    });
  };

  return (
    <Page
      title="Coupons"
      description="Codes customers enter in their cart for money off your products. A coupon only ever discounts items from your shop."
      actions={
        editor.editing === null && (
          <Button onClick={() => editor.open("new")} data-testid="new-coupon">
            New coupon
          </Button>
        )
      }
    >
      <EditorCard
        editor={editor}
        noticeTestId="coupon-notice"
        title={(c) => (c ? `Edit ${c.code}` : "New coupon")}
      >
        {(c) => <SellerCouponForm coupon={c} onDone={editor.done} onCancel={editor.close} />}
      </EditorCard>
      <Card>
        <Form
          aria-label="Filter coupons"
          className="bz-toolbar-form"
          onSubmit={() => update({ q: search.trim() })}
        >
          <div className="bz-toolbar">
            <TextField
              id="q"
              label="Search"
              type="search"
              placeholder="Code"
              value={search}
              onValue={(v) => {
                setSearch(v);
                if (!v) update({ q: "" });
              }}
            />
            <SelectField
              id="state"
              label="State"
              options={STATES}
              value={state}
              onValue={(v) => update({ state: v })}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </div>
        </Form>
        {coupons.isPending ? (
          <Loading />
        ) : coupons.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            {state !== "all" || q
              ? "No coupons match these filters."
              : "No coupons yet. Create your first one."}
          </p>
        ) : (
          <CouponTable
            coupons={rows}
            actions={(c) => (
              <>
                <Button variant="secondary" className="bz-button--small" onClick={() => editor.open(c)}>
                  Edit
                </Button>
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
    trpc.seller.coupons.setActive.mutationOptions({
      onSuccess: async (updated) => {
        onNotice(couponActiveNotice(updated));
        await queryClient.invalidateQueries(trpc.seller.coupons.list.pathFilter());
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

function SellerCouponForm(props: {
  coupon?: CouponDto;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const search = useProductSearch();
  const { q } = search;
  const results = useQuery({
    ...trpc.seller.products.list.queryOptions({ limit: 20, status: "approved", ...(q && { q }) }),
    enabled: q.length > 0,
    placeholderData: (previous) => previous,
  });
  const onSuccess = async (saved: CouponDto) => {
    await queryClient.invalidateQueries(trpc.seller.coupons.list.pathFilter());
    props.onDone(couponSavedNotice(saved, props.coupon));
  };
  const create = useMutation(trpc.seller.coupons.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.seller.coupons.update.mutationOptions({ onSuccess }));
  return (
    <CouponEditor
      coupon={props.coupon}
      categories={categories.data}
      search={search}
      products={{
        options: (results.data?.items ?? []).map((p) => {
          const prices = p.variants.map((v) => v.price);
          return {
            id: p.id,
            label: p.title,
            detail: prices.length ? formatRupees(Math.min(...prices)) : undefined,
          };
        }),
        loading: results.isFetching,
        hint: "Your approved products.",
      }}
      create={create}
      update={update}
      onCancel={props.onCancel}
    />
  );
}
