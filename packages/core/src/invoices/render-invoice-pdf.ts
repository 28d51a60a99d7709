import { invalidState } from "../errors";
import { pdfDocument } from "../platform/pdf";
import { rupeesInWords } from "./amount-in-words";
import { GST_STATE_CODES, type GstSplit, resolveState, splitGst } from "./gst";

/** Structurally an order's address snapshot or a seller's pickup address, so either can be passed as is. */
export type InvoiceAddress = {
  line1: string;
  line2?: string | null;
  landmark?: string | null;
  city: string;
  /** A state or union territory, by name or GST code. */
  state: string;
  pincode: string;
};

export type InvoiceLine = {
  description: string;
  hsn: string | null;
  qty: number;
  /** Per unit, GST inclusive, before any discount. */
  unitPricePaise: number;
  /** Every discount on the line (sale price, coupon share), GST inclusive. */
  discountPaise: number;
  /** The value GST is levied on: `qty × unitPrice − discount − tax`. */
  taxablePaise: number;
  gstRateBps: number;
  /** The GST inside the line, normally `taxIncluded(qty × unitPrice − discount, gstRateBps)`. */
  taxPaise: number;
};

/**
 * Everything a tax invoice prints, frozen when the invoice is issued. All money is in
 * paise. The supplier's state for GST is its address's state; the place of supply decides
 * CGST + SGST (same state) or IGST (another state) for every line.
 */
export type InvoiceSnapshot = {
  invoiceNumber: string;
  invoiceDate: Date;
  orderNumber: string;
  subOrderNumber: string;
  supplier: {
    /** The shop name buyers know. */
    name: string;
    /** The registered name, when it differs from the shop name. */
    legalName?: string | null;
    address: InvoiceAddress;
    gstin?: string | null;
    pan?: string | null;
  };
  recipient: {
    name: string;
    phone: string;
    /** A business buyer's GSTIN, to claim input tax credit. */
    gstin?: string | null;
    billingAddress: InvoiceAddress;
    shippingAddress: InvoiceAddress;
  };
  /** State name or GST code; for goods delivered to the buyer, the shipping address's state. */
  placeOfSupply: string;
  lines: readonly InvoiceLine[];
  /** Charged on top of the goods; carries no GST, as in cart pricing. */
  shippingPaise: number;
  totals: {
    /** Σ qty × unit price. */
    grossPaise: number;
    /** Σ line discounts. */
    discountPaise: number;
    /** Σ line taxable values. */
    taxablePaise: number;
    /** Σ line tax. */
    taxPaise: number;
    /** taxable + tax + shipping: what the buyer pays for this sub-order. */
    totalPaise: number;
  };
};

/** Indian digit grouping (last three digits, then pairs): 12345678 → "1,23,456.78". */
function groupIndian(paise: number): string {
  if (!Number.isSafeInteger(paise))
    throw new RangeError(`Amount must be a whole number of paise, got ${paise}`);
  const abs = Math.abs(paise);
  const rupees = String(Math.floor(abs / 100));
  const head = rupees.slice(0, -3);
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+$)/g, ",")},${rupees.slice(-3)}` : rupees;
  return `${paise < 0 ? "-" : ""}${grouped}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * "Rs. 1,23,456.78". The standard PDF fonts have no ₹ glyph, and embedding a font for one
 * character is not worth it; "Rs." is the accepted written form.
 */
export function formatInr(paise: number): string {
  const s = groupIndian(paise);
  return s.startsWith("-") ? `-Rs. ${s.slice(1)}` : `Rs. ${s}`;
}

/**
 * What is wrong with a snapshot, as readable sentences; empty when it can be issued.
 * The renderer refuses a snapshot with problems, because a tax invoice whose figures do
 * not add up is worse than none; checkout can call this when it freezes the snapshot.
 */
