import { useTRPC } from "@bazaar/client";
import type { ProductCardDto } from "@bazaar/schemas";
import { useQuery } from "@tanstack/react-query";
import { router } from "expo-router";
import { View } from "react-native";
import { useAuth } from "../../src/app-context";
import { ProductCard } from "../../src/product-card";
import { Button, Chip, Empty, ErrorState, Heading, Loading, Muted, Row, Screen, Title } from "../../src/ui";

function Grid({ products, testID }: { products: ProductCardDto[]; testID: string }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginHorizontal: -4 }} testID={testID}>
      {products.map((p) => (
        <View key={p.id} style={{ width: "50%" }}>
          <ProductCard product={p} />
        </View>
      ))}
    </View>
  );
}

/** The storefront: featured products, categories and what is new. */
export default function Home() {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const featured = useQuery(
    trpc.catalog.products.list.queryOptions({ featured: true, limit: 6, sort: "best_selling" }),
  );
  const newest = useQuery(trpc.catalog.products.list.queryOptions({ limit: 8, sort: "newest" }));
  const failed = categories.error ?? featured.error ?? newest.error;
  const refetch = () => {
    void categories.refetch();
    void featured.refetch();
    void newest.refetch();
  };

  return (
    <Screen testID="home" onRefresh={refetch} refreshing={newest.isRefetching}>
      <Title>{status === "signedIn" && user ? `Hello, ${user.name}` : "Handmade and homegrown"}</Title>
      <Muted>
        Sarees and kurtas from weaver families, pottery and décor from artisan workshops across India.
      </Muted>
      {status === "signedOut" ? (
        <Row>
          <Button label="Create account" onPress={() => router.push("/sign-up")} />
          <Button label="Sign in" kind="secondary" onPress={() => router.push("/sign-in")} />
        </Row>
      ) : null}
      {failed && !newest.data ? <ErrorState error={failed} onRetry={refetch} /> : null}
      <Heading>Shop by category</Heading>
      {categories.isPending ? (
        <Loading />
      ) : (
        <Row>
          {categories.data?.map((c) => (
            <Chip
              key={c.id}
              label={c.name}
              onPress={() => router.push(`/category/${c.slug}`)}
              testID="category"
            />
          ))}
        </Row>
      )}
      {featured.data && featured.data.items.length > 0 ? (
        <>
          <Heading>Featured</Heading>
          <Grid products={featured.data.items} testID="featured" />
        </>
      ) : null}
      <Heading>New arrivals</Heading>
      {newest.isPending ? (
        <Loading />
      ) : newest.data && newest.data.items.length > 0 ? (
        <Grid products={newest.data.items} testID="newest" />
      ) : newest.data ? (
        <Empty title="No products yet" />
      ) : null}
    </Screen>
  );
}
