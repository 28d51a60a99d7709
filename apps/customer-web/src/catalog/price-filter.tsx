import { formatRupees } from "@bazaar/client/format";
import type { Facets } from "@bazaar/schemas";
import { paiseToRupeesText, parseRupees } from "@bazaar/ui";
import { useEffect, useState } from "react";
import type { ListingFilters, UpdateParams } from "./listing-params";

type Bucket = Facets["priceBuckets"][number];

/** Price buckets with their counts, and a typed range in rupees. */
export function PriceFilter(props: {
  buckets: Facets["priceBuckets"];
  filters: ListingFilters;
  params: URLSearchParams;
  update: UpdateParams;
}) {
  const { filters, update } = props;
  return (
    <>
      <ul className="bz-facet" data-testid="facet-prices">
        {props.buckets.map((b) => {
          const active =
            filters.minPrice === (b.min || undefined) && filters.maxPrice === (b.max ?? undefined);
          return (
            <li key={b.min}>
              <button
                type="button"
                className={`bz-facet__button${active ? " bz-facet__active" : ""}`}
                disabled={b.count === 0 && !active}
                aria-pressed={active}
                onClick={() =>
                  update((next) => {
                    if (b.min) next.set("min", paiseToRupeesText(b.min));
                    else next.delete("min");
                    if (b.max !== null) next.set("max", paiseToRupeesText(b.max));
                    else next.delete("max");
                  })
                }
              >
                {bucketLabel(b)}
              </button>
              <span className="bz-facet__count">{b.count}</span>
            </li>
          );
        })}
      </ul>
      <PriceRange params={props.params} update={update} />
    </>
  );
}

const bucketLabel = (b: Bucket) =>
  b.min === 0 && b.max !== null
    ? `Under ${formatRupees(b.max)}`
    : b.max === null
      ? `${formatRupees(b.min)} and above`
      : `${formatRupees(b.min)} – ${formatRupees(b.max)}`;

/** Minimum and maximum typed in rupees; the URL keeps them, so the fields follow it. */
function PriceRange({ params, update }: { params: URLSearchParams; update: UpdateParams }) {
  const [min, setMin] = useState(params.get("min") ?? "");
  const [max, setMax] = useState(params.get("max") ?? "");
  const [priceError, setPriceError] = useState<string | null>(null);
  const urlMin = params.get("min") ?? "";
  const urlMax = params.get("max") ?? "";
  useEffect(() => {
    setMin(urlMin);
    setMax(urlMax);
  }, [urlMin, urlMax]);

  const applyPrice = () => {
    const lo = min.trim() ? parseRupees(min) : null;
    const hi = max.trim() ? parseRupees(max) : null;
    if ((lo && !lo.ok) || (hi && !hi.ok))
      return setPriceError("Enter amounts in rupees, like 500 or 1299.50");
    if (lo?.ok && hi?.ok && lo.paise > hi.paise) return setPriceError("The minimum is above the maximum");
    setPriceError(null);
    update((next) => {
      if (lo?.ok) next.set("min", paiseToRupeesText(lo.paise));
      else next.delete("min");
      if (hi?.ok) next.set("max", paiseToRupeesText(hi.paise));
      else next.delete("max");
    });
  };

  return (
    <>
      <form
        className="bz-price-range"
        aria-label="Price range"
        onSubmit={(e) => {
          e.preventDefault();
          applyPrice();
        }}
      >
        <label className="bz-visually-hidden" htmlFor="price-min">
          Minimum price in rupees
        </label>
        <input
          id="price-min"
          className="bz-input"
          inputMode="decimal"
          placeholder="₹ Min"
          value={min}
          onChange={(e) => setMin(e.target.value)}
        />
        <span aria-hidden="true">–</span>
        <label className="bz-visually-hidden" htmlFor="price-max">
          Maximum price in rupees
        </label>
        <input
          id="price-max"
          className="bz-input"
          inputMode="decimal"
          placeholder="₹ Max"
          value={max}
          onChange={(e) => setMax(e.target.value)}
        />
        <button type="submit" className="bz-button bz-button--secondary bz-button--small">
          Go
        </button>
      </form>
      {priceError && <p className="bz-field__error">{priceError}</p>}
    </>
  );
}