export function invoiceProblems(invoice: InvoiceSnapshot): string[] {
  const problems: string[] = [];
  const money = (label: string, v: number) => {
    if (!Number.isSafeInteger(v) || v < 0)
      problems.push(`${label} must be a non-negative whole number of paise`);
  };
  for (const [label, v] of [
    ["invoiceNumber", invoice.invoiceNumber],
    ["orderNumber", invoice.orderNumber],
    ["subOrderNumber", invoice.subOrderNumber],
  ] as const)
    if (!v?.trim()) problems.push(`${label} is empty`);
  if (!(invoice.invoiceDate instanceof Date) || Number.isNaN(invoice.invoiceDate.getTime()))
    problems.push("invoiceDate is not a valid date");

  const supplierState = resolveState(invoice.supplier.address.state);
  if (!supplierState)
    problems.push(`supplier state "${invoice.supplier.address.state}" is not an Indian state`);
  if (!resolveState(invoice.placeOfSupply))
    problems.push(`place of supply "${invoice.placeOfSupply}" is not an Indian state`);
  const gstin = invoice.supplier.gstin;
  if (gstin && supplierState && gstin.slice(0, 2) !== GST_STATE_CODES[supplierState])
    problems.push(`supplier GSTIN ${gstin} is not registered in ${supplierState}`);

  if (invoice.lines.length === 0) problems.push("an invoice needs at least one line");
  const sum = { gross: 0, discount: 0, taxable: 0, tax: 0 };
  invoice.lines.forEach((l, i) => {
    const at = `line ${i + 1}`;
    if (!Number.isSafeInteger(l.qty) || l.qty < 1)
      problems.push(`${at}: qty must be a positive whole number`);
    if (!Number.isInteger(l.gstRateBps) || l.gstRateBps < 0 || l.gstRateBps > 10_000)
      problems.push(`${at}: gstRateBps must be whole basis points from 0 to 10000`);
    money(`${at}: unitPricePaise`, l.unitPricePaise);
    money(`${at}: discountPaise`, l.discountPaise);
    money(`${at}: taxablePaise`, l.taxablePaise);
    money(`${at}: taxPaise`, l.taxPaise);
    const gross = l.qty * l.unitPricePaise;
    if (l.discountPaise > gross) problems.push(`${at}: discount exceeds qty × unit price`);
    if (l.taxablePaise + l.taxPaise !== gross - l.discountPaise)
      problems.push(`${at}: taxable value + tax must equal qty × unit price − discount`);
    sum.gross += gross;
    sum.discount += l.discountPaise;
    sum.taxable += l.taxablePaise;
    sum.tax += l.taxPaise;
  });

  money("shippingPaise", invoice.shippingPaise);
  const t = invoice.totals;
  if (t.grossPaise !== sum.gross) problems.push("totals.grossPaise is not the sum of qty × unit price");
  if (t.discountPaise !== sum.discount)
    problems.push("totals.discountPaise is not the sum of line discounts");
  if (t.taxablePaise !== sum.taxable)
    problems.push("totals.taxablePaise is not the sum of line taxable values");
  if (t.taxPaise !== sum.tax) problems.push("totals.taxPaise is not the sum of line tax");
  if (t.totalPaise !== t.taxablePaise + t.taxPaise + invoice.shippingPaise)
    problems.push("totals.totalPaise is not taxable value + tax + shipping");
  return problems;
}

const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/**
 * Text the standard fonts can show. They only cover WinAnsi, and pdfkit writes any other
 * character as a malformed code that garbles the rest of the line, so such characters
 * become "?" (Indic scripts need an embedded Unicode font, which we do not ship yet).
 */
function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.replace(/\u20b9/g, "Rs.").normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (ch === "\n") out += ch;
    else if (c < 0x20 || c === 0x7f) out += " ";
    else if (c < 0x7f || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRAS.has(c)) out += ch;
    else out += "?";
  }
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The invoice date as seen in India, whatever the server's time zone. */
function formatIstDate(d: Date): string {
  const ist = new Date(d.getTime() + 330 * 60_000);
  return `${String(ist.getUTCDate()).padStart(2, "0")} ${MONTHS[ist.getUTCMonth()]} ${ist.getUTCFullYear()}`;
}

/** 1800 → "18%", 250 → "2.5%", 25 / 2 → "0.125%": display only, so a float is fine. */
const percent = (bps: number) => `${Number((bps / 100).toFixed(3))}%`;

function stateLabel(state: string): string {
  const name = resolveState(state);
  return name ? `${name} (${GST_STATE_CODES[name]})` : state;
}

function addressLines(a: InvoiceAddress): string[] {
  return [a.line1, a.line2, a.landmark, `${a.city} - ${a.pincode}`, `State: ${stateLabel(a.state)}`].filter(
    (l): l is string => !!l?.trim(),
  );
}

const MARGIN = 36;
const FOOTER = 22;
const PAD = 3;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

type Column = { key: string; title: string; width: number; align: "left" | "right" };

