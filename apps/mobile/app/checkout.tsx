import { toFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { PaymentMethod } from "@bazaar/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Redirect, router, Stack } from "expo-router";
import { useState } from "react";
import { Text } from "react-native";
import { useAuth } from "../src/app-context";
import { useCart } from "../src/cart";
import { newIdempotencyKey, usePayment } from "../src/payment";
import {
  Button,
  Card,
  Chip,
  Empty,
  ErrorState,
  Heading,
  Loading,
  Muted,
  Notice,
  Row,
  Screen,
  styles,
  Title,
} from "../src/ui";

/** Reasons that mean the cart changed underneath: back to the cart, which explains. */
const CART_CHANGED = /^(cart|stock|checkout\.(cart|price|stock))/;

/**
 * Address, payment method, summary, place order. The idempotency key is made once per visit,
 * so a double tap, or a retry after a lost answer, can never place two orders.
 */
export default function Checkout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const { cart } = useCart();
  const addresses = useQuery({ ...trpc.addresses.list.queryOptions(), enabled: status === "signedIn" });
  const [addressId, setAddressId] = useState<string | null>(null);
  const [method, setMethod] = useState<PaymentMethod>("cod");
  const [idempotencyKey] = useState(newIdempotencyKey);
  const payment = usePayment();
  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      onSuccess: async (order) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: order.id }), order);
        void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
        void queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        if (order.paymentMethod === "razorpay" && order.payment) await payment.pay(order);
        else router.replace(`/order/${order.id}?placed=1`);
      },
    }),
  );

  if (status === "signedOut") return <Redirect href="/sign-in?next=/checkout" />;
  if (cart.isPending || addresses.isPending) return <Loading />;
  if (cart.error) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  if (addresses.error) return <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />;
  if (cart.data.totals.itemCount === 0 && !place.isSuccess)
    return (
      <Empty title="Your cart is empty">
        <Button label="Start shopping" onPress={() => router.replace("/search")} />
      </Empty>
    );
  const list = addresses.data;
  const chosen = addressId ?? list.find((a) => a.isDefault)?.id ?? list[0]?.id ?? null;
  const error = place.error ? toFormError(place.error) : null;
  const t = cart.data.totals;

  return (
    <Screen testID="checkout">
      <Stack.Screen options={{ title: "Checkout" }} />
      <Title>Checkout</Title>
      <Heading>Deliver to</Heading>
      {list.length === 0 ? <Muted>Add an address to deliver to.</Muted> : null}
      {list.map((a) => (
        <Card key={a.id} testID="address-option">
          <Chip
            label={`${a.label ? `${a.label}: ` : ""}${a.name}, ${a.city} ${a.pincode}`}
            selected={chosen === a.id}
            onPress={() => setAddressId(a.id)}
          />
          <Muted>
            {a.line1}
            {a.line2 ? `, ${a.line2}` : ""}, {a.city}, {a.state} {a.pincode} · {a.phone}
          </Muted>
        </Card>
      ))}
      <Button
        label="Add a new address"
        kind="secondary"
        onPress={() => router.push("/address-form?back=1")}
      />
      <Heading>Pay with</Heading>
      <Row>
        <Chip
          label="Cash on delivery"
          selected={method === "cod"}
          onPress={() => setMethod("cod")}
          testID="pay-cod"
        />
        <Chip
          label="Pay online (UPI, cards)"
          selected={method === "razorpay"}
          onPress={() => setMethod("razorpay")}
          testID="pay-online"
        />
      </Row>
      <Card testID="checkout-summary">
        <Row style={{ justifyContent: "space-between" }}>
          <Text style={styles.body}>Items ({t.itemCount})</Text>
          <Text style={styles.body}>{formatRupees(t.subtotal - t.itemDiscount - t.couponDiscount)}</Text>
        </Row>
        <Row style={{ justifyContent: "space-between" }}>
          <Text style={styles.body}>Shipping</Text>
          <Text style={styles.body}>{t.shipping === 0 ? "Free" : formatRupees(t.shipping)}</Text>
        </Row>
        <Row style={{ justifyContent: "space-between" }}>
          <Text style={styles.heading}>To pay</Text>
          <Text style={styles.heading}>{formatRupees(t.total)}</Text>
        </Row>
      </Card>
      {error ? (
        <Notice tone="error" testID="checkout-error">
          {error.fieldErrors.addressId ?? error.message}
        </Notice>
      ) : null}
      {error?.reason && CART_CHANGED.test(error.reason) ? (
        <Button label="Review your cart" kind="link" onPress={() => router.replace("/cart")} />
      ) : null}
      {payment.error ? <Notice tone="error">{payment.error}</Notice> : null}
      <Button
        label={method === "cod" ? `Place order · ${formatRupees(t.total)}` : `Pay ${formatRupees(t.total)}`}
        testID="place-order"
        disabled={!chosen}
        busy={place.isPending}
        onPress={() => chosen && place.mutate({ addressId: chosen, paymentMethod: method, idempotencyKey })}
      />
    </Screen>
  );
}
