import { formatRupees } from "@bazaar/client/format";
import type { CartLineDto } from "@bazaar/schemas";
import { router, useFocusEffect } from "expo-router";
import { useCallback, useState } from "react";
import { Image, Text, View } from "react-native";
import { useAuth, useSession } from "../../src/app-context";
import { useCart } from "../../src/cart";
import { mediaUrl } from "../../src/config";
import { errorMessage } from "../../src/errors";
import { mergeMessage } from "../../src/messages";
import {
  Button,
  Card,
  Empty,
  ErrorState,
  Heading,
  Loading,
  Muted,
  Notice,
  Price,
  Row,
  Screen,
  styles,
} from "../../src/ui";

/** The cart, grouped by shop, with quantities, notices (price changed, sold out) and totals. */
export default function Cart() {
  const { cart, update, remove } = useCart();
  const { status } = useAuth();
  const session = useSession();
  const [merged, setMerged] = useState<string | null>(null);
  useFocusEffect(
    useCallback(() => {
      const report = session.takeCartMerge();
      if (report) setMerged(mergeMessage(report));
    }, [session]),
  );
  if (cart.isPending) return <Loading />;
  if (cart.error) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  const c = cart.data;
  const busy = update.isPending || remove.isPending;
  return (
    <Screen testID="cart" onRefresh={() => void cart.refetch()} refreshing={cart.isRefetching}>
      {merged ? (
        <Notice tone="ok" testID="cart-merged">
          {merged}
        </Notice>
      ) : null}
      {c.groups.length === 0 ? (
        <Empty title="Your cart is empty" testID="cart-empty">
          <Button label="Start shopping" onPress={() => router.push("/search")} />
        </Empty>
      ) : (
        <>
          {c.groups.map((g) => (
            <View key={g.seller.id} style={{ gap: 8 }}>
              <Heading>{g.seller.shopName}</Heading>
              {g.lines.map((line) => (
                <Line
                  key={line.id}
                  line={line}
                  busy={busy}
                  onQty={(qty) => update.mutate({ itemId: line.id, qty })}
                  onRemove={() => remove.mutate({ itemId: line.id })}
                />
              ))}
              <Muted>
                Shipping {g.shipping === 0 ? "free" : formatRupees(g.shipping)} · Shop total{" "}
                {formatRupees(g.total)}
              </Muted>
            </View>
          ))}
          {update.error || remove.error ? (
            <Notice tone="error">{errorMessage(update.error ?? remove.error)}</Notice>
          ) : null}
          <Card testID="cart-totals">
            <Row style={{ justifyContent: "space-between" }}>
              <Text style={styles.body}>Items ({c.totals.itemCount})</Text>
              <Text style={styles.body}>{formatRupees(c.totals.subtotal)}</Text>
            </Row>
            {c.totals.itemDiscount + c.totals.couponDiscount > 0 ? (
              <Row style={{ justifyContent: "space-between" }}>
                <Text style={styles.body}>Discounts</Text>
                <Text style={styles.body}>
                  −{formatRupees(c.totals.itemDiscount + c.totals.couponDiscount)}
                </Text>
              </Row>
            ) : null}
            <Row style={{ justifyContent: "space-between" }}>
              <Text style={styles.body}>Shipping</Text>
              <Text style={styles.body}>
                {c.totals.shipping === 0 ? "Free" : formatRupees(c.totals.shipping)}
              </Text>
            </Row>
            <Row style={{ justifyContent: "space-between" }}>
              <Text style={styles.heading}>Total</Text>
              <Text style={styles.heading} testID="cart-total">
                {formatRupees(c.totals.total)}
              </Text>
            </Row>
            <Muted>Includes GST of {formatRupees(c.totals.gstIncluded)}</Muted>
          </Card>
          <Button
            label={status === "signedIn" ? "Checkout" : "Sign in to checkout"}
            testID="checkout"
            disabled={c.totals.itemCount === 0}
            onPress={() => router.push(status === "signedIn" ? "/checkout" : "/sign-in?next=/checkout")}
          />
        </>
      )}
    </Screen>
  );
}

function Line(props: {
  line: CartLineDto;
  busy: boolean;
  onQty: (qty: number) => void;
  onRemove: () => void;
}) {
  const { line } = props;
  const image = mediaUrl(line.imageUrl);
  return (
    <Card testID="cart-line">
      <Row style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
        {image ? <Image source={{ uri: image }} style={{ width: 64, height: 64, borderRadius: 6 }} /> : null}
        <View style={{ flex: 1, gap: 2 }}>
          <Text style={styles.heading} numberOfLines={2}>
            {line.title}
          </Text>
          {line.variantLabel ? <Muted>{line.variantLabel}</Muted> : null}
          <Price
            paise={line.effectiveUnitPrice}
            compareAt={
              line.compareAtPrice ?? (line.effectiveUnitPrice < line.unitPrice ? line.unitPrice : null)
            }
          />
          {!line.available ? (
            <Text style={{ color: "#b3261e" }}>Not available — left out of the total</Text>
          ) : null}
          {line.notices.map((n) => (
            <Muted key={n.kind}>
              {n.kind === "price_changed"
                ? `Price changed from ${formatRupees(n.from)} to ${formatRupees(n.to)}`
                : n.kind === "qty_reduced"
                  ? `Only ${n.to} available (you had ${n.from})`
                  : n.kind === "out_of_stock"
                    ? "Out of stock"
                    : "No longer sold"}
            </Muted>
          ))}
        </View>
      </Row>
      <Row>
        <Button
          label="−"
          kind="secondary"
          disabled={props.busy || line.qty <= 1}
          onPress={() => props.onQty(line.qty - 1)}
        />
        <Text style={styles.heading} accessibilityLabel={`Quantity ${line.qty}`} testID="qty">
          {line.qty}
        </Text>
        <Button
          label="+"
          kind="secondary"
          disabled={props.busy || line.qty >= line.stock}
          onPress={() => props.onQty(line.qty + 1)}
        />
        <Button label="Remove" kind="link" disabled={props.busy} onPress={props.onRemove} />
      </Row>
    </Card>
  );
}
