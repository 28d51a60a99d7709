import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatMonthYear } from "@bazaar/client/format";
import { Card, ErrorAlert, Loading, responseTimeText } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ProductListing } from "../catalog/listing";
import { Rating } from "../catalog/product-card";
import { ReportLink } from "../reports/report-link";
import { NotFoundPage } from "./not-found";

/** `/shop/:slug`: the seller's profile and their products. */
export function ShopPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const shop = useQuery(trpc.shops.bySlug.queryOptions({ slug }));
  const error = useFormError(shop.error);
  if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") return <NotFoundPage />;
  if (shop.error) return <ErrorAlert error={error} />;
  const s = shop.data;
  if (!s) return <Loading />;
  return (
    <section className="bz-page">
      <Card className="bz-shop-head" testId="shop-head">
        {s.logoUrl ? (
          <img src={s.logoUrl} alt={`${s.shopName} logo`} className="bz-logo bz-logo--large" />
        ) : (
          <span className="bz-logo bz-logo--large bz-logo--empty" aria-hidden="true">
            {s.shopName.slice(0, 1)}
          </span>
        )}
        <div className="bz-row__main">
          <h1 className="bz-page__title">{s.shopName}</h1>
          <p className="bz-muted">
            <Rating avg={s.ratingAvg} count={s.ratingCount} /> {formatCount(s.productCount)} product
            {s.productCount === 1 ? "" : "s"} · selling on Bazaar since {formatMonthYear(s.since)}
          </p>
          <ResponseTime sellerId={s.id} />
          {s.description && <p className="bz-prewrap">{s.description}</p>}
          <p className="bz-small">
            <ReportLink targetType="shop" targetId={s.id} />
          </p>
        </div>
      </Card>
      <ProductListing key={slug} fixed={{ seller: slug }} />
    </section>
  );
}

/** "Usually replies within 2 hours": the shop's median over the last 30 days; nothing until there is one. */
function ResponseTime({ sellerId }: { sellerId: string }) {
  const trpc = useTRPC();
  const time = useQuery(trpc.messages.responseTime.queryOptions({ sellerId }));
  const text = responseTimeText(time.data?.medianSeconds);
  if (!text) return null;
  return (
    <p className="bz-small" data-testid="response-time">
      {text}
      <span className="bz-muted"> · median of the last 30 days</span>
    </p>
  );
}
