import { formatPercent, formatRupees } from "@bazaar/client/format";
import type { SellerProductDto } from "@bazaar/schemas";
import { Alert, Card } from "@bazaar/ui";

/** A new product as customers would see it: images, facts, description and every variant. */
export function ProductPreview({ product: p, category }: { product: SellerProductDto; category: string }) {
  return (
    <Card title="The product as customers would see it" testId="product-preview">
      {p.images.length > 0 ? (
        <div className="bz-compare__thumbs bz-stack">
          {p.images.map((img, i) => (
            <img
              key={img.id}
              src={img.url}
              alt={`View ${i + 1} of ${p.images.length}`}
              className="bz-thumb"
            />
          ))}
        </div>
      ) : (
        <Alert tone="warning">No images.</Alert>
      )}
      <dl className="bz-facts bz-stack">
        <dt>Category</dt>
        <dd>{category}</dd>
        <dt>Brand</dt>
        <dd>{p.brand ?? "—"}</dd>
        <dt>HSN · GST</dt>
        <dd>
          {p.hsnCode ?? "—"} · {formatPercent(p.gstRateBps)}
        </dd>
        {Object.entries(p.attributes).map(([k, v]) => (
          <div key={k} className="bz-facts__pair">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {p.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{p.tags.join(", ")}</dd>
          </>
        )}
      </dl>
      <p className="bz-prewrap">{p.description || <span className="bz-muted">No description.</span>}</p>
      <div className="bz-table-wrap">
        <table className="bz-table">
          <thead>
            <tr>
              <th>Variant</th>
              <th>SKU</th>
              <th className="bz-align-right">Price</th>
              <th className="bz-align-right">Compare-at</th>
              <th className="bz-align-right">Stock</th>
            </tr>
          </thead>
          <tbody>
            {p.variants.map((v) => (
              <tr key={v.id}>
                <td>{Object.values(v.optionValues).join(" / ") || "Default"}</td>
                <td className="bz-mono">{v.sku}</td>
                <td className="bz-align-right">{formatRupees(v.price)}</td>
                <td className="bz-align-right">{v.compareAtPrice ? formatRupees(v.compareAtPrice) : "—"}</td>
                <td className="bz-align-right">{v.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