function columnsFor(split: GstSplit["kind"], stateTax: string, contentWidth: number): Column[] {
  const fixed: Column[] = [
    { key: "n", title: "#", width: 16, align: "right" },
    { key: "desc", title: "Description", width: 0, align: "left" },
    { key: "hsn", title: "HSN", width: 38, align: "left" },
    { key: "qty", title: "Qty", width: 24, align: "right" },
    { key: "unit", title: "Unit price", width: 54, align: "right" },
    { key: "disc", title: "Discount", width: 50, align: "right" },
    { key: "taxable", title: "Taxable value", width: 60, align: "right" },
    ...(split === "intra"
      ? [
          { key: "cgst", title: "CGST", width: 54, align: "right" } as const,
          { key: "sgst", title: stateTax, width: 54, align: "right" } as const,
        ]
      : [{ key: "igst", title: "IGST", width: 64, align: "right" } as const]),
    { key: "total", title: "Total", width: 60, align: "right" },
  ];
  const used = fixed.reduce((a, c) => a + c.width, 0);
  return fixed.map((c) => (c.key === "desc" ? { ...c, width: contentWidth - used } : c));
}

/** A page cursor over the document: where the next line goes, and the drawing helpers. */
type Canvas = {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  /** The top of the next thing drawn on the current page. */
  y: number;
  /** Draws text in a box and returns its height; callers keep it above the bottom so pdfkit never breaks a page itself. */
  put(
    text: string,
    x: number,
    top: number,
    w: number,
    o?: { font?: string; size?: number; align?: "left" | "right" | "center" },
  ): number;
  measure(text: string, w: number, font?: string, size?: number): number;
  rule(at: number, color?: string): void;
  /** Starts a new page if `height` does not fit on this one; says whether it did. */
  ensure(height: number): boolean;
};

/**
 * A GST tax invoice for one sub-order, A4. Lines flow onto as many pages as they need,
 * with the table header repeated and "Page n of m" on every page. The output depends only
 * on the snapshot (the PDF's dates and file id come from the invoice date), so the same
 * invoice renders to the same bytes. Throws `invoice.inconsistent` for a snapshot with
 * problems (see `invoiceProblems`).
 */
export function renderInvoicePdf(
  invoice: InvoiceSnapshot,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const problems = invoiceProblems(invoice);
  if (problems.length)
    return Promise.reject(
      invalidState("invoice.inconsistent", `Invoice ${invoice.invoiceNumber} cannot be issued`, { problems }),
    );

  const { doc, done } = openDocument(invoice, opts.compress ?? true);
  const c = canvasFor(doc);
  drawParticulars(c, invoice);
  drawParties(c, invoice);
  const tax = taxSplits(invoice);
  drawSupply(c, invoice, tax);
  drawLineItems(c, invoice, tax);
  drawTotals(c, invoice, tax);
  drawFooters(c, invoice);
  doc.end();
  return done;
}

