import type { StatementDto } from "@bazaar/schemas";
import { stringify } from "csv-stringify/sync";
import { pdfDocument } from "../platform/pdf";

/** 12345678 → "1,23,456.78": Indian digit grouping, as statements in India print money. */
export function inr(paise: number): string {
  const abs = Math.abs(paise);
  const rupees = String(Math.floor(abs / 100));
  const head = rupees.slice(0, -3);
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+$)/g, ",")},${rupees.slice(-3)}` : rupees;
  return `${paise < 0 ? "-" : ""}${grouped}.${String(abs % 100).padStart(2, "0")}`;
}

/** A date and time as seen in India: "07 Dec 2026 14:05". */
export function istDateTime(d: Date): string {
  const ist = new Date(d.getTime() + 330 * 60_000).toISOString();
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${ist.slice(8, 10)} ${months[Number(ist.slice(5, 7)) - 1]} ${ist.slice(0, 4)} ${ist.slice(11, 16)}`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula: text
 * the seller or a buyer wrote (a shop name, a reason) is prefixed with an apostrophe.
 * Amounts are written as plain numbers and never pass through here.
 */
export const cellText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const rupeeNumber = (paise: number) => (paise / 100).toFixed(2);

/** The statement as CSV: a header block, then one row per line, amounts in rupees. */
export function statementCsv(s: StatementDto): string {
  const rows: (string | number)[][] = [
    ["Statement", cellText(s.shopName), s.month],
    ["Opening balance", "", rupeeNumber(s.opening)],
    ["Credits", "", rupeeNumber(s.credits)],
    ["Debits", "", rupeeNumber(s.debits)],
    ["Closing balance", "", rupeeNumber(s.closing)],
    [],
    ["Date (IST)", "Kind", "Description", "Reference", "Credit (INR)", "Debit (INR)", "Balance (INR)"],
    ...s.lines.map((l) => [
      istDateTime(l.at),
      l.kind,
      cellText(l.description),
      l.reference ?? "",
      l.credit ? rupeeNumber(l.credit) : "",
      l.debit ? rupeeNumber(l.debit) : "",
      rupeeNumber(l.balance),
    ]),
  ];
  return stringify(rows, { record_delimiter: "\r\n" });
}

/** The standard PDF fonts cover WinAnsi only: other characters become "?" rather than garbling the line. */
const pdfSafe = (t: string) =>
  [...t.replace(/\u20b9/g, "Rs. ").normalize("NFC")]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      return c < 0x20 || c === 0x7f ? " " : c < 0x7f || (c >= 0xa0 && c <= 0xff) ? ch : "?";
    })
    .join("");

/** The statement as an A4 PDF: summary, then the lines with a running balance. */
export function statementPdf(s: StatementDto): Promise<Buffer> {
  const doc = pdfDocument({
    size: "A4",
    margin: 40,
    info: { Title: pdfSafe(`Statement ${s.month} ${s.shopName}`), Creator: "Bazaar", Producer: "Bazaar" },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = 40;
  doc.font("Helvetica-Bold").fontSize(16).text("Bazaar seller statement", left, 40);
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(pdfSafe(`${s.shopName} - ${s.month} (India time)`));
  doc.moveDown();
  const summary: [string, number][] = [
    ["Opening balance", s.opening],
    ["Credits", s.credits],
    ["Debits", s.debits],
    ["Closing balance", s.closing],
    ["  of which pending", s.closingBuckets.pending],
    ["  of which available", s.closingBuckets.available],
    ["  of which in payout", s.closingBuckets.inPayout],
  ];
  for (const [label, v] of summary) {
    const y = doc.y;
    doc.text(label, left, y, { width: 200 });
    doc.text(`Rs. ${inr(v)}`, left + 200, y, { width: 120, align: "right" });
  }
  doc.moveDown();
  const cols = [
    { label: "Date (IST)", w: 80 },
    { label: "Description", w: 200 },
    { label: "Reference", w: 75 },
    { label: "Credit", w: 55 },
    { label: "Debit", w: 55 },
    { label: "Balance", w: 50 },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > 780) doc.addPage();
    const y = doc.y;
    let x = left;
    let h = 0;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    cells.forEach((c, i) => {
      const col = cols[i]!;
      const opts = { width: col.w - 4, align: i >= 3 ? ("right" as const) : ("left" as const) };
      doc.text(pdfSafe(c), x, y, opts);
      h = Math.max(h, doc.heightOfString(pdfSafe(c), opts));
      x += col.w;
    });
    doc.y = y + h + 3;
  };
  row(
    cols.map((c) => c.label),
    true,
  );
  for (const l of s.lines)
    row([
      istDateTime(l.at),
      l.description,
      l.reference ?? "",
      l.credit ? inr(l.credit) : "",
      l.debit ? inr(l.debit) : "",
      inr(l.balance),
    ]);
  if (!s.lines.length) row(["", "No money moved this month.", "", "", "", ""]);
  doc.end();
  return done;
}
