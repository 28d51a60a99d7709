import { labelWithCount, type NavItem } from "@bazaar/ui";
import { withCount } from "./nav-counts";
import { useNavWaiting } from "./use-waiting";

/**
 * The seller's nav, with returns to decide, questions not answered yet and unread messages
 * (live, from the shell's inbox stream) beside their links.
 */
export function useSellerNav(enabled: boolean, unreadMessages: number | null): NavItem[] {
  const waiting = useNavWaiting(enabled);
  return [
    { to: "/", label: "Dashboard", end: true },
    { to: "/orders", label: "Orders" },
    { to: "/messages", label: labelWithCount("Messages", unreadMessages) },
    { to: "/returns", label: withCount("Returns", waiting.toDecide.data) },
    { to: "/products", label: "Products" },
    { to: "/catalog-csv", label: "Import / export" },
    { to: "/reviews", label: "Reviews" },
    { to: "/questions", label: withCount("Questions", waiting.openQuestions.data) },
    { to: "/sales", label: "Sales" },
    { to: "/coupons", label: "Coupons" },
    { to: "/analytics", label: "Analytics" },
    { to: "/earnings", label: "Earnings" },
    { to: "/payouts", label: "Payouts" },
    { to: "/statements", label: "Statements" },
    { to: "/shop", label: "Shop profile" },
    { to: "/webhooks", label: "Webhooks" },
    { to: "/api-keys", label: "API keys" },
    { to: "/account/security", label: "Sign-in security" },
  ];
}
