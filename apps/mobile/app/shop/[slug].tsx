import { useTRPC } from "@bazaar/client";
import { formatLongDate } from "@bazaar/client/format";
import { useQuery } from "@tanstack/react-query";
import { Stack, useLocalSearchParams } from "expo-router";
import { View } from "react-native";
import { Listing } from "../../src/listing";
import { Body, ErrorState, Loading, Muted, Title } from "../../src/ui";

/** A shop: who they are, their rating, and everything they sell. */
export default function Shop() {
  const { slug } = useLocalSearchParams<{ slug: string }>();
  const trpc = useTRPC();
  const shop = useQuery(trpc.shops.bySlug.queryOptions({ slug }));
  if (shop.isPending) return <Loading />;
  if (shop.error) return <ErrorState error={shop.error} onRetry={() => void shop.refetch()} />;
  const s = shop.data;
  return (
    <>
      <Stack.Screen options={{ title: s.shopName }} />
      <Listing
        fixed={{ seller: s.slug }}
        header={
          <View style={{ gap: 4 }} testID="shop">
            <Title>{s.shopName}</Title>
            <Muted>
              {s.ratingCount > 0 ? `★ ${s.ratingAvg.toFixed(1)} (${s.ratingCount} ratings) · ` : ""}
              {s.productCount} products · selling since {formatLongDate(s.since)}
            </Muted>
            {s.description ? <Body>{s.description}</Body> : null}
          </View>
        }
      />
    </>
  );
}
