import { both, type P, type Rendered, rupees, str } from "./template-kit";

/** Emails of payouts: the seller hears of each step of their withdrawal. */
export const payoutTemplates = {
  payout_requested: (p: P): Rendered =>
    both(
      `Payout ${str(p, "number")} requested`,
      "We received your payout request",
      [
        `Hi ${str(p, "name")},`,
        `You asked for ${rupees(p, "amount")} to be paid to your account ending ${str(p, "last4")} (payout ${str(p, "number")}).`,
        "Bazaar reviews requests every working day; we will write when it is approved and again when the money is sent.",
      ],
      { label: "See your payouts", url: str(p, "url") },
    ),
  payout_approved: (p: P): Rendered =>
    both(
      `Payout ${str(p, "number")} approved`,
      "Your payout is approved",
      [
        `Hi ${str(p, "name")},`,
        `Payout ${str(p, "number")} of ${rupees(p, "amount")} is approved and goes into the next bank transfer to your account ending ${str(p, "last4")}.`,
      ],
      { label: "See your payouts", url: str(p, "url") },
    ),
  payout_paid: (p: P): Rendered =>
    both(
      `Payout ${str(p, "number")} sent: ${rupees(p, "amount")}`,
      "Your payout is on its way",
      [
        `Hi ${str(p, "name")},`,
        `We sent ${rupees(p, "amount")} to your account ending ${str(p, "last4")}. The bank's reference (UTR) is ${str(p, "utr")}; quote it to your bank if the money has not arrived within a working day.`,
      ],
      { label: "See your payouts", url: str(p, "url") },
    ),
  payout_rejected: (p: P): Rendered =>
    both(
      `Payout ${str(p, "number")} was not approved`,
      "Your payout was not approved",
      [
        `Hi ${str(p, "name")},`,
        `Bazaar did not approve payout ${str(p, "number")} of ${rupees(p, "amount")}:`,
        str(p, "reason"),
        "The amount is back in your available balance; you may ask again.",
      ],
      { label: "See your payouts", url: str(p, "url") },
    ),
};
