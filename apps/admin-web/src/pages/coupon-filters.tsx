import { CouponListInput } from "@bazaar/schemas";
import { Button, Form, SelectField, TextField } from "@bazaar/ui";
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

/** The list's filters as they sit in the address: state, whose coupons, and a code search. */
export function useCouponFilters() {
  const [params, setParams] = useSearchParams();
  const parsedState = CouponListInput.shape.state.safeParse(params.get("state") ?? undefined);
  const state: ListState = parsedState.success ? parsedState.data : "all";
  const parsedScope = CouponListInput.shape.scope.safeParse(params.get("scope") ?? undefined);
  const scope: Scope | undefined = parsedScope.success ? parsedScope.data : undefined;
  const q = params.get("q") ?? "";
  const update = (next: { state?: string; scope?: string; q?: string }) => {
    const merged = { state: state === "all" ? "" : state, scope: scope ?? "", q, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v && v !== "all")), {
      replace: true,
    });
  };
  return { state, scope, q, update };
}

type CouponFilters = ReturnType<typeof useCouponFilters>;

export function CouponFilterForm(props: {
  scope: CouponFilters["scope"];
  state: CouponFilters["state"];
  /** The search as typed; it applies on submit, or at once when cleared. */
  search: string;
  onSearch: (search: string) => void;
  update: CouponFilters["update"];
}) {
  const { scope, state, search, update } = props;
  return (
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
            props.onSearch(v);
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
  );
}
