import { toFormError, useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { SaleEventDto, SellerProductDto } from "@bazaar/schemas";
import { Button, ErrorAlert, Form, Loading, LoadMore, TextField, useDebounced } from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import {
  itemFromVariant,
  type SaleDraft,
  type SaleItemDraft,
  saleDiscount,
  saleDraft,
  saleItemErrors,
  salePayload,
  variantLabel,
} from "./sale-draft";

const FIELDS = ["name", "startsAt", "endsAt", "items"];

/** Name, window and the variants on sale with their sale prices; creates or updates. */
export function SaleForm(props: {
  sale?: SaleEventDto;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [initial] = useState(() => saleDraft(props.sale));
  const [draft, setDraft] = useState<SaleDraft>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const sent = useRef<string[]>([]);

  const onSuccess = async (saved: SaleEventDto) => {
    await queryClient.invalidateQueries(trpc.seller.sales.list.pathFilter());
    props.onDone(props.sale ? `Saved ${saved.name}.` : `${saved.name} is ${saved.state}.`);
  };
  const create = useMutation(trpc.seller.sales.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.seller.sales.update.mutationOptions({ onSuccess }));
  const mutation = props.sale ? update : create;
  const hasLocal = Object.keys(localErrors).length > 0;
  const error = useFormError(hasLocal ? null : mutation.error);
  const itemErrors = useMemo(
    () => (mutation.error ? saleItemErrors(toFormError(mutation.error).fieldErrors, sent.current) : {}),
    [mutation.error],
  );
  const fieldError = (key: string) => localErrors[key] ?? (hasLocal ? undefined : error?.fieldErrors[key]);
  const cellError = (key: string) => localErrors[key] ?? (hasLocal ? undefined : itemErrors[key]);
  const shown = [...FIELDS, ...Object.keys(error?.fieldErrors ?? {}).filter((k) => /^items\.\d+/.test(k))];

  const set = (key: "name" | "startsAt" | "endsAt") => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setItem = (variantId: string, salePrice: string) =>
    setDraft((d) => ({
      ...d,
      items: d.items.map((i) => (i.variantId === variantId ? { ...i, salePrice } : i)),
    }));
  const removeItem = (variantId: string) =>
    setDraft((d) => ({ ...d, items: d.items.filter((i) => i.variantId !== variantId) }));
  const addItem = (item: SaleItemDraft) =>
    setDraft((d) =>
      d.items.some((i) => i.variantId === item.variantId) ? d : { ...d, items: [...d.items, item] },
    );

  const submit = () => {
    const built = salePayload(draft, props.sale ? initial : undefined);
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    sent.current = built.input.items.map((i) => i.variantId);
    if (props.sale) update.mutate({ id: props.sale.id, ...built.input });
    // A new sale always sends both times (there is no "before" to keep).
    else create.mutate({ ...built.input, startsAt: built.input.startsAt, endsAt: built.input.endsAt });
  };

  return (
    <Form
      aria-label={props.sale ? `Edit sale ${props.sale.name}` : "New sale"}
      testId="sale-form"
      pending={mutation.isPending}
      onSubmit={submit}
    >
      <ErrorAlert error={error} fields={shown} />
      <TextField
        id="sale-name"
        name="name"
        label="Name"
        placeholder="Diwali sale"
        value={draft.name}
        onValue={set("name")}
        error={fieldError("name")}
        hint="For you; customers see the sale price and when it ends."
      />
      <div className="bz-form-row">
        <TextField
          id="sale-starts"
          name="startsAt"
          label="Starts"
          type="datetime-local"
          value={draft.startsAt}
          onValue={set("startsAt")}
          error={fieldError("startsAt")}
        />
        <TextField
          id="sale-ends"
          name="endsAt"
          label="Ends"
          type="datetime-local"
          value={draft.endsAt}
          onValue={set("endsAt")}
          error={fieldError("endsAt")}
        />
      </div>
      <fieldset className="bz-subform">
        <legend>Variants on sale</legend>
        {draft.items.length === 0 ? (
          <p className="bz-muted">None yet. Find products below and add the variants to put on sale.</p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table bz-table--matrix" data-testid="sale-items">
              <thead>
                <tr>
                  <th>Variant</th>
                  <th className="bz-align-right">Regular price</th>
                  <th>Sale price (₹)</th>
                  <th>
                    <span className="bz-visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.items.map((item, index) => {
                  const priceError = cellError(`${item.variantId}.salePrice`);
                  const rowError = cellError(`${item.variantId}.row`);
                  const name = [item.productTitle, item.variantLabel].filter(Boolean).join(" · ");
                  const id = `sale-item-${index}`;
                  return (
                    <tr key={item.variantId} data-testid="sale-item">
                      <td>
                        <strong>{name}</strong>
                        <div className="bz-muted bz-small bz-mono">{item.sku}</div>
                        {rowError && (
                          <p className="bz-field__error" data-testid="sale-item-error">
                            {rowError}
                          </p>
                        )}
                      </td>
                      <td className="bz-align-right bz-nowrap">{formatRupees(item.price)}</td>
                      <td className={priceError ? "bz-field--invalid" : undefined}>
                        <input
                          id={id}
                          className="bz-input bz-input--cell"
                          inputMode="decimal"
                          aria-label={`Sale price for ${name}`}
                          aria-invalid={priceError ? true : undefined}
                          aria-describedby={priceError ? `${id}-error` : undefined}
                          value={item.salePrice}
                          onChange={(e) => setItem(item.variantId, e.target.value)}
                        />
                        {priceError ? (
                          <p id={`${id}-error`} className="bz-field__error" data-testid="sale-price-error">
                            {priceError}
                          </p>
                        ) : (
                          saleDiscount(item) && (
                            <p className="bz-small bz-text-success">{saleDiscount(item)}</p>
                          )
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="bz-icon-button bz-icon-button--danger"
                          aria-label={`Remove ${name}`}
                          onClick={() => removeItem(item.variantId)}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {fieldError("items") && (
          <p className="bz-field__error" data-testid="sale-items-error">
            {fieldError("items")}
          </p>
        )}
        <VariantFinder chosen={draft.items.map((i) => i.variantId)} onAdd={addItem} />
      </fieldset>
      <div className="bz-form-actions">
        <Button type="submit" pending={mutation.isPending} pendingLabel="Saving…">
          {props.sale ? "Save sale" : "Create sale"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

/** Searches the seller's approved products and offers each variant to add to the sale. */
function VariantFinder({
  chosen,
  onAdd,
}: {
  chosen: readonly string[];
  onAdd: (item: SaleItemDraft) => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 250);
  const products = useInfiniteQuery(
    trpc.seller.products.list.infiniteQueryOptions(
      { limit: 10, status: "approved", ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(products.error);
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="bz-stack" data-testid="variant-finder">
      <TextField
        id="sale-search"
        label="Add variants"
        type="search"
        placeholder="Search your approved products"
        value={text}
        onValue={setText}
        onKeyDown={(e) => {
          // Typing searches already; Enter must not submit the sale.
          if (e.key === "Enter") e.preventDefault();
        }}
      />
      {products.isPending ? (
        <Loading />
      ) : products.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <p className="bz-muted">{q ? "No approved products match." : "You have no approved products yet."}</p>
      ) : (
        <ul className="bz-list">
          {rows.map((p) => (
            <ProductVariants key={p.id} product={p} chosen={chosen} onAdd={onAdd} />
          ))}
        </ul>
      )}
      <LoadMore query={products} />
    </div>
  );
}

function ProductVariants(props: {
  product: SellerProductDto;
  chosen: readonly string[];
  onAdd: (item: SaleItemDraft) => void;
}) {
  const { product: p } = props;
  const image = p.images[0]?.url;
  return (
    <li className="bz-media-row" data-testid="finder-product">
      {image ? (
        <img src={image} alt="" className="bz-thumb bz-thumb--small" />
      ) : (
        <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
      )}
      <div className="bz-row__main">
        <strong>{p.title}</strong>
        <div className="bz-form-actions bz-finder__variants">
          {p.variants.map((v) => {
            const added = props.chosen.includes(v.id);
            const label = variantLabel(v.optionValues) || "Default";
            return (
              <Button
                key={v.id}
                variant="secondary"
                className="bz-button--small"
                disabled={added}
                onClick={() => props.onAdd(itemFromVariant(p, v))}
                aria-label={`Add ${p.title} ${label} to the sale`}
              >
                {added ? "✓ " : "+ "}
                {label} · {formatRupees(v.price)}
              </Button>
            );
          })}
        </div>
      </div>
    </li>
  );
}