function openDocument(invoice: InvoiceSnapshot, compress: boolean) {
  const doc = pdfDocument({
    size: "A4",
    margin: MARGIN,
    compress,
    bufferPages: true,
    info: {
      Title: pdfSafe(`Tax Invoice ${invoice.invoiceNumber}`),
      Author: pdfSafe(invoice.supplier.name),
      Subject: pdfSafe(`Order ${invoice.orderNumber}`),
      Creator: "Bazaar",
      Producer: "Bazaar",
      CreationDate: invoice.invoiceDate,
      ModDate: invoice.invoiceDate,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

function canvasFor(doc: PDFKit.PDFDocument): Canvas {
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  const c: Canvas = {
    doc,
    left: MARGIN,
    width: doc.page.width - 2 * MARGIN,
    y: MARGIN,
    put(text, x, top, w, o = {}) {
      const s = pdfSafe(text);
      doc.font(o.font ?? FONT).fontSize(o.size ?? 9);
      doc.text(s, x, top, { width: w, align: o.align ?? "left" });
      return doc.heightOfString(s, { width: w });
    },
    measure: (text, w, font = FONT, size = 9) =>
      doc.font(font).fontSize(size).heightOfString(pdfSafe(text), { width: w }),
    rule(at, color = "#999999") {
      doc
        .moveTo(c.left, at)
        .lineTo(c.left + c.width, at)
        .lineWidth(0.5)
        .strokeColor(color)
        .stroke();
    },
    ensure(height) {
      if (c.y + height > bottom()) {
        doc.addPage();
        c.y = MARGIN;
        return true;
      }
      return false;
    },
  };
  return c;
}

/** The heading, and the invoice and order numbers and date at the top right. */
function drawParticulars(c: Canvas, invoice: InvoiceSnapshot) {
  const { left, width } = c;
  c.put("Tax Invoice", left, c.y, 200, { font: BOLD, size: 18 });
  const meta: [string, string][] = [
    ["Invoice No.", invoice.invoiceNumber],
    ["Invoice date", formatIstDate(invoice.invoiceDate)],
    ["Order No.", invoice.orderNumber],
    ["Sub-order No.", invoice.subOrderNumber],
  ];
  let metaY = c.y;
  for (const [label, value] of meta) {
    c.put(label, left + width - 230, metaY, 80, { font: BOLD });
    metaY += c.put(value, left + width - 150, metaY, 150, { align: "right" }) + 2;
  }
  c.y = Math.max(metaY, c.y + 24) + 6;
  c.rule(c.y);
  c.y += 8;
}

/** Supplier, bill-to and ship-to side by side. */
function drawParties(c: Canvas, invoice: InvoiceSnapshot) {
  const { supplier, recipient } = invoice;
  const gap = 12;
  const colW = (c.width - 2 * gap) / 3;
  const parties: { title: string; name: string; lines: string[] }[] = [
    {
      title: "Sold by",
      name: supplier.name,
      lines: [
        ...(supplier.legalName && supplier.legalName !== supplier.name ? [supplier.legalName] : []),
        ...addressLines(supplier.address),
        ...(supplier.gstin ? [`GSTIN: ${supplier.gstin}`] : []),
        ...(supplier.pan ? [`PAN: ${supplier.pan}`] : []),
      ],
    },
    {
      title: "Bill to",
      name: recipient.name,
      lines: [
        ...addressLines(recipient.billingAddress),
        `Phone: ${recipient.phone}`,
        ...(recipient.gstin ? [`GSTIN: ${recipient.gstin}`] : []),
      ],
    },
    { title: "Ship to", name: recipient.name, lines: addressLines(recipient.shippingAddress) },
  ];
  let partiesBottom = c.y;
  parties.forEach((p, i) => {
    const x = c.left + i * (colW + gap);
    let py = c.y;
    py += c.put(p.title.toUpperCase(), x, py, colW, { font: BOLD, size: 8 }) + 2;
    py += c.put(p.name, x, py, colW, { font: BOLD, size: 10 }) + 1;
    for (const line of p.lines) py += c.put(line, x, py, colW);
    partiesBottom = Math.max(partiesBottom, py);
  });
  c.y = partiesBottom + 8;
}

type TaxSplits = { splits: GstSplit[]; kind: GstSplit["kind"]; stateTax: string };

/** Each line's GST split between the centre and the state, by where it is supplied. */
function taxSplits(invoice: InvoiceSnapshot): TaxSplits {
  const splits = invoice.lines.map((l) =>
    splitGst({
      taxPaise: l.taxPaise,
      supplierState: invoice.supplier.address.state,
      recipientState: invoice.placeOfSupply,
    }),
  );
  // One supplier and one place of supply: every line gets the same kind of split.
  const first = splits[0]!;
  return { splits, kind: first.kind, stateTax: first.kind === "intra" ? first.stateTax : "SGST" };
}

function drawSupply(c: Canvas, invoice: InvoiceSnapshot, { kind, stateTax }: TaxSplits) {
  c.y +=
    c.put(
      `Place of supply: ${stateLabel(invoice.placeOfSupply)}    Supply: ${
        kind === "intra" ? `intra-state (CGST + ${stateTax})` : "inter-state (IGST)"
      }    Reverse charge: No`,
      c.left,
      c.y,
      c.width,
    ) + 2;
  c.y += c.put("Amounts in Rs.", c.left, c.y, c.width, { size: 8, align: "right" }) + 2;
}

/** The line items table, its header repeated on every page it runs onto. */
function drawLineItems(c: Canvas, invoice: InvoiceSnapshot, { splits, kind, stateTax }: TaxSplits) {
  const columns = columnsFor(kind, stateTax, c.width);
  const header = () => {
    const h = Math.max(...columns.map((col) => c.measure(col.title, col.width - 2 * PAD, BOLD, 8))) + 2 * PAD;
    c.doc.rect(c.left, c.y, c.width, h).fillColor("#eeeeee").fill();
    c.doc.fillColor("black");
    let x = c.left;
    for (const col of columns) {
      c.put(col.title, x + PAD, c.y + PAD, col.width - 2 * PAD, { font: BOLD, size: 8, align: col.align });
      x += col.width;
    }
    c.y += h;
  };
  header();
  invoice.lines.forEach((l, i) => {
    const cells = lineCells(l, i, splits[i]!);
    const h =
      Math.max(...columns.map((col) => c.measure(cells[col.key] ?? "", col.width - 2 * PAD, FONT, 8))) +
      2 * PAD;
    if (c.ensure(h)) header();
    let x = c.left;
    for (const col of columns) {
      c.put(cells[col.key] ?? "", x + PAD, c.y + PAD, col.width - 2 * PAD, { size: 8, align: col.align });
      x += col.width;
    }
    c.y += h;
    c.rule(c.y, "#dddddd");
  });
  c.y += 8;
}

function lineCells(l: InvoiceLine, i: number, split: GstSplit): Record<string, string> {
  const taxCell = (amount: number, rateBps: number) => `${groupIndian(amount)}\n@ ${percent(rateBps)}`;
  return {
    n: String(i + 1),
    desc: l.description,
    hsn: l.hsn?.trim() || "-",
    qty: String(l.qty),
    unit: groupIndian(l.unitPricePaise),
    disc: groupIndian(l.discountPaise),
    taxable: groupIndian(l.taxablePaise),
    total: groupIndian(l.taxablePaise + l.taxPaise),
    ...(split.kind === "intra"
      ? { cgst: taxCell(split.cgst, l.gstRateBps / 2), sgst: taxCell(split.sgst, l.gstRateBps / 2) }
      : { igst: taxCell(split.igst, l.gstRateBps) }),
  };
}

/** Totals, the amount in words and the declarations, kept together on one page. */
function drawTotals(c: Canvas, invoice: InvoiceSnapshot, { splits, kind, stateTax }: TaxSplits) {
  const { left, width } = c;
  const t = invoice.totals;
  const taxRows: [string, number][] =
    kind === "intra"
      ? [
          ["CGST", splits.reduce((a, s) => a + (s.kind === "intra" ? s.cgst : 0), 0)],
          [stateTax, splits.reduce((a, s) => a + (s.kind === "intra" ? s.sgst : 0), 0)],
        ]
      : [["IGST", t.taxPaise]];
  const totalRows: [string, number][] = [
    ["Taxable value", t.taxablePaise],
    ...taxRows,
    ["Shipping", invoice.shippingPaise],
  ];
  const words = `Amount in words: ${rupeesInWords(t.totalPaise)}`;
  const notes = [
    "Prices are inclusive of GST.",
    ...(t.discountPaise
      ? [`Discounts of ${formatInr(t.discountPaise)} are already deducted from the lines.`]
      : []),
    "This is a computer-generated invoice.",
  ];
  const blockHeight =
    (totalRows.length + 1) * 14 +
    10 +
    c.measure(words, width, BOLD) +
    notes.reduce((a, n) => a + c.measure(n, width, FONT, 8) + 2, 0) +
    60;
  c.ensure(blockHeight);
  const labelX = left + width - 280;
  for (const [label, value] of totalRows) {
    c.put(label, labelX, c.y, 170);
    c.put(formatInr(value), labelX + 170, c.y, 110, { align: "right" });
    c.y += 14;
  }
  c.rule(c.y + 1);
  c.y += 5;
  c.put("Total", labelX, c.y, 170, { font: BOLD, size: 11 });
  c.put(formatInr(t.totalPaise), labelX + 130, c.y, 150, { font: BOLD, size: 11, align: "right" });
  c.y += 22;
  c.y += c.put(words, left, c.y, width, { font: BOLD }) + 6;
  for (const n of notes) c.y += c.put(n, left, c.y, width, { size: 8 }) + 2;
  c.y += 18;
  const { supplier } = invoice;
  c.put(`For ${supplier.legalName || supplier.name}`, left + width - 220, c.y, 220, { align: "right" });
  c.put("Authorised signatory", left + width - 220, c.y + 26, 220, { size: 8, align: "right" });
}

/**
 * Footers last, when the page count is known. The bottom margin is lifted while writing
 * them, or pdfkit would take text below it as overflow and add a page.
 */
function drawFooters(c: Canvas, invoice: InvoiceSnapshot) {
  const { doc, left, width } = c;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - MARGIN - 10;
    c.put(`Invoice ${invoice.invoiceNumber}`, left, fy, width / 2, { size: 8 });
    c.put(`Page ${i - range.start + 1} of ${range.count}`, left + width / 2, fy, width / 2, {
      size: 8,
      align: "right",
    });
    doc.page.margins.bottom = margin;
  }
}
