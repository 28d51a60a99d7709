import { useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { SubOrderDto } from "@bazaar/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Stack, useLocalSearchParams } from "expo-router";
import { useState } from "react";
import { Image, Text, View } from "react-native";
import { trackingQrUrl } from "../../src/config";
import { errorMessage } from "../../src/errors";
import { useInvoice } from "../../src/invoice";
import { canCancelOrder, PAYMENT_LABEL, STATUS_LABEL, stepLabel } from "../../src/order-labels";
import { usePayment } from "../../src/payment";
import {
  Button,
  Card,
  ErrorState,
  Heading,
  Loading,
  Muted,
  Notice,
  Row,
  Screen,
  styles,
  Title,
} from "../../src/ui";

const canStream = typeof (globalThis as { EventSource?: unknown }).EventSource !== "undefined";

/**
 * One order: each shop's part with its timeline, which moves live as the seller advances it
 * (the `orders.onUpdate` stream; on reconnect the order is read again), cancel while
 * nothing is packed, the tracking code's QR once shipped, and the invoice.
 */
export default function OrderScreen() {
  const { id, placed } = useLocalSearchParams<{ id: string; placed?: string }>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Without EventSource (React Native has none built in) the order is polled instead.
  const order = useQuery({
    ...trpc.orders.byId.queryOptions({ orderId: id }),
    refetchInterval: canStream ? false : 15_000,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ orderId: id }));
  const live = useOrderUpdates({
    enabled: canStream,
    onUpdate: (event) => {
      if (!event || event.orderId === id) void refresh();
    },
  });
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (o) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: id }), o);
        void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
      },
    }),
  );
  const payment = usePayment();
  const [confirming, setConfirming] = useState<string | null>(null);

  if (order.isPending) return <Loading />;
  if (order.error) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  return (
    <Screen testID="order" onRefresh={() => void order.refetch()} refreshing={order.isRefetching}>
      <Stack.Screen options={{ title: `Order ${o.number}` }} />
      {placed ? (
        <Notice tone="ok" testID="order-placed">
          Thank you! Your order is placed.
        </Notice>
      ) : null}
      <Title testID="order-number">Order {o.number}</Title>
      <Muted>
        Placed {formatDateTime(o.createdAt)} · {PAYMENT_LABEL[o.paymentStatus]} · {formatRupees(o.total)}
        {live === "pending" ? " · live" : ""}
      </Muted>
      {o.paymentStatus === "pending" && o.payment ? (
        <View style={{ gap: 6 }}>
          <Notice>
            Pay {formatRupees(o.total)}
            {o.expiresAt ? ` by ${formatDateTime(o.expiresAt)}` : ""}, or the order is cancelled and nothing
            is charged.
          </Notice>
          <Button label="Pay now" onPress={() => void payment.pay(o)} />
          {payment.error ? <Notice tone="error">{payment.error}</Notice> : null}
        </View>
      ) : null}
      {o.subOrders.map((s) => (
        <Part key={s.id} sub={s} />
      ))}
      <Card>
        <Heading>Delivery address</Heading>
        <Muted>
          {o.shippingAddress.name}, {o.shippingAddress.line1}
          {o.shippingAddress.line2 ? `, ${o.shippingAddress.line2}` : ""}, {o.shippingAddress.city},{" "}
          {o.shippingAddress.state} {o.shippingAddress.pincode} · {o.shippingAddress.phone}
        </Muted>
      </Card>
      {canCancelOrder(o) ? (
        confirming === "all" ? (
          <Row>
            <Button
              label="Yes, cancel the order"
              kind="danger"
              busy={cancel.isPending}
              onPress={() => cancel.mutate({ orderId: o.id })}
            />
            <Button label="Keep it" kind="link" onPress={() => setConfirming(null)} />
          </Row>
        ) : (
          <Button
            label="Cancel order"
            kind="danger"
            testID="cancel-order"
            onPress={() => setConfirming("all")}
          />
        )
      ) : null}
      {cancel.error ? <Notice tone="error">{errorMessage(cancel.error)}</Notice> : null}
    </Screen>
  );
}

function Part({ sub }: { sub: SubOrderDto }) {
  const invoice = useInvoice();
  const shipped = ["shipped", "out_for_delivery", "delivered"].includes(sub.status);
  return (
    <Card testID="sub-order">
      <Row style={{ justifyContent: "space-between" }}>
        <Text style={styles.heading}>{sub.seller.shopName}</Text>
        <Text
          style={[styles.heading, { color: sub.status === "cancelled" ? "#b3261e" : "#1e7b34" }]}
          testID="sub-order-status"
        >
          {STATUS_LABEL[sub.status]}
        </Text>
      </Row>
      {sub.items.map((i) => (
        <Muted key={i.id}>
          {i.qty} × {i.title}
          {i.variantLabel ? ` (${i.variantLabel})` : ""} — {formatRupees(i.lineTotal)}
        </Muted>
      ))}
      <Muted>
        Shipping {sub.shipping === 0 ? "free" : formatRupees(sub.shipping)} · Total {formatRupees(sub.total)}
      </Muted>
      <View style={{ gap: 2 }} testID="timeline">
        {sub.timeline.map((e, i) => (
          <Text key={`${e.to}-${i}`} style={styles.body} testID="timeline-step">
            • {stepLabel(e.to)} <Text style={styles.muted}>{formatDateTime(e.at)}</Text>
          </Text>
        ))}
      </View>
      {sub.cancelReason ? <Muted>Reason: {sub.cancelReason}</Muted> : null}
      {shipped ? (
        <View style={{ gap: 4, alignItems: "flex-start" }} testID="tracking">
          <Text style={styles.label}>
            {sub.carrier ?? "Courier"}
            {sub.trackingNumber ? ` · ${sub.trackingNumber}` : ""}
          </Text>
          <Image
            source={{ uri: trackingQrUrl(sub.trackingCode) }}
            style={{ width: 140, height: 140 }}
            accessibilityLabel="Tracking QR code: scan to follow this delivery"
            testID="tracking-qr"
          />
          <Muted>Scan to follow the delivery, or share the code: {sub.trackingCode}</Muted>
        </View>
      ) : null}
      {sub.invoiceNumber ? (
        <Button
          label={`Invoice ${sub.invoiceNumber}`}
          kind="link"
          busy={invoice.isPending}
          onPress={() => invoice.mutate(sub.id)}
        />
      ) : null}
      {invoice.error ? <Notice tone="error">{errorMessage(invoice.error)}</Notice> : null}
    </Card>
  );
}
