import type { ReportTargetPreviewDto } from "@bazaar/schemas";
import { Alert } from "@bazaar/ui";
import { Link } from "react-router";
import { historyHref } from "../audit/audit-values";
import { clip, targetTypeLabel } from "./report-values";

/**
 * What was reported, as the queue shows it: the review's stars and text, the question (and
 * the answer under it), the product or the shop, with its current status and its shop.
 * `compact` cuts long text to a few lines for the list.
 */
export function ReportTarget({
  target: t,
  compact = false,
}: {
  target: ReportTargetPreviewDto;
  compact?: boolean;
}) {
  if (!t.exists)
    return (
      <Alert tone="info">
        This {targetTypeLabel(t.type).toLowerCase()} no longer exists: it was deleted since it was reported.
      </Alert>
    );
  return (
    <div className="bz-stack" data-testid="report-target">
      <p>
        <span className="bz-tag bz-tag--plain">{targetTypeLabel(t.type)}</span>{" "}
        {t.type === "shop" ? (
          <strong>{t.title}</strong>
        ) : t.product ? (
          <strong>{t.product.title}</strong>
        ) : (
          t.title
        )}
        {t.status && (
          <>
            {" "}
            <span className="bz-tag bz-tag--muted" data-testid="target-status">
              {t.status.replace(/_/g, " ")}
            </span>
          </>
        )}
      </p>
      {t.rating !== null && (
        <p className="bz-rating">
          <span role="img" aria-label={`${t.rating} out of 5 stars`}>
            {"★".repeat(t.rating)}
            <span className="bz-muted">{"★".repeat(5 - t.rating)}</span>
          </span>
        </p>
      )}
      {t.questionText && (
        <p className="bz-muted bz-small">
          In answer to: <q>{t.questionText}</q>
        </p>
      )}
      {t.text && (
        <p className="bz-prewrap" data-testid="target-text">
          {compact ? clip(t.text, 280) : t.text}
        </p>
      )}
      {t.shop && t.type !== "shop" && (
        <p className="bz-muted bz-small">
          Sold by <Link to={`/sellers/${t.shop.id}`}>{t.shop.shopName}</Link>
          {t.shop.status !== "approved" && ` (${t.shop.status})`}
        </p>
      )}
      {t.type === "shop" && t.shop && !compact && (
        <p className="bz-small">
          <Link to={`/sellers/${t.shop.id}`}>Open the shop in Sellers</Link>
        </p>
      )}
      {t.type === "message" && t.conversationId && (
        <p className="bz-small">
          <Link to={`/conversations/${t.conversationId}`} data-testid="open-conversation">
            Read the conversation
          </Link>{" "}
          <span className="bz-muted">(read-only; your access is recorded in the audit log)</span>
        </p>
      )}
      {t.product && !compact && (
        <p className="bz-small">
          <Link to={historyHref("product", t.product.id)}>Product history</Link>
        </p>
      )}
    </div>
  );
}
