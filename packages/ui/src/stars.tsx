/** 4 → "★★★★☆"; a fraction rounds to the nearest whole star, within 0–5. */
export function starsText(rating: number): string {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return "★".repeat(full) + "☆".repeat(5 - full);
}

/** A star rating as text with a label screen readers read ("Rated 4 out of 5"). */
export function Stars({ rating, testId }: { rating: number; testId?: string }) {
  return (
    <span className="bz-rating" role="img" aria-label={`Rated ${rating} out of 5`} data-testid={testId}>
      <span aria-hidden="true">{starsText(rating)}</span>
    </span>
  );
}
