import { formatCount } from "@bazaar/client/format";
import type { ReviewSummaryDto } from "@bazaar/schemas";
import { averageText, histogramBars, starsLabel, starsText } from "./review-labels";

/** The average, how many rated, and one bar per star count with its share. */
export function RatingSummary({ summary }: { summary: ReviewSummaryDto }) {
  const bars = histogramBars(summary);
  return (
    <div className="bz-rating-summary" data-testid="rating-summary">
      <div className="bz-rating-summary__average">
        <strong className="bz-rating-summary__number" data-testid="rating-average">
          {summary.count === 0 ? "–" : summary.average.toFixed(1)}
        </strong>
        {summary.count > 0 && (
          <span className="bz-stars" role="img" aria-label={starsLabel(Math.round(summary.average))}>
            {starsText(summary.average)}
          </span>
        )}
        <span className="bz-muted bz-small" data-testid="rating-count">
          {summary.count === 0
            ? averageText(0, 0)
            : `${averageText(summary.average, summary.count)} · ${formatCount(summary.count)} rating${summary.count === 1 ? "" : "s"}`}
        </span>
      </div>
      <ul className="bz-histogram" aria-label="Ratings by stars">
        {bars.map((b) => (
          <li key={b.stars} className="bz-histogram__row" data-testid="histogram-bar">
            <span className="bz-histogram__label">{b.stars} ★</span>
            <span className="bz-histogram__track" aria-hidden="true">
              <span className="bz-histogram__fill" style={{ width: `${b.percent}%` }} />
            </span>
            <span className="bz-histogram__percent bz-small bz-muted">
              {b.percent}%
              <span className="bz-visually-hidden">
                {" "}
                ({formatCount(b.count)} rating{b.count === 1 ? "" : "s"})
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
