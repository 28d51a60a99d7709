import { formatCount } from "@bazaar/client/format";
import type { ProductCardDto } from "@bazaar/schemas";
import { Price } from "@bazaar/ui";
import { Link } from "react-router";

/** "★ 4.3 (120)", or nothing before the first review. */
export function Rating({ avg, count }: { avg: number; count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="bz-rating"
      title={`Rated ${avg.toFixed(1)} out of 5 by ${formatCount(count)} customer${count === 1 ? "" : "s"}`}
    >
      <span aria-hidden="true">★</span> {avg.toFixed(1)}{" "}
      <span className="bz-muted">({formatCount(count)})</span>
    </span>
  );
}

export function ProductCard({ product: p }: { product: ProductCardDto }) {
  return (
    <li className="bz-product-card" data-testid="product-card">
      <Link to={`/p/${p.slug}`} className="bz-product-card__link">
        <span className="bz-product-card__image">
          {p.imageUrl ? (
            <img src={p.imageUrl} alt="" loading="lazy" />
          ) : (
            <span className="bz-product-card__placeholder">No image</span>
          )}
          {!p.inStock && <span className="bz-product-card__badge">Out of stock</span>}
        </span>
        <span className="bz-product-card__body">
          {p.brand && <span className="bz-product-card__brand">{p.brand}</span>}
          <span className="bz-product-card__title">{p.title}</span>
          <Price price={p.minPrice} maxPrice={p.maxPrice} compareAt={p.compareAtPrice} />
          <Rating avg={p.ratingAvg} count={p.ratingCount} />
        </span>
      </Link>
      <Link to={`/shop/${p.seller.slug}`} className="bz-product-card__seller">
        {p.seller.shopName}
      </Link>
    </li>
  );
}

export function ProductGrid({ products, testId }: { products: ProductCardDto[]; testId?: string }) {
  return (
    <ul className="bz-products" data-testid={testId ?? "products"}>
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}
