import type { CartMergeReport } from "@bazaar/schemas";

/** What the app says after sign-in merged the guest cart into the customer's. */
export function mergeMessage(r: CartMergeReport): string | null {
  const moved = r.linesAdded + r.linesCombined;
  if (moved === 0 && r.capped.length === 0) return null;
  const parts = [
    `We added ${moved} item${moved === 1 ? "" : "s"} from your guest cart to your cart.`,
    ...r.capped.map((c) => `${c.title}: kept ${c.kept} of ${c.requested} (that is all we can sell you).`),
  ];
  return parts.join(" ");
}
