// When a seller may ask for a payout and how much: the form explains itself before the server
// has to refuse. The server decides (it locks the balance); these only say why ahead of time.
import { formatRupees } from "@bazaar/client/format";
import type { SellerBalancesDto } from "@bazaar/schemas";
import { parseRupees } from "@bazaar/ui";

type Balances = Pick<SellerBalancesDto, "available" | "minPayout" | "withdrawable" | "openPayoutId">;

/** Why the request form is disabled, or null when a payout may be asked for now. */
export function payoutBlockReason(b: Balances, openNumber?: string | null): string | null {
  if (b.openPayoutId)
    return `Your payout request${openNumber ? ` ${openNumber}` : ""} is still open. You can ask for another once it is paid or rejected.`;
  if (b.available < 0)
    return `Your available balance is ${formatRupees(b.available)} after a return; it is settled from your next sales before you can withdraw.`;
  if (b.available < b.minPayout)
    return `The smallest payout is ${formatRupees(b.minPayout)}; you have ${formatRupees(b.available)} available.`;
  if (b.withdrawable <= 0) return "Nothing can be withdrawn right now.";
  return null;
}

export type ParsedPayoutAmount = { ok: true; paise: number } | { ok: false; error: string };

/** The amount typed, in paise, between the minimum payout and what may be withdrawn. */
export function parsePayoutAmount(text: string, b: Balances): ParsedPayoutAmount {
  const parsed = parseRupees(text);
  if (!parsed.ok)
    return {
      ok: false,
      error: parsed.error.replace("a price", "an amount").replace("That price", "That amount"),
    };
  if (parsed.paise <= 0) return { ok: false, error: "Enter an amount more than zero" };
  if (parsed.paise < b.minPayout)
    return { ok: false, error: `The smallest payout is ${formatRupees(b.minPayout)}` };
  if (parsed.paise > b.withdrawable)
    return { ok: false, error: `You can withdraw at most ${formatRupees(b.withdrawable)}` };
  return { ok: true, paise: parsed.paise };
}
