import { useTRPC } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { ProductDetailDto } from "@bazaar/schemas";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { router, Stack, useLocalSearchParams } from "expo-router";
import { useState } from "react";
import { Image, ScrollView, Text, useWindowDimensions, View } from "react-native";
import { useAuth } from "../../src/app-context";
import { useCart } from "../../src/cart";
import { mediaUrl } from "../../src/config";
import { useCountdown } from "../../src/countdown";
import { errorMessage } from "../../src/errors";
import {
  Body,
  Button,
  Card,
  Chip,
  colors,
  ErrorState,
  Field,
  Heading,
  Loading,
  Muted,
  Notice,
  Price,
  Row,
  Screen,
  styles,
  Title,
} from "../../src/ui";
import { available, currentPrice, initialPick, type Picked, variantFor } from "../../src/variants";

/** A product: photos, options, price (and a sale's countdown), stock, ratings, reviews, Q&A. */
export default function ProductScreen() {
  const { slug } = useLocalSearchParams<{ slug: string }>();
  const trpc = useTRPC();
  const product = useQuery(trpc.catalog.products.bySlug.queryOptions({ slug }));
  if (product.isPending) return <Loading />;
  if (product.error) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  return (
    <ProductView
      product={product.data}
      refetch={() => void product.refetch()}
      refreshing={product.isRefetching}
    />
  );
}

