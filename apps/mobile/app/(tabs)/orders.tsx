import { useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDate, formatRupees } from "@bazaar/client/format";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { router } from "expo-router";
import { FlatList, Pressable, Text } from "react-native";
import { useAuth } from "../../src/app-context";
import { PAYMENT_LABEL, STATUS_LABEL } from "../../src/order-labels";
import { Button, Empty, ErrorState, Loading, Muted, styles } from "../../src/ui";

/** The customer's orders, newest first, kept current by the live order stream. */
export default function Orders() {
  const { status } = useAuth();
  if (status !== "signedIn")
    return (
      <Empty title="Sign in to see your orders" testID="orders-signed-out">
        <Button label="Sign in" onPress={() => router.push("/sign-in?next=/orders")} />
      </Empty>
    );
  return <OrderList />;
}

function OrderList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.orders.mine.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
  );
  useOrderUpdates({
    enabled: typeof (globalThis as { EventSource?: unknown }).EventSource !== "undefined",
    onUpdate: () => void queryClient.invalidateQueries(trpc.orders.mine.pathFilter()),
  });
  const orders = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Loading />;
  if (list.error && orders.length === 0)
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <FlatList
      style={styles.screen}
      contentContainerStyle={{ padding: 12, gap: 10 }}
      data={orders}
      keyExtractor={(o) => o.id}
      testID="orders"
      refreshing={list.isRefetching}
      onRefresh={() => void list.refetch()}
      onEndReached={() => list.hasNextPage && !list.isFetchingNextPage && void list.fetchNextPage()}
      ListEmptyComponent={
        <Empty title="No orders yet" testID="orders-empty">
          <Button label="Start shopping" onPress={() => router.push("/search")} />
        </Empty>
      }
      ListFooterComponent={list.isFetchingNextPage ? <Loading /> : null}
      renderItem={({ item: o }) => (
        <Pressable
          accessibilityRole="link"
          accessibilityLabel={`Order ${o.number}`}
          onPress={() => router.push(`/order/${o.id}`)}
          style={styles.card}
          testID="order-row"
        >
          <Text style={styles.heading}>Order {o.number}</Text>
          <Muted>
            {formatDate(o.createdAt)} · {o.itemCount} item{o.itemCount === 1 ? "" : "s"} ·{" "}
            {formatRupees(o.total)} · {PAYMENT_LABEL[o.paymentStatus]}
          </Muted>
          {o.subOrders.map((s) => (
            <Text key={s.id} style={styles.body} testID="order-row-status">
              {s.shopName}: {STATUS_LABEL[s.status]}
            </Text>
          ))}
        </Pressable>
      )}
    />
  );
}
