import { type FormError, useFormError } from "@bazaar/client";
import type { CategoryNode, CouponDto, CreateCouponInput, UpdateCouponInput } from "@bazaar/schemas";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { type FlatCategory, flattenCategories } from "./catalog";
import {
  COUPON_FIELDS,
  type CouponFieldsInput,
  type CouponValues,
  couponPayload,
  couponUsage,
  couponValues,
  couponWindow,
  describeCoupon,
} from "./coupon-values";
import { Button, ErrorAlert, Form, SelectField, TextField, useDebounced } from "./form";
import { MultiPicker, type PickerOption } from "./picker";

const STATE: Record<CouponDto["state"], { label: string; tone: string }> = {
  active: { label: "Active", tone: "bz-tag--accent" },
  scheduled: { label: "Scheduled", tone: "bz-tag--info" },
  exhausted: { label: "Used up", tone: "bz-tag--warning" },
  expired: { label: "Expired", tone: "bz-tag--muted" },
  disabled: { label: "Disabled", tone: "bz-tag--danger" },
};

export function CouponStateTag({ state }: { state: CouponDto["state"] }) {
  return (
    <span className={`bz-tag ${STATE[state].tone}`} data-testid="coupon-state">
      {STATE[state].label}
    </span>
  );
}

/** Coupons as a table; each app adds its own actions (edit, disable) per row. */
export function CouponTable(props: {
  coupons: readonly CouponDto[];
  /** Admins see whose coupon each is, with a link to the seller. */
  showScope?: boolean;
  sellerHref?: (sellerId: string) => string;
  actions: (coupon: CouponDto) => ReactNode;
}) {
  return (
    <div className="bz-table-wrap">
      <table className="bz-table" data-testid="coupons-table">
        <thead>
          <tr>
            <th>Code</th>
            <th>Discount</th>
            {props.showScope && <th>Scope</th>}
            <th>When</th>
            <th>Used</th>
            <th>State</th>
            <th>
              <span className="bz-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.coupons.map((c) => (
            <tr key={c.id} data-testid="coupon-row">
              <td>
                <strong className="bz-mono">{c.code}</strong>
                {c.description && <div className="bz-muted bz-small">{c.description}</div>}
              </td>
              <td>{describeCoupon(c)}</td>
              {props.showScope && (
                <td>
                  {c.scope === "platform" ? (
                    "Platform"
                  ) : c.sellerId && props.sellerHref ? (
                    <Link to={props.sellerHref(c.sellerId)}>Seller</Link>
                  ) : (
                    "Seller"
                  )}
                </td>
              )}
              <td className="bz-nowrap">{couponWindow(c)}</td>
              <td className="bz-nowrap">{couponUsage(c)}</td>
              <td>
                <CouponStateTag state={c.state} />
              </td>
              <td className="bz-align-right">
                <span className="bz-inline-action">{props.actions(c)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's enable/disable button; the app makes the call. */
export function CouponActiveButton(props: {
  coupon: CouponDto;
  pending: boolean;
  error: FormError | null;
  /** Called with the state asked for: `true` to enable. */
  onToggle: (active: boolean) => void;
}) {
  const { coupon } = props;
  return (
    <>
      <Button
        variant={coupon.active ? "danger" : "secondary"}
        className="bz-button--small"
        onClick={() => props.onToggle(!coupon.active)}
        pending={props.pending}
        pendingLabel="Saving…"
        data-testid="coupon-toggle"
      >
        {coupon.active ? "Disable" : "Enable"}
      </Button>
      {props.error && <span className="bz-field__error">{props.error.message}</span>}
    </>
  );
}

/** The notice once a coupon form has saved. */
export const couponSavedNotice = (saved: CouponDto, edited: CouponDto | undefined) =>
  edited ? `Saved ${saved.code}.` : `Created ${saved.code}.`;

/** The notice once a coupon has been enabled or disabled. */
export const couponActiveNotice = (updated: CouponDto) =>
  `${updated.code} is ${updated.active ? "enabled" : "disabled"}.`;

/** The product search box of a coupon form: what is typed, and the settled term to query with. */
export function useProductSearch() {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  return { query, setQuery, q };
}

export type ProductSearch = ReturnType<typeof useProductSearch>;

/** A create or update call as the form uses it (a React Query mutation fits). */
type CouponSave<Input> = { mutate: (input: Input) => void; isPending: boolean; error: unknown };

/**
 * `CouponForm` wired to the app's calls: the app queries categories and products (with
 * `search.q`) and makes the create and update mutations; this does the rest.
 */
export function CouponEditor(props: {
  coupon?: CouponDto;
  categories: readonly CategoryNode[] | undefined;
  search: ProductSearch;
  /** Matches for `search.q`, shown only while there is one. */
  products: Omit<ProductChoices, "query" | "onQuery">;
  create: CouponSave<CreateCouponInput>;
  update: CouponSave<UpdateCouponInput>;
  onCancel: () => void;
}) {
  const { coupon, search, create, update } = props;
  const flat = useMemo(() => flattenCategories(props.categories ?? []), [props.categories]);
  const mutation = coupon ? update : create;
  const error = useFormError(mutation.error);
  return (
    <CouponForm
      coupon={coupon}
      categories={flat}
      products={{
        ...props.products,
        options: search.q ? props.products.options : [],
        query: search.query,
        onQuery: search.setQuery,
      }}
      pending={mutation.isPending}
      error={error}
      onSubmit={(fields, code) =>
        coupon ? update.mutate({ id: coupon.id, ...fields }) : create.mutate({ code, ...fields })
      }
      onCancel={props.onCancel}
    />
  );
}

/** Products to restrict a coupon to: the app searches its own catalogue. */
export type ProductChoices = {
  /** Matches for `query`. */
  options: readonly PickerOption[];
  query: string;
  onQuery: (q: string) => void;
  loading?: boolean;
  /** Titles of products already chosen, beyond those the coupon itself names. */
  labels?: Readonly<Record<string, string>>;
  hint?: ReactNode;
};

type CouponFormProps = {
  /** The coupon being edited; a new one when absent. */
  coupon?: CouponDto;
  categories: readonly FlatCategory[];
  products: ProductChoices;
  pending: boolean;
  /** The failed create or update call, whose field errors go beside the fields. */
  error: FormError | null;
  /** The code is only used when creating: it cannot change afterwards. */
  onSubmit: (fields: CouponFieldsInput, code: string) => void;
  onCancel: () => void;
};

/**
 * Every field of a coupon, in rupees and percent: sellers make coupons for their products,
 * admins for the whole platform. Values are checked as far as the form can (amounts,
 * percentages, times); the rest, and every rule, comes back from the server per field.
 */
export function CouponForm({
  coupon,
  categories,
  products,
  pending,
  error,
  onSubmit,
  onCancel,
}: CouponFormProps) {
  const [initial] = useState(() => couponValues(coupon));
  const [values, setValues] = useState<CouponValues>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [categoryQuery, setCategoryQuery] = useState("");
  // Titles of products picked in this form, for chips once the search has moved on.
  const [picked, setPicked] = useState<Record<string, string>>({});
  // Ids as sent, so `productIds.3` still names the right product after the list changes.
  const sent = useRef<{ productIds: string[]; categoryIds: string[] }>({ productIds: [], categoryIds: [] });

  const set =
    <K extends keyof CouponValues>(key: K) =>
    (value: CouponValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const serverErrors = Object.keys(localErrors).length > 0 ? {} : (error?.fieldErrors ?? {});
  const fieldError = (key: string) => localErrors[key] ?? serverErrors[key];
  const itemErrors = (list: "productIds" | "categoryIds") => {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(serverErrors)) {
      const m = new RegExp(`^${list}\\.(\\d+)$`).exec(path);
      const id = m ? sent.current[list][Number(m[1])] : undefined;
      if (id) out[id] = message;
    }
    return out;
  };
  const shown = [
    ...COUPON_FIELDS,
    ...Object.keys(serverErrors).filter((k) => /^(productIds|categoryIds)\.\d+$/.test(k)),
  ];

  const submit = () => {
    const built = couponPayload(values, coupon ? initial : undefined);
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    sent.current = { productIds: built.fields.productIds, categoryIds: built.fields.categoryIds };
    onSubmit(built.fields, values.code.trim());
  };

  const categoryLabel = (id: string) => categories.find((c) => c.id === id)?.path ?? "Removed category";
  const productLabel = (id: string) =>
    picked[id] ??
    products.labels?.[id] ??
    coupon?.products.find((p) => p.id === id)?.title ??
    products.options.find((o) => o.id === id)?.label ??
    `Product ${id.slice(0, 8)}`;
  const q = categoryQuery.trim().toLowerCase();
  const categoryOptions = categories
    .filter((c) => !q || c.path.toLowerCase().includes(q))
    .map((c) => ({ id: c.id, label: c.path }));
  const percent = values.kind === "percent";

  return (
    <Form
      aria-label={coupon ? `Edit coupon ${coupon.code}` : "New coupon"}
      testId="coupon-form"
      pending={pending}
      onSubmit={submit}
    >
      <ErrorAlert error={Object.keys(localErrors).length > 0 ? null : error} fields={shown} />
      <div className="bz-form-row">
        {coupon ? (
          <div className="bz-field">
            <span className="bz-field__label">Code</span>
            <strong className="bz-mono">{coupon.code}</strong>
            <p className="bz-field__hint">A code cannot change once customers may have used it.</p>
          </div>
        ) : (
          <TextField
            id="coupon-code"
            name="code"
            label="Code"
            value={values.code}
            onValue={(v) => set("code")(v.toUpperCase())}
            error={fieldError("code")}
            placeholder="DIWALI10"
            autoComplete="off"
            hint="3 to 32 letters, digits, dashes or underscores."
          />
        )}
        <TextField
          id="coupon-description"
          name="description"
          label="Description (optional)"
          value={values.description}
          onValue={set("description")}
          error={fieldError("description")}
          placeholder="10% off festive wear"
          hint="Customers see this with the code."
        />
      </div>
      <fieldset className="bz-subform">
        <legend>Discount</legend>
        <div className="bz-form-row">
          <SelectField
            id="coupon-kind"
            name="kind"
            label="Kind"
            options={[
              { value: "percent", label: "Percentage off" },
              { value: "fixed", label: "Fixed amount off" },
            ]}
            value={values.kind}
            onValue={(v) => set("kind")(v === "fixed" ? "fixed" : "percent")}
            error={fieldError("kind")}
          />
          {percent ? (
            <>
              <TextField
                id="coupon-percent"
                name="percent"
                label="Percentage (%)"
                inputMode="decimal"
                placeholder="10"
                value={values.percent}
                onValue={set("percent")}
                error={fieldError("percentBps")}
              />
              <TextField
                id="coupon-max-discount"
                name="maxDiscount"
                label="Up to (₹, optional)"
                inputMode="decimal"
                placeholder="500"
                value={values.maxDiscount}
                onValue={set("maxDiscount")}
                error={fieldError("maxDiscount")}
                hint="The most one order can save."
              />
            </>
          ) : (
            <TextField
              id="coupon-amount"
              name="amountOff"
              label="Amount off (₹)"
              inputMode="decimal"
              placeholder="100"
              value={values.amountOff}
              onValue={set("amountOff")}
              error={fieldError("amountOff")}
            />
          )}
        </div>
        <TextField
          id="coupon-min-subtotal"
          name="minSubtotal"
          label="Minimum order (₹, optional)"
          inputMode="decimal"
          placeholder="999"
          value={values.minSubtotal}
          onValue={set("minSubtotal")}
          error={fieldError("minSubtotal")}
          hint="What the eligible items must add up to before the coupon works."
        />
      </fieldset>
      <fieldset className="bz-subform">
        <legend>When and how often</legend>
        <div className="bz-form-row">
          <TextField
            id="coupon-starts"
            name="startsAt"
            label="Starts"
            type="datetime-local"
            value={values.startsAt}
            onValue={set("startsAt")}
            error={fieldError("startsAt")}
            hint={coupon ? undefined : "Leave blank to start now."}
          />
          <TextField
            id="coupon-ends"
            name="endsAt"
            label="Ends (optional)"
            type="datetime-local"
            value={values.endsAt}
            onValue={set("endsAt")}
            error={fieldError("endsAt")}
            hint="Leave blank to run until you disable it."
          />
        </div>
        <div className="bz-form-row">
          <TextField
            id="coupon-usage-limit"
            name="usageLimit"
            label="Total uses (optional)"
            inputMode="numeric"
            value={values.usageLimit}
            onValue={set("usageLimit")}
            error={fieldError("usageLimit")}
            hint={coupon ? `Used ${coupon.usedCount} times so far.` : "Blank for no limit."}
          />
          <TextField
            id="coupon-per-customer"
            name="perCustomerLimit"
            label="Uses per customer (optional)"
            inputMode="numeric"
            value={values.perCustomerLimit}
            onValue={set("perCustomerLimit")}
            error={fieldError("perCustomerLimit")}
            hint="Blank for no limit."
          />
        </div>
        <label className="bz-checkbox" htmlFor="coupon-first-order">
          <input
            id="coupon-first-order"
            type="checkbox"
            checked={values.firstOrderOnly}
            onChange={(e) => set("firstOrderOnly")(e.target.checked)}
          />
          Only for a customer's first order
        </label>
        {fieldError("firstOrderOnly") && <p className="bz-field__error">{fieldError("firstOrderOnly")}</p>}
      </fieldset>
      <fieldset className="bz-subform">
        <legend>What it applies to</legend>
        <p className="bz-muted bz-small">
          Leave both empty for no restriction. With both, an item qualifies if it is one of the products or in
          one of the categories.
        </p>
        <MultiPicker
          id="coupon-products"
          label="Products"
          selected={values.productIds.map((id) => ({ id, label: productLabel(id) }))}
          onChange={(next) => {
            setPicked((p) => ({ ...p, ...Object.fromEntries(next.map((o) => [o.id, o.label])) }));
            set("productIds")(next.map((o) => o.id));
          }}
          options={products.options}
          query={products.query}
          onQuery={products.onQuery}
          loading={products.loading}
          placeholder="Search products"
          emptyText="All products."
          noResults={products.query.trim() ? "No products match." : "Type to search products."}
          error={fieldError("productIds")}
          errors={itemErrors("productIds")}
          hint={products.hint}
        />
        <MultiPicker
          id="coupon-categories"
          label="Categories"
          selected={values.categoryIds.map((id) => ({ id, label: categoryLabel(id) }))}
          onChange={(next) => set("categoryIds")(next.map((o) => o.id))}
          options={categoryOptions}
          query={categoryQuery}
          onQuery={setCategoryQuery}
          placeholder="Filter categories"
          emptyText="All categories."
          noResults="No categories match."
          error={fieldError("categoryIds")}
          errors={itemErrors("categoryIds")}
          hint="A category includes everything under it."
        />
      </fieldset>
      <div className="bz-form-actions">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {coupon ? "Save coupon" : "Create coupon"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