function ProductView(props: { product: ProductDetailDto; refetch: () => void; refreshing: boolean }) {
  const { product } = props;
  const [picked, setPicked] = useState<Picked>(() => initialPick(product));
  const variant = variantFor(product, picked);
  const { add } = useCart();
  const [added, setAdded] = useState(false);
  const now = new Date();
  const price = variant ? currentPrice(variant, now) : null;
  const countdown = useCountdown(price?.saleEndsAt);

  return (
    <Screen testID="product" onRefresh={props.refetch} refreshing={props.refreshing}>
      <Stack.Screen options={{ title: product.title }} />
      <Gallery product={product} />
      <Title testID="product-title">{product.title}</Title>
      <Button
        label={`Sold by ${product.seller.shopName}`}
        kind="link"
        style={{ alignSelf: "flex-start" }}
        onPress={() => router.push(`/shop/${product.seller.slug}`)}
      />
      {price ? <Price paise={price.price} compareAt={price.was} testID="price" /> : null}
      {countdown ? (
        <Text style={{ color: colors.sale, fontWeight: "600" }} testID="sale-countdown">
          Sale ends in {countdown}
        </Text>
      ) : null}
      {product.options.map((o) => (
        <View key={o.name} style={{ gap: 6 }}>
          <Text style={styles.label}>
            {o.name}: {picked[o.name] ?? "choose"}
          </Text>
          <Row>
            {o.values.map((value) => (
              <Chip
                key={value}
                label={available(product, picked, o.name, value) ? value : `${value} (sold out)`}
                selected={picked[o.name] === value}
                onPress={() => {
                  setAdded(false);
                  setPicked((p) => ({ ...p, [o.name]: value }));
                }}
              />
            ))}
          </Row>
        </View>
      ))}
      <Text style={styles.body} testID="stock">
        {!variant
          ? "This combination is not sold."
          : variant.stock === 0
            ? "Out of stock"
            : variant.stock <= 5
              ? `Only ${variant.stock} left`
              : "In stock"}
      </Text>
      <Button
        label="Add to cart"
        testID="add-to-cart"
        disabled={!variant || variant.stock === 0}
        busy={add.isPending}
        onPress={() =>
          variant && add.mutate({ variantId: variant.id, qty: 1 }, { onSuccess: () => setAdded(true) })
        }
      />
      {added ? (
        <Notice tone="ok" testID="added">
          Added to your cart.
        </Notice>
      ) : null}
      {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
      <WishlistButton productId={product.id} variantId={variant?.id} />
      <Muted>
        {product.returnWindowDays > 0
          ? `Returns accepted within ${product.returnWindowDays} days of delivery.`
          : "This shop does not accept returns."}
      </Muted>
      {product.description ? <Body>{product.description}</Body> : null}
      <Reviews productId={product.id} />
      <Questions productId={product.id} />
    </Screen>
  );
}

function Gallery({ product }: { product: ProductDetailDto }) {
  const { width } = useWindowDimensions();
  const size = Math.min(width - 32, 560);
  const [index, setIndex] = useState(0);
  if (product.images.length === 0)
    return <View style={{ width: size, height: size * 0.6, backgroundColor: "#f1ebe6" }} />;
  return (
    <View testID="gallery">
      <ScrollView
        horizontal
        pagingEnabled
        showsHorizontalScrollIndicator={false}
        onMomentumScrollEnd={(e) => setIndex(Math.round(e.nativeEvent.contentOffset.x / size))}
        style={{ width: size }}
      >
        {product.images.map((img) => (
          <Image
            key={img.id}
            source={{ uri: mediaUrl(img.url) ?? undefined }}
            style={{ width: size, height: size, borderRadius: 10, backgroundColor: "#f1ebe6" }}
            accessibilityLabel={img.alt ?? product.title}
          />
        ))}
      </ScrollView>
      {product.images.length > 1 ? (
        <Muted>
          Photo {index + 1} of {product.images.length} — swipe for more
        </Muted>
      ) : null}
    </View>
  );
}

function WishlistButton({ productId, variantId }: { productId: string; variantId: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status, user } = useAuth();
  const customer = status === "signedIn" && user?.role === "customer";
  const saved = useQuery({
    ...trpc.wishlist.status.queryOptions({ productIds: [productId] }),
    enabled: customer,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.wishlist.status.pathFilter());
    await queryClient.invalidateQueries(trpc.wishlist.list.pathFilter());
  };
  const add = useMutation(trpc.wishlist.add.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.wishlist.remove.mutationOptions({ onSuccess: refresh }));
  if (!customer)
    return (
      <Button label="Sign in to save to your wishlist" kind="link" onPress={() => router.push("/sign-in")} />
    );
  const isSaved = saved.data?.saved.includes(productId) ?? false;
  return (
    <Button
      kind="secondary"
      label={isSaved ? "♥ Saved — remove from wishlist" : "♡ Save to wishlist"}
      busy={add.isPending || remove.isPending}
      onPress={() =>
        isSaved ? remove.mutate({ productId }) : add.mutate({ productId, ...(variantId && { variantId }) })
      }
    />
  );
}

function Reviews({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.reviews.summary.queryOptions({ productId }));
  const list = useInfiniteQuery(
    trpc.reviews.list.infiniteQueryOptions(
      { productId, limit: 5 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
  );
  const reviews = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <View style={{ gap: 8 }} testID="reviews">
      <Heading>Ratings and reviews</Heading>
      {summary.data ? (
        summary.data.count > 0 ? (
          <Card testID="rating-summary">
            <Text style={styles.heading}>
              ★ {summary.data.average.toFixed(1)} · {summary.data.count} rating
              {summary.data.count === 1 ? "" : "s"}
            </Text>
            {summary.data.histogram.map((h) => (
              <Row key={h.stars}>
                <Text style={[styles.muted, { width: 24 }]}>{h.stars}★</Text>
                <View style={{ flex: 1, height: 6, backgroundColor: colors.line, borderRadius: 3 }}>
                  <View
                    style={{
                      width: `${summary.data.count ? (h.count / summary.data.count) * 100 : 0}%`,
                      height: 6,
                      backgroundColor: colors.brand,
                      borderRadius: 3,
                    }}
                  />
                </View>
                <Text style={[styles.muted, { width: 28, textAlign: "right" }]}>{h.count}</Text>
              </Row>
            ))}
          </Card>
        ) : (
          <Muted>No reviews yet.</Muted>
        )
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Loading />
      )}
      {reviews.map((r) => (
        <Card key={r.id}>
          <Text style={styles.heading}>
            {"★".repeat(r.rating)}
            {"☆".repeat(5 - r.rating)} {r.title}
          </Text>
          <Body>{r.body}</Body>
          <Muted>
            {r.authorName}
            {r.verifiedPurchase ? " · Verified purchase" : ""} · {formatDate(r.createdAt)}
            {r.helpfulCount > 0 ? ` · ${r.helpfulCount} found this helpful` : ""}
          </Muted>
          {r.sellerReply ? <Muted>Seller: {r.sellerReply.body}</Muted> : null}
        </Card>
      ))}
      {list.hasNextPage ? (
        <Button
          label="More reviews"
          kind="link"
          busy={list.isFetchingNextPage}
          onPress={() => void list.fetchNextPage()}
        />
      ) : null}
    </View>
  );
}

function Questions({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status, user } = useAuth();
  const [body, setBody] = useState("");
  const list = useInfiniteQuery(
    trpc.questions.list.infiniteQueryOptions(
      { productId, limit: 5 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
  );
  const ask = useMutation(
    trpc.questions.ask.mutationOptions({
      onSuccess: async () => {
        setBody("");
        await queryClient.invalidateQueries(trpc.questions.list.pathFilter());
      },
    }),
  );
  const questions = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <View style={{ gap: 8 }} testID="questions">
      <Heading>Questions and answers</Heading>
      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && questions.length === 0 ? <Muted>No questions yet.</Muted> : null}
      {questions.map((q) => (
        <Card key={q.id}>
          <Text style={styles.heading}>Q: {q.body}</Text>
          {q.answers.slice(0, 2).map((a) => (
            <View key={a.id}>
              <Body>A: {a.body}</Body>
              <Muted>
                {a.author.role === "seller" ? "Seller" : a.author.name}
                {a.author.verifiedBuyer ? " · Verified buyer" : ""}
              </Muted>
            </View>
          ))}
          {q.answerCount === 0 ? <Muted>Not answered yet.</Muted> : null}
        </Card>
      ))}
      {list.hasNextPage ? (
        <Button label="More questions" kind="link" onPress={() => void list.fetchNextPage()} />
      ) : null}
      {status === "signedIn" && user?.role === "customer" ? (
        <View style={{ gap: 6 }}>
          <Field
            label="Ask a question"
            value={body}
            onChangeText={setBody}
            multiline
            error={ask.error ? errorMessage(ask.error) : null}
          />
          <Button
            label="Ask"
            kind="secondary"
            disabled={body.trim().length < 3}
            busy={ask.isPending}
            onPress={() => ask.mutate({ productId, body })}
          />
          {ask.isSuccess ? <Notice tone="ok">Thanks — the shop will answer soon.</Notice> : null}
        </View>
      ) : null}
    </View>
  );
}
