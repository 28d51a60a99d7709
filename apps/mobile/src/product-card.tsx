import { formatRupees } from "@bazaar/client/format";
import type { ProductCardDto } from "@bazaar/schemas";
import { Link } from "expo-router";
import { Image, Pressable, StyleSheet, Text, View } from "react-native";
import { mediaUrl } from "./config";
import { colors } from "./ui";

/** One product in a list: photo, title, shop, price ("from" when variants differ), rating. */
export function ProductCard({ product }: { product: ProductCardDto }) {
  const image = mediaUrl(product.imageUrl);
  return (
    <Link href={`/product/${product.slug}`} asChild>
      <Pressable
        style={styles.card}
        accessibilityRole="link"
        accessibilityLabel={product.title}
        testID="product-card"
      >
        {image ? (
          <Image source={{ uri: image }} style={styles.image} accessibilityIgnoresInvertColors />
        ) : (
          <View style={[styles.image, styles.noImage]} />
        )}
        <View style={styles.body}>
          <Text style={styles.title} numberOfLines={2}>
            {product.title}
          </Text>
          <Text style={styles.shop} numberOfLines={1}>
            {product.seller.shopName}
          </Text>
          <Text style={styles.price}>
            {product.minPrice !== product.maxPrice ? "from " : ""}
            {formatRupees(product.minPrice)}
            {product.compareAtPrice && product.compareAtPrice > product.minPrice ? (
              <Text style={styles.strike}> {formatRupees(product.compareAtPrice)}</Text>
            ) : null}
          </Text>
          <Text style={styles.meta}>
            {product.ratingCount > 0
              ? `★ ${product.ratingAvg.toFixed(1)} (${product.ratingCount})`
              : "No ratings yet"}
            {product.inStock ? "" : " · Out of stock"}
          </Text>
        </View>
      </Pressable>
    </Link>
  );
}

const styles = StyleSheet.create({
  card: {
    flex: 1,
    margin: 4,
    minWidth: 150,
    maxWidth: 260,
    backgroundColor: colors.card,
    borderRadius: 10,
    borderWidth: 1,
    borderColor: colors.line,
    overflow: "hidden",
  },
  image: { width: "100%", aspectRatio: 1, backgroundColor: "#f1ebe6" },
  noImage: {},
  body: { padding: 8, gap: 2 },
  title: { fontSize: 14, fontWeight: "600", color: colors.text },
  shop: { fontSize: 12, color: colors.muted },
  price: { fontSize: 15, fontWeight: "700", color: colors.text },
  strike: { fontSize: 12, fontWeight: "400", color: colors.muted, textDecorationLine: "line-through" },
  meta: { fontSize: 12, color: colors.muted },
});
