import { describe, expect, it } from "vitest";
import { emptyReviewsText, parseReviewFilters, reviewFiltersHref, reviewsListInput } from "./review-filters";

describe("review filters", () => {
  it("reads the URL and ignores what is not a filter", () => {
    expect(parseReviewFilters(new URLSearchParams("show=unreplied&rating=2"))).toEqual({
      unreplied: true,
      rating: 2,
    });
    expect(parseReviewFilters(new URLSearchParams("show=all&rating=7"))).toEqual({
      unreplied: false,
      rating: null,
    });
    expect(parseReviewFilters(new URLSearchParams("rating=2.5")).rating).toBeNull();
  });

  it("writes back only the filters set", () => {
    expect(reviewFiltersHref({ unreplied: false, rating: null })).toBe("/reviews");
    expect(reviewFiltersHref({ unreplied: true, rating: 1 })).toBe("/reviews?show=unreplied&rating=1");
  });

  it("asks the API only for the filters set", () => {
    expect(reviewsListInput({ unreplied: false, rating: null })).toEqual({ limit: 20 });
    expect(reviewsListInput({ unreplied: true, rating: 3 })).toEqual({
      limit: 20,
      unreplied: true,
      rating: 3,
    });
  });

  it("says why a list is empty", () => {
    expect(emptyReviewsText({ unreplied: true, rating: null })).toMatch(/replied to every review/);
    expect(emptyReviewsText({ unreplied: false, rating: 4 })).toMatch(/No reviews match/);
    expect(emptyReviewsText({ unreplied: false, rating: null })).toMatch(/No reviews yet/);
  });
});
