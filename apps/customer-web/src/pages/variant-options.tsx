import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";
import { choose, valueState } from "../catalog/variant-picker";

/**
 * One row of buttons per option (Size, Colour). A value out of stock or not made with the
 * rest of the selection stays clickable and says why in its title; choosing it picks the
 * nearest variant that has it.
 */
export function VariantOptions(props: {
  product: ProductDetailDto;
  selection: Record<string, string>;
  onSelect: (variant: VariantDto | undefined) => void;
}) {
  const { product: p, selection } = props;
  return p.options.map((o) => (
    <fieldset key={o.name} className="bz-option-picker">
      <legend>
        {o.name}: <strong>{selection[o.name]}</strong>
      </legend>
      <div className="bz-option-picker__values">
        {o.values.map((value) => {
          const state = valueState(p.variants, selection, o.name, value);
          const chosen = selection[o.name] === value;
          return (
            <button
              key={value}
              type="button"
              className={`bz-option bz-option--${state}${chosen ? " bz-option--chosen" : ""}`}
              aria-pressed={chosen}
              onClick={() => props.onSelect(choose(p.variants, p.options, selection, o.name, value))}
              title={
                state === "out_of_stock"
                  ? "Out of stock"
                  : state === "unavailable"
                    ? `Not made in this combination`
                    : undefined
              }
              data-testid="option-value"
            >
              {value}
            </button>
          );
        })}
      </div>
    </fieldset>
  ));
}

/** "In stock", "Only 3 left in stock" or "Out of stock". */
export function StockLine({ stock }: { stock: number }) {
  return (
    <p
      data-testid="variant-stock"
      className={stock === 0 ? "bz-text-danger" : stock <= 5 ? "bz-text-warning" : "bz-text-success"}
    >
      {stock === 0 ? "Out of stock" : stock <= 5 ? `Only ${stock} left in stock` : "In stock"}
    </p>
  );
}
