import { useLocalSearchParams } from "expo-router";
import { useMemo } from "react";
import { Listing } from "../../src/listing";

/** Search with suggestions as you type, filters, sort and endless scrolling. */
export default function Search() {
  const params = useLocalSearchParams<{ q?: string; category?: string }>();
  const initial = useMemo(() => ({ q: params.q, category: params.category }), [params.q, params.category]);
  return <Listing searchable initial={initial} />;
}
