import { useTRPC } from "@bazaar/client";
import { formatCount, formatRupees } from "@bazaar/client/format";
import type { ProductListInput } from "@bazaar/schemas";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { router } from "expo-router";
import { type ReactNode, useEffect, useState } from "react";
import { FlatList, Pressable, Text, useWindowDimensions, View } from "react-native";
import { ProductCard } from "./product-card";
import { Chip, colors, Empty, ErrorState, Field, Loading, Muted, Row, styles } from "./ui";

type Sort = NonNullable<ProductListInput["sort"]>;
export const SORTS: { value: Sort; label: string }[] = [
  { value: "relevance", label: "Relevant" },
  { value: "best_selling", label: "Best selling" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price ↑" },
  { value: "price_desc", label: "Price ↓" },
  { value: "rating", label: "Rating" },
];
const PAGE_SIZE = 20;

export type ListingFilters = {
  q?: string | undefined;
  category?: string | undefined;
  brand?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  minRating?: number | undefined;
  inStock?: boolean | undefined;
  sort?: Sort | undefined;
};

/** The list call: relevance is the default sort only when there is something searched for. */
export function listInput(f: ListingFilters, fixed: { category?: string; seller?: string }) {
  const category = fixed.category ?? f.category;
  return {
    limit: PAGE_SIZE,
    ...(f.q && { q: f.q }),
    ...(category && { category }),
    ...(fixed.seller && { seller: fixed.seller }),
    ...(f.brand && { brand: [f.brand] }),
    ...(f.minPrice !== undefined && { minPrice: f.minPrice }),
    ...(f.maxPrice !== undefined && { maxPrice: f.maxPrice }),
    ...(f.minRating && { minRating: f.minRating }),
    ...(f.inStock && { inStock: true }),
    sort: f.sort ?? (f.q ? "relevance" : "best_selling"),
  } satisfies ProductListInput;
}

/**
 * Search results, a category or a shop: a grid that loads the next page as it scrolls
 * (cursor pages), with sort, filter chips from the result's facets, and, while typing,
 * the typo-tolerant suggestions from `catalog.search.suggest`.
 */
export function Listing(props: {
  fixed?: { category?: string; seller?: string };
  initial?: ListingFilters;
  header?: ReactNode;
  searchable?: boolean;
}) {
  const trpc = useTRPC();
  const fixed = props.fixed ?? {};
  const [filters, setFilters] = useState<ListingFilters>(props.initial ?? {});
  const [text, setText] = useState(props.initial?.q ?? "");
  const { width } = useWindowDimensions();
  const columns = width >= 700 ? 3 : 2;
  useEffect(() => {
    setFilters(props.initial ?? {});
    setText(props.initial?.q ?? "");
  }, [props.initial]);

  const input = listInput(filters, fixed);
  const list = useInfiniteQuery({
    ...trpc.catalog.products.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const typed = text.trim();
  const suggest = useQuery({
    ...trpc.catalog.search.suggest.queryOptions({ q: typed, limit: 6 }),
    enabled: Boolean(props.searchable) && typed.length >= 2 && typed !== filters.q,
  });
  const first = list.data?.pages[0];
  const products = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (change: Partial<ListingFilters>) => setFilters((f) => ({ ...f, ...change }));
  const search = (q: string) => set({ q: q.trim() || undefined, sort: undefined });

  const head = (
    <View style={{ gap: 10, paddingBottom: 8 }}>
      {props.header}
      {props.searchable ? (
        <View>
          <Field
            label="Search"
            placeholder="Sarees, pottery, brands…"
            value={text}
            onChangeText={setText}
            onSubmitEditing={() => search(text)}
            returnKeyType="search"
            autoCapitalize="none"
            testID="search-input"
          />
          {suggest.data && suggest.data.length > 0 && typed !== filters.q ? (
            <View style={[styles.card, { marginTop: 4 }]} testID="suggestions">
              {suggest.data.map((s) => (
                <Pressable
                  key={`${s.kind}:${s.label}`}
                  accessibilityRole="button"
                  accessibilityLabel={`${s.label} (${s.kind})`}
                  onPress={() => {
                    if (s.kind === "category" && s.slug) router.push(`/category/${s.slug}`);
                    else if (s.kind === "product" && s.slug) router.push(`/product/${s.slug}`);
                    else {
                      setText(s.label);
                      search(s.label);
                    }
                  }}
                  style={{ paddingVertical: 8 }}
                >
                  <Text style={styles.body}>
                    {s.label} <Text style={styles.muted}>{s.kind}</Text>
                  </Text>
                </Pressable>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      <Row>
        {SORTS.filter((s) => filters.q || s.value !== "relevance").map((s) => (
          <Chip
            key={s.value}
            label={s.label}
            selected={input.sort === s.value}
            onPress={() => set({ sort: s.value })}
          />
        ))}
      </Row>
      {first ? (
        <Row>
          <Chip
            label="In stock"
            selected={Boolean(filters.inStock)}
            onPress={() => set({ inStock: !filters.inStock || undefined })}
          />
          <Chip
            label="4★ & up"
            selected={filters.minRating === 4}
            onPress={() => set({ minRating: filters.minRating === 4 ? undefined : 4 })}
          />
          {first.facets.brands.slice(0, 6).map((b) => (
            <Chip
              key={b.brand}
              label={`${b.brand} (${b.count})`}
              selected={filters.brand === b.brand}
              onPress={() => set({ brand: filters.brand === b.brand ? undefined : b.brand })}
            />
          ))}
          {first.facets.priceBuckets.map((p) => {
            const on = filters.minPrice === p.min && filters.maxPrice === (p.max ?? undefined);
            return (
              <Chip
                key={p.min}
                label={
                  p.max == null ? `${formatRupees(p.min)}+` : `${formatRupees(p.min)}–${formatRupees(p.max)}`
                }
                selected={on}
                onPress={() =>
                  set(
                    on
                      ? { minPrice: undefined, maxPrice: undefined }
                      : { minPrice: p.min, maxPrice: p.max ?? undefined },
                  )
                }
              />
            );
          })}
          {!fixed.category
            ? first.facets.categories
                .slice(0, 6)
                .map((c) => (
                  <Chip
                    key={c.slug}
                    label={c.name}
                    selected={filters.category === c.slug}
                    onPress={() => set({ category: filters.category === c.slug ? undefined : c.slug })}
                  />
                ))
            : null}
        </Row>
      ) : null}
      {first ? (
        <Muted testID="result-count">
          {/* "200+ products" when a broad search counted only its first candidates. */}
          {formatCount(first.total)}
          {first.totalIsLowerBound ? "+" : ""} product
          {first.total === 1 && !first.totalIsLowerBound ? "" : "s"}
          {filters.q ? ` for “${filters.q}”` : ""}
        </Muted>
      ) : null}
    </View>
  );

  return (
    <FlatList
      key={columns}
      style={styles.screen}
      contentContainerStyle={{ padding: 12, paddingBottom: 40 }}
      data={products}
      numColumns={columns}
      keyExtractor={(p) => p.id}
      renderItem={({ item }) => <ProductCard product={item} />}
      ListHeaderComponent={head}
      keyboardShouldPersistTaps="handled"
      testID="results"
      onEndReachedThreshold={0.5}
      onEndReached={() => {
        if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
      }}
      refreshing={list.isRefetching && !list.isFetchingNextPage}
      onRefresh={() => void list.refetch()}
      ListEmptyComponent={
        list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Empty
            title={filters.q ? `No products match “${filters.q}”` : "No products here yet"}
            testID="no-results"
          >
            <Muted>Try another word or remove a filter.</Muted>
          </Empty>
        )
      }
      ListFooterComponent={
        list.isFetchingNextPage ? (
          <Loading />
        ) : list.error && products.length > 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.fetchNextPage()} />
        ) : list.hasNextPage ? (
          <Pressable
            accessibilityRole="button"
            onPress={() => void list.fetchNextPage()}
            style={{ padding: 12 }}
          >
            <Text style={{ color: colors.brand, textAlign: "center" }}>Load more</Text>
          </Pressable>
        ) : null
      }
    />
  );
}
