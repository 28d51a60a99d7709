import { formatRupees } from "@bazaar/client/format";
import { type SaleItemDraft, saleDiscount } from "./sale-draft";

/** The variants on sale: regular price, the sale price typed (with the discount it makes), remove. */
export function SaleItemsTable(props: {
  items: SaleItemDraft[];
  cellError: (key: string) => string | undefined;
  onPrice: (variantId: string, salePrice: string) => void;
  onRemove: (variantId: string) => void;
}) {
  return (
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
          {props.items.map((item, index) => (
            <SaleItemRow key={item.variantId} item={item} index={index} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SaleItemRow(props: {
  item: SaleItemDraft;
  index: number;
  cellError: (key: string) => string | undefined;
  onPrice: (variantId: string, salePrice: string) => void;
  onRemove: (variantId: string) => void;
}) {
  const { item } = props;
  const priceError = props.cellError(`${item.variantId}.salePrice`);
  const rowError = props.cellError(`${item.variantId}.row`);
  const name = [item.productTitle, item.variantLabel].filter(Boolean).join(" · ");
  const id = `sale-item-${props.index}`;
  return (
    <tr data-testid="sale-item">
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
          onChange={(e) => props.onPrice(item.variantId, e.target.value)}
        />
        {priceError ? (
          <p id={`${id}-error`} className="bz-field__error" data-testid="sale-price-error">
            {priceError}
          </p>
        ) : (
          saleDiscount(item) && <p className="bz-small bz-text-success">{saleDiscount(item)}</p>
        )}
      </td>
      <td>
        <button
          type="button"
          className="bz-icon-button bz-icon-button--danger"
          aria-label={`Remove ${name}`}
          onClick={() => props.onRemove(item.variantId)}
        >
          ×
        </button>
      </td>
    </tr>
  );
}
