import { useFormError, useTRPC } from "@bazaar/client";
import { type CouponDto, CouponListInput } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  CouponForm,
  CouponTable,
  ErrorAlert,
  Form,
  flattenCategories,
  formatPaise,
  Loading,
  LoadMore,
  Page,
  SelectField,
  TextField,
  useDebounced,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";

type ListState = NonNullable<CouponListInput["state"]>;
type Scope = NonNullable<CouponListInput["scope"]>;
const STATES: { value: ListState; label: string }[] = [
  { value: "all", label: "Any state" },
  { value: "active", label: "Active" },
  { value: "scheduled", label: "Scheduled" },
  { value: "expired", label: "Expired" },
  { value: "disabled", label: "Disabled" },
];
const SCOPES: { value: Scope | ""; label: string }[] = [
  { value: "", label: "Platform and sellers" },
  { value: "platform", label: "Platform" },
  { value: "seller", label: "Sellers" },
];

/** Every coupon: the platform's own (created and edited here) and sellers' (disabled if need be). */
export function CouponsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const parsedState = CouponListInput.shape.state.safeParse(params.get("state") ?? undefined);
  const state: ListState = parsedState.success ? parsedState.data : "all";
  const parsedScope = CouponListInput.shape.scope.safeParse(params.get("scope") ?? undefined);
  const scope: Scope | undefined = parsedScope.success ? parsedScope.data : undefined;
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const coupons = useInfiniteQuery(
    trpc.admin.coupons.list.infiniteQueryOptions(
      { limit: 20, state, ...(scope && { scope }), ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(coupons.error);
  const rows = coupons.data?.pages.flatMap((p) => p.items) ?? [];
  const [editing, setEditing] = useState<"new" | CouponDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formTop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) formTop.current?.scrollIntoView({ block: "start" });
  }, [editing]);
  const update = (next: { state?: string; scope?: string; q?: string }) => {
    const merged = { state: state === "all" ? "" : state, scope: scope ?? "", q, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v && v !== "all")), {
      replace: true,
    });
  };
  const open = (target: "new" | CouponDto) => {
    setNotice(null);
    setEditing(target);
  };

  return (
    <Page
      title="Coupons"
      description="Platform coupons apply to any shop's items. Sellers' coupons only discount their own products; you can disable one that misleads buyers."
      actions={
        editing === null && (
          <Button onClick={() => open("new")} data-testid="new-coupon">
            New platform coupon
          </Button>
        )
      }
    >
      {notice && (
        <Alert tone="success" testId="coupon-notice">
          {notice}
        </Alert>
      )}
      <div ref={formTop}>
        {editing && (
          <Card title={editing === "new" ? "New platform coupon" : `Edit ${editing.code}`}>
            <PlatformCouponForm
              key={editing === "new" ? "new" : editing.id}
              coupon={editing === "new" ? undefined : editing}
              onDone={(message) => {
                setEditing(null);
                setNotice(message);
              }}
              onCancel={() => setEditing(null)}
            />
          </Card>
        )}
      </div>
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
              id="scope"
              label="Whose"
              options={SCOPES}
              value={scope ?? ""}
              onValue={(v) => update({ scope: v })}
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
          <p className="bz-empty">No coupons match these filters.</p>
        ) : (
          <CouponTable
            coupons={rows}
            showScope
            sellerHref={(sellerId) => `/sellers/${sellerId}`}
            actions={(c) => (
              <>
                {c.scope === "platform" && (
                  <Button variant="secondary" className="bz-button--small" onClick={() => open(c)}>
                    Edit
                  </Button>
                )}
                <ActiveToggle coupon={c} onNotice={setNotice} />
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
        onNotice(`${updated.code} is ${updated.active ? "enabled" : "disabled"}.`);
        await queryClient.invalidateQueries(trpc.admin.coupons.list.pathFilter());
      },
    }),
  );
  const error = useFormError(set.error);
  return (
    <>
      <Button
        variant={coupon.active ? "danger" : "secondary"}
        className="bz-button--small"
        onClick={() => set.mutate({ id: coupon.id, active: !coupon.active })}
        pending={set.isPending}
        pendingLabel="Saving…"
        data-testid="coupon-toggle"
      >
        {coupon.active ? "Disable" : "Enable"}
      </Button>
      {error && <span className="bz-field__error">{error.message}</span>}
    </>
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
  const flat = useMemo(() => flattenCategories(categories.data ?? []), [categories.data]);
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  const results = useQuery({
    ...trpc.catalog.products.list.queryOptions({ q, limit: 20 }),
    enabled: q.length > 0,
    placeholderData: (previous) => previous,
  });
  const options = q
    ? (results.data?.items ?? []).map((p) => ({
        id: p.id,
        label: p.title,
        detail: `${p.seller.shopName} · ${formatPaise(p.minPrice)}`,
      }))
    : [];

  const onSuccess = async (saved: CouponDto) => {
    await queryClient.invalidateQueries(trpc.admin.coupons.list.pathFilter());
    props.onDone(props.coupon ? `Saved ${saved.code}.` : `Created ${saved.code}.`);
  };
  const create = useMutation(trpc.admin.coupons.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.admin.coupons.update.mutationOptions({ onSuccess }));
  const mutation = props.coupon ? update : create;
  const error = useFormError(mutation.error);

  return (
    <CouponForm
      coupon={props.coupon}
      categories={flat}
      products={{
        options,
        query,
        onQuery: setQuery,
        loading: results.isFetching,
        hint: "Products on sale now, from any shop.",
      }}
      pending={mutation.isPending}
      error={error}
      onSubmit={(fields, code) =>
        props.coupon ? update.mutate({ id: props.coupon.id, ...fields }) : create.mutate({ code, ...fields })
      }
      onCancel={props.onCancel}
    />
  );
}
