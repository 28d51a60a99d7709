import { formatRupees } from "@bazaar/client/format";
import type { ReturnDto } from "@bazaar/schemas";
import { Card, PhotoLinks, returnReasonLabel } from "@bazaar/ui";

/** What the buyer sends back: each line with its reason and refund, then their comment and photos. */
export function ReturnLines({ ret: r }: { ret: ReturnDto }) {
  return (
    <Card title="What the buyer returns" testId="return-lines">
      <div className="bz-table-wrap">
        <table className="bz-table">
          <thead>
            <tr>
              <th>Item</th>
              <th className="bz-align-right">Units</th>
              <th>Reason</th>
              <th>Restocked</th>
              <th className="bz-align-right">Refund</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.orderItemId} data-testid="return-line">
                <td>
                  <div className="bz-media-row">
                    {l.imageUrl ? (
                      <img src={l.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
                    ) : (
                      <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
                    )}
                    <div>
                      {l.title}
                      {l.variantLabel && <div className="bz-muted bz-small">{l.variantLabel}</div>}
                    </div>
                  </div>
                </td>
                <td className="bz-align-right">{l.qty}</td>
                <td>{returnReasonLabel(l.reason)}</td>
                <td>{l.restock === null ? "—" : l.restock ? "Yes" : "No"}</td>
                <td className="bz-align-right bz-nowrap">{formatRupees(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Buyer's comment</h3>
      {r.comment ? (
        <p className="bz-prewrap" data-testid="return-comment">
          {r.comment}
        </p>
      ) : (
        <p className="bz-muted">No comment.</p>
      )}
      <h3>Photos</h3>
      {r.photos.length > 0 ? (
        <PhotoLinks
          photos={r.photos}
          alt={(i, n) => `What the buyer sent, ${i + 1} of ${n}`}
          className="bz-list bz-compare__thumbs"
          testId="return-photos"
        />
      ) : (
        <p className="bz-muted">No photos.</p>
      )}
    </Card>
  );
}
