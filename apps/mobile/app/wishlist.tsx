import { useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Redirect, router, Stack } from "expo-router";
import { FlatList, Text } from "react-native";
import { useAuth } from "../src/app-context";
import { errorMessage } from "../src/errors";
import { Button, Card, Empty, ErrorState, Loading, Muted, Notice, Row, styles } from "../src/ui";

export default function Wishlist() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const list = useInfiniteQuery({
    ...trpc.wishlist.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
    enabled: status === "signedIn",
  });
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.wishlist.list.pathFilter());
    await queryClient.invalidateQueries(trpc.wishlist.status.pathFilter());
  };
  const remove = useMutation(trpc.wishlist.remove.mutationOptions({ onSuccess: refresh }));
  const move = useMutation(
    trpc.wishlist.moveToCart.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        await refresh();
      },
    }),
  );
  if (status === "signedOut") return <Redirect href="/sign-in?next=/wishlist" />;
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <>
      <Stack.Screen options={{ title: "Wishlist" }} />
      <FlatList
        style={styles.screen}
        contentContainerStyle={{ padding: 12, gap: 10 }}
        data={items}
        keyExtractor={(i) => i.productId}
        testID="wishlist"
        onEndReached={() => list.hasNextPage && void list.fetchNextPage()}
        ListHeaderComponent={
          move.error || remove.error ? (
            <Notice tone="error">{errorMessage(move.error ?? remove.error)}</Notice>
          ) : null
        }
        ListEmptyComponent={<Empty title="Nothing saved yet" testID="wishlist-empty" />}
        renderItem={({ item }) => (
          <Card>
            <Text style={styles.heading} onPress={() => router.push(`/product/${item.slug}`)}>
              {item.title}
            </Text>
            <Muted>
              {item.price != null ? formatRupees(item.price) : "Not on sale now"}
              {item.available && !item.inStock ? " · Out of stock" : ""}
            </Muted>
            <Row>
              <Button
                label="Move to cart"
                kind="secondary"
                busy={move.isPending}
                disabled={!item.available || !item.inStock}
                onPress={() =>
                  move.mutate({
                    productId: item.productId,
                    ...(item.variantId && { variantId: item.variantId }),
                    qty: 1,
                  })
                }
              />
              <Button
                label="Remove"
                kind="link"
                onPress={() => remove.mutate({ productId: item.productId })}
              />
            </Row>
          </Card>
        )}
      />
    </>
  );
}
