import { useTRPC } from "@bazaar/client";
import type { NavItem } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { withCount } from "./nav-counts";

const WAITING = { limit: 20 } as const;

/**
 * The seller's nav, with what waits on them beside Returns (requests to decide) and Questions
 * (not answered yet). The pages' own mutations invalidate these lists, so the counts follow.
 */
export function useSellerNav(enabled: boolean): NavItem[] {
  const trpc = useTRPC();
  const opts = { enabled, staleTime: 60_000 };
  const returns = useQuery({
    ...trpc.seller.returns.list.queryOptions({ ...WAITING, status: "requested" }),
    ...opts,
  });
  const questions = useQuery({
    ...trpc.seller.questions.list.queryOptions({ ...WAITING, status: "open" }),
    ...opts,
  });
  return [
    { to: "/", label: "Dashboard", end: true },
    { to: "/orders", label: "Orders" },
    { to: "/returns", label: withCount("Returns", returns.data) },
    { to: "/products", label: "Products" },
    { to: "/reviews", label: "Reviews" },
    { to: "/questions", label: withCount("Questions", questions.data) },
    { to: "/sales", label: "Sales" },
    { to: "/coupons", label: "Coupons" },
    { to: "/shop", label: "Shop profile" },
  ];
}
