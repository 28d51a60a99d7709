import { useFormError, useTRPC } from "@bazaar/client";
import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Price } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { BuyBox } from "../cart/buy-box";
import { ProductGrid, Rating } from "../catalog/product-card";
import { initialVariant } from "../catalog/variant-picker";
import { MessageSellerLink } from "../messages/message-seller-link";
import { QuestionsSection } from "../questions/questions-section";
import { ReportLink } from "../reports/report-link";
import { returnWindowLabel } from "../returns/return-labels";
import { ReviewsSection } from "../reviews/reviews-section";
import { NotFoundPage } from "./not-found";
import { Gallery } from "./product-gallery";
import { StockLine, VariantOptions } from "./variant-options";

/**
 * `/p/:slug`: gallery, variant picker, seller, the return window, details, reviews,
 * questions and related products.
 */
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
  // The chosen variant lives in the address, so a shared link opens the same one.
  const select = (next: VariantDto | undefined) => {
    if (!next) return;
    const updated = new URLSearchParams(params);
    updated.set("variant", next.id);
    setParams(updated, { replace: true });
  };

  return (
    <article className="bz-product" data-testid="product-page">
      <Breadcrumb crumbs={p.category.path} />
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
              <VariantOptions product={p} selection={variant.optionValues} onSelect={select} />
              <StockLine stock={variant.stock} />
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
          <p className="bz-small" data-testid="return-window">
            <strong>{returnWindowLabel(p.returnWindowDays)}</strong>
            <span className="bz-muted">
              {p.returnWindowDays > 0
                ? ` · return within ${p.returnWindowDays} day${p.returnWindowDays === 1 ? "" : "s"} of delivery`
                : ` · ${p.seller.shopName} does not take this back once delivered`}
            </span>
          </p>
          <Attributes attributes={p.attributes} />
          <p className="bz-small">
            <MessageSellerLink
              subject={{ productId: p.id }}
              shopName={p.seller.shopName}
              about={p.title}
              className="bz-button bz-button--secondary bz-button--small"
            />
          </p>
          <p className="bz-small">
            <ReportLink targetType="product" targetId={p.id} />
          </p>
        </div>
      </div>
      {p.description && (
        <Card title="About this product">
          <p className="bz-prewrap">{p.description}</p>
        </Card>
      )}
      <ReviewsSection product={{ id: p.id, title: p.title }} />
      <QuestionsSection productId={p.id} />
      {p.related.length > 0 && (
        <section className="bz-section">
          <h2 className="bz-section__title">You may also like</h2>
          <ProductGrid products={p.related} testId="related" />
        </section>
      )}
    </article>
  );
}

function Breadcrumb({ crumbs }: { crumbs: ProductDetailDto["category"]["path"] }) {
  return (
    <nav aria-label="Breadcrumb" className="bz-breadcrumb">
      <Link to="/">Home</Link>
      {crumbs.map((c) => (
        <span key={c.slug}>
          {" › "}
          <Link to={`/c/${c.slug}`}>{c.name}</Link>
        </span>
      ))}
    </nav>
  );
}

function Attributes({ attributes }: { attributes: ProductDetailDto["attributes"] }) {
  if (Object.keys(attributes).length === 0) return null;
  return (
    <dl className="bz-facts bz-product__attributes">
      {Object.entries(attributes).map(([k, v]) => (
        <div key={k} className="bz-facts__pair">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
