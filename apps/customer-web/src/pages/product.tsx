import { useFormError, useTRPC } from "@bazaar/client";
import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Price } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { BuyBox } from "../cart/buy-box";
import { ProductGrid, Rating } from "../catalog/product-card";
import { choose, initialVariant, valueState } from "../catalog/variant-picker";
import { NotFoundPage } from "./not-found";

/** `/p/:slug`: gallery, variant picker, seller, details and related products. */
export function ProductPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const product = useQuery(trpc.catalog.products.bySlug.queryOptions({ slug }));
  const error = useFormError(product.error);
  if (error?.code === "NOT_FOUND") return <NotFoundPage />;
  if (product.error) return <ErrorAlert error={error} />;
  if (!product.data) return <Loading />;
  return <ProductView key={product.data.id} product={product.data} />;
}

function ProductView({ product: p }: { product: ProductDetailDto }) {
  const [params, setParams] = useSearchParams();
  const variant = initialVariant(p.variants, params.get("variant"));
  const selection = variant?.optionValues ?? {};
  const select = (next: VariantDto | undefined) => {
    if (!next) return;
    const updated = new URLSearchParams(params);
    updated.set("variant", next.id);
    setParams(updated, { replace: true });
  };
  const crumbs = p.category.path;

  return (
    <article className="bz-product" data-testid="product-page">
      <nav aria-label="Breadcrumb" className="bz-breadcrumb">
        <Link to="/">Home</Link>
        {crumbs.map((c) => (
          <span key={c.slug}>
            {" › "}
            <Link to={`/c/${c.slug}`}>{c.name}</Link>
          </span>
        ))}
      </nav>
      <div className="bz-product__main">
        <Gallery images={p.images} title={p.title} />
        <div className="bz-product__info">
          {p.brand && (
            <Link to={`/search?brand=${encodeURIComponent(p.brand)}`} className="bz-product__brand">
              {p.brand}
            </Link>
          )}
          <h1 className="bz-product__title">{p.title}</h1>
          <p className="bz-product__meta">
            <Rating avg={p.ratingAvg} count={p.ratingCount} />
            <span>
              Sold by{" "}
              <Link to={`/shop/${p.seller.slug}`} data-testid="seller-link">
                {p.seller.shopName}
              </Link>
            </span>
          </p>
          {variant ? (
            <>
              <Price
                price={variant.price}
                compareAt={variant.compareAtPrice}
                size="large"
                testId="variant-price"
              />
              <p className="bz-muted bz-small">Inclusive of all taxes</p>
              {p.options.map((o) => (
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
                          onClick={() => select(choose(p.variants, p.options, selection, o.name, value))}
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
              ))}
              <p
                data-testid="variant-stock"
                className={
                  variant.stock === 0
                    ? "bz-text-danger"
                    : variant.stock <= 5
                      ? "bz-text-warning"
                      : "bz-text-success"
                }
              >
                {variant.stock === 0
                  ? "Out of stock"
                  : variant.stock <= 5
                    ? `Only ${variant.stock} left in stock`
                    : "In stock"}
              </p>
              <p className="bz-muted bz-small">
                SKU{" "}
                <span className="bz-mono" data-testid="variant-sku">
                  {variant.sku}
                </span>
              </p>
              <BuyBox key={variant.id} product={p} variant={variant} />
            </>
          ) : (
            <p className="bz-text-danger">Currently unavailable.</p>
          )}
          {Object.keys(p.attributes).length > 0 && (
            <dl className="bz-facts bz-product__attributes">
              {Object.entries(p.attributes).map(([k, v]) => (
                <div key={k} className="bz-facts__pair">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
      {p.description && (
        <Card title="About this product">
          <p className="bz-prewrap">{p.description}</p>
        </Card>
      )}
      {p.related.length > 0 && (
        <section className="bz-section">
          <h2 className="bz-section__title">You may also like</h2>
          <ProductGrid products={p.related} testId="related" />
        </section>
      )}
    </article>
  );
}

function Gallery({ images, title }: { images: ProductDetailDto["images"]; title: string }) {
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  if (!current) return <div className="bz-gallery bz-gallery--empty">No image</div>;
  return (
    <div className="bz-gallery" data-testid="gallery">
      <div className="bz-gallery__stage">
        <img src={current.url} alt={current.alt ?? `${title}, image ${index + 1} of ${images.length}`} />
      </div>
      {images.length > 1 && (
        <ul className="bz-gallery__thumbs">
          {images.map((img, i) => (
            <li key={img.id}>
              <button
                type="button"
                className={`bz-gallery__thumb${i === index ? " bz-gallery__thumb--active" : ""}`}
                aria-label={`Show image ${i + 1}`}
                aria-pressed={i === index}
                onClick={() => setIndex(i)}
              >
                <img src={img.url} alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
