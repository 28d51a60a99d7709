/** The filters of a listing, normalised: equal meaning gives an equal object and cache key. */
export type ListFilters = {
  q?: string;
  category?: string;
  seller?: string;
  brands?: string[];
  minPrice?: number;
  maxPrice?: number;
  minRating?: number;
  inStock?: true;
  featured?: true;
};

/** Filters with the category slug resolved to the ids of its subtree. */
export type ListQuery = ListFilters & { categoryIds?: string[] };
