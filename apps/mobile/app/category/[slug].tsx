import { useTRPC } from "@bazaar/client";
import type { CategoryNode } from "@bazaar/schemas";
import { useQuery } from "@tanstack/react-query";
import { Stack, useLocalSearchParams } from "expo-router";
import { Listing } from "../../src/listing";
import { Title } from "../../src/ui";

const find = (nodes: CategoryNode[], slug: string): CategoryNode | undefined => {
  for (const n of nodes) {
    if (n.slug === slug) return n;
    const below = find(n.children, slug);
    if (below) return below;
  }
  return undefined;
};

export default function Category() {
  const { slug } = useLocalSearchParams<{ slug: string }>();
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const name = find(categories.data ?? [], slug)?.name ?? "";
  return (
    <>
      <Stack.Screen options={{ title: name || "Category" }} />
      <Listing fixed={{ category: slug }} header={name ? <Title>{name}</Title> : null} />
    </>
  );
}
