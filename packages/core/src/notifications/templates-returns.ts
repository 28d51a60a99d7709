import { both, type P, type Rendered, rupees, str } from "./template-kit";

const REASONS: Record<string, string> = {
  damaged: "damaged",
  defective: "defective",
  wrong_item: "wrong item",
  not_as_described: "not as described",
  size_fit: "size or fit",
  no_longer_needed: "no longer needed",
};
const reasons = (p: P) =>
  str(p, "reasons")
    .split(", ")
    .map((r) => REASONS[r] ?? r)
    .join(", ");
/** Where a refund goes, as the buyer reads it. */
const where = (p: P) =>
  str(p, "how") === "original" ? "your original payment method" : str(p, "how") || "your account";

/** Emails of the returns domain. */
export const returnTemplates = {
  return_requested: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} requested`,
      "A buyer wants to return items",
      [
        `Hi ${str(p, "name")},`,
        `A buyer asked to return ${str(p, "units")} unit(s) of order ${str(p, "orderNumber")} (${reasons(p)}).`,
        "Approve or reject it (with a reason) from your returns board.",
      ],
      { label: "Review the return", url: str(p, "url") },
    ),
  return_cancelled: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} withdrawn`,
      "The buyer withdrew a return",
      [`Hi ${str(p, "name")},`, `The buyer withdrew return ${str(p, "number")}; nothing is coming back.`],
      { label: "See the return", url: str(p, "url") },
    ),
  return_escalated: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} escalated to Bazaar`,
      "A rejected return was escalated",
      [
        `Hi ${str(p, "name")},`,
        `The buyer asked Bazaar to review your rejection of return ${str(p, "number")}:`,
        str(p, "note"),
        "Our team will decide and tell you both.",
      ],
      { label: "See the return", url: str(p, "url") },
    ),
  return_approved: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} approved`,
      "Your return is approved",
      [
        `Hi ${str(p, "name")},`,
        `The seller approved return ${str(p, "number")}. Send the items back; your refund is booked as soon as the seller receives them.`,
      ],
      { label: "See your return", url: str(p, "url") },
    ),
  return_rejected: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} rejected`,
      "Your return was rejected",
      [
        `Hi ${str(p, "name")},`,
        `The seller rejected return ${str(p, "number")}: ${str(p, "reason")}`,
        ...(str(p, "escalateUntil")
          ? [`If you disagree, you can ask Bazaar to decide until ${str(p, "escalateUntil")}.`]
          : []),
      ],
      { label: "See your return", url: str(p, "url") },
    ),
  return_decided: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")}: Bazaar ${str(p, "decision") === "approved" ? "approved" : "rejected"} it`,
      "Bazaar decided an escalated return",
      [
        `Hi ${str(p, "name")},`,
        str(p, "decision") === "approved"
          ? `Bazaar approved return ${str(p, "number")}: the items go back to the seller and the refund follows on receipt.`
          : `Bazaar rejected return ${str(p, "number")}. This decision is final.`,
        `Note from the Bazaar team: ${str(p, "note")}`,
      ],
      { label: "See the return", url: str(p, "url") },
    ),
  return_received: (p: P): Rendered =>
    both(
      `Return ${str(p, "number")} received`,
      "The seller received your return",
      [
        `Hi ${str(p, "name")},`,
        Number(p.amount ?? 0) > 0
          ? `The seller received return ${str(p, "number")}. ${rupees(p, "amount")} is on its way to ${where(p)}.`
          : `The seller received return ${str(p, "number")}.`,
      ],
      { label: "See your return", url: str(p, "url") },
    ),
  return_refunded: (p: P): Rendered =>
    both(
      `Refund of ${rupees(p, "amount")} for return ${str(p, "number")}`,
      "Your return is refunded",
      [
        `Hi ${str(p, "name")},`,
        `We refunded ${rupees(p, "amount")} for return ${str(p, "number")} to ${where(p)}.`,
        ...(str(p, "reference") ? [`Payment reference: ${str(p, "reference")}`] : []),
        ...(str(p, "how") === "original" ? ["Banks usually show it within 5–7 working days."] : []),
      ],
      { label: "See your return", url: str(p, "url") },
    ),
} satisfies Record<string, (p: P) => Rendered>;
