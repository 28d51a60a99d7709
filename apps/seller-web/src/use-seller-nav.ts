import type { NavItem } from "@bazaar/ui";
import { withCount } from "./nav-counts";
import { useNavWaiting } from "./use-waiting";

/** The seller's nav, with returns to decide and questions not answered yet beside their links. */
export function useSellerNav(enabled: boolean): NavItem[] {
  const waiting = useNavWaiting(enabled);
  return [
    { to: "/", label: "Dashboard", end: true },
    { to: "/orders", label: "Orders" },
    { to: "/returns", label: withCount("Returns", waiting.toDecide.data) },
    { to: "/products", label: "Products" },
    { to: "/reviews", label: "Reviews" },
    { to: "/questions", label: withCount("Questions", waiting.openQuestions.data) },
    { to: "/sales", label: "Sales" },
    { to: "/coupons", label: "Coupons" },
    { to: "/analytics", label: "Analytics" },
    { to: "/earnings", label: "Earnings" },
    { to: "/payouts", label: "Payouts" },
    { to: "/statements", label: "Statements" },
    { to: "/shop", label: "Shop profile" },
  ];
}
