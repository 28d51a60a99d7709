import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { SellerProductDto } from "@bazaar/schemas";
import { Button, ErrorAlert, Loading, LoadMore, TextField, useDebounced } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { itemFromVariant, type SaleItemDraft, variantLabel } from "./sale-draft";

/** Searches the seller's approved products and offers each variant to add to the sale. */
export function VariantFinder({
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

/** One product with a button per variant; those already in the sale are ticked and disabled. */
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
