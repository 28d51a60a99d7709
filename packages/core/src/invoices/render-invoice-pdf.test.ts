import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { rupeesInWords } from "./amount-in-words";
import { taxIncluded } from "./gst";
import {
  formatInr,
  type InvoiceLine,
  type InvoiceSnapshot,
  invoiceProblems,
  renderInvoicePdf,
} from "./render-invoice-pdf";

function line(
  description: string,
  hsn: string | null,
  qty: number,
  unit: number,
  discount: number,
  rateBps: number,
) {
  const value = qty * unit - discount;
  const tax = taxIncluded(value, rateBps);
  return {
    description,
    hsn,
    qty,
    unitPricePaise: unit,
    discountPaise: discount,
    taxablePaise: value - tax,
    gstRateBps: rateBps,
    taxPaise: tax,
  } satisfies InvoiceLine;
}

function invoice(lines: InvoiceLine[], over: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot {
  const shippingPaise = over.shippingPaise ?? 4_900;
  const sum = (f: (l: InvoiceLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  const taxablePaise = sum((l) => l.taxablePaise);
  const taxPaise = sum((l) => l.taxPaise);
  return {
    invoiceNumber: "INV-KA-2026-000123",
    invoiceDate: new Date("2026-03-12T20:30:00Z"), // 13 Mar in India
    orderNumber: "BZ-260312-7QX4",
    subOrderNumber: "BZ-260312-7QX4-1",
    supplier: {
      name: "Kaveri Handlooms",
      legalName: "Kaveri Handlooms LLP",
      address: { line1: "12 Chickpet Main Road", city: "Bengaluru", state: "Karnataka", pincode: "560053" },
      gstin: "29AAGCB7383J1Z4",
      pan: "AAGCB7383J",
    },
    recipient: {
      name: "Asha Rao",
      phone: "+919845012345",
      billingAddress: {
        line1: "Flat 4B, Lake View Apartments",
        line2: "HSR Layout",
        landmark: null,
        city: "Bengaluru",
        state: "Karnataka",
        pincode: "560102",
      },
      shippingAddress: {
        line1: "Flat 4B, Lake View Apartments",
        line2: "HSR Layout",
        city: "Bengaluru",
        state: "Karnataka",
        pincode: "560102",
      },
    },
    placeOfSupply: "Karnataka",
    lines,
    shippingPaise,
    totals: {
      grossPaise: sum((l) => l.qty * l.unitPricePaise),
      discountPaise: sum((l) => l.discountPaise),
      taxablePaise,
      taxPaise,
      totalPaise: taxablePaise + taxPaise + shippingPaise,
    },
    ...over,
  };
}

const twoLines = [
  line("Cotton saree, indigo, 6.3 m", "5208", 2, 1_249_900, 50_000, 500),
  line("Brass diya (set of 4)", "7418", 1, 89_900, 0, 1800),
];

/**
 * The text a PDF's content streams draw. pdfkit writes standard-font text as hex strings
 * inside TJ arrays, split wherever kerning applies, so the bytes never hold it verbatim.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const shown: string[] = [];
  for (const [, body] of raw.matchAll(/\[([^\]]*)\] TJ/g)) {
    let s = "";
    for (const [, hex] of body!.matchAll(/<([0-9a-fA-F]*)>/g))
      s += Buffer.from(hex!, "hex").toString("latin1");
    shown.push(s);
  }
  return shown.join(" ").replace(/\s+/g, " ");
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe("formatInr", () => {
  it.each([
    [0, "Rs. 0.00"],
    [1, "Rs. 0.01"],
    [99, "Rs. 0.99"],
    [100, "Rs. 1.00"],
    [99_999, "Rs. 999.99"],
    [100_000, "Rs. 1,000.00"],
    [123_456, "Rs. 1,234.56"],
    [9_999_999, "Rs. 99,999.99"],
    [10_000_000, "Rs. 1,00,000.00"],
    [12_345_678, "Rs. 1,23,456.78"],
    [123_456_789, "Rs. 12,34,567.89"],
    [1_000_000_000, "Rs. 1,00,00,000.00"],
    [999_999_999_999, "Rs. 9,99,99,99,999.99"],
    [Number.MAX_SAFE_INTEGER, "Rs. 9,00,71,99,25,47,409.91"],
    [-5, "-Rs. 0.05"],
    [-12_345_678, "-Rs. 1,23,456.78"],
  ])("%i → %s", (paise, text) => {
    expect(formatInr(paise)).toBe(text);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s", (bad) => {
    expect(() => formatInr(bad)).toThrow(/Amount must be a whole number of paise/);
  });
});

describe("renderInvoicePdf", () => {
  it("renders an intra-state invoice with CGST and SGST at half the rate", async () => {
    const pdf = await renderInvoicePdf(invoice(twoLines), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    const text = pdfText(pdf);
    for (const s of [
      "Tax Invoice",
      "INV-KA-2026-000123",
      "13 Mar 2026",
      "BZ-260312-7QX4-1",
      "Kaveri Handlooms",
      "GSTIN: 29AAGCB7383J1Z4",
      "PAN: AAGCB7383J",
      "Asha Rao",
      "Phone: +919845012345",
      "Place of supply: Karnataka (29)",
      "5208",
      "7418",
      "CGST",
      "SGST",
      "@ 2.5%", // half of 5%
      "@ 9%", // half of 18%
      "24,498.00", // line 1: 2 × 12,499.00 − 500.00
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain("IGST");
    // 24,498.00 + 899.00 + 49.00 shipping
    expect(text).toContain("Total Rs. 25,446.00");
    expect(text).toContain("Rupees Twenty-Five Thousand Four Hundred Forty-Six Only");
    expect(text).toContain("Prices are inclusive of GST");
    expect(text).toContain("Page 1 of 1");
    expect(pageCount(pdf)).toBe(1);
  });

  it("shows the split the line taxes add up to, the odd paisa on CGST", async () => {
    const odd = [line("Notebook", "4820", 1, 10_001, 0, 1800), line("Pen", "9608", 1, 1_001, 0, 1800)];
    // 10,001 → tax 1,526 (763 + 763); 1,001 → tax 153 (77 + 76)
    expect(odd.map((l) => l.taxPaise)).toEqual([1526, 153]);
    const text = pdfText(await renderInvoicePdf(invoice(odd), { compress: false }));
    expect(text).toMatch(/CGST Rs\. 8\.40/);
    expect(text).toMatch(/SGST Rs\. 8\.39/);
  });

  it("renders IGST at the full rate when the place of supply is another state", async () => {
    const inter = invoice(twoLines, {
      placeOfSupply: "Maharashtra",
      recipient: {
        ...invoice(twoLines).recipient,
        shippingAddress: {
          line1: "22 Linking Road",
          city: "Mumbai",
          state: "Maharashtra",
          pincode: "400050",
        },
      },
    });
    const text = pdfText(await renderInvoicePdf(inter, { compress: false }));
    expect(text).toContain("IGST");
    expect(text).toContain("@ 5%");
    expect(text).toContain("@ 18%");
    expect(text).toContain("Place of supply: Maharashtra (27)");
    expect(text).toContain("inter-state");
    expect(text).not.toContain("CGST");
    expect(text).not.toContain("SGST");
  });

  it("names UTGST for a supplier in a union territory without a legislature", async () => {
    const ut = invoice(twoLines, {
      supplier: {
        name: "Sector 17 Crafts",
        address: { line1: "SCO 44", city: "Chandigarh", state: "Chandigarh", pincode: "160017" },
      },
      placeOfSupply: "04",
    });
    const text = pdfText(await renderInvoicePdf(ut, { compress: false }));
    expect(text).toContain("UTGST");
    expect(text).toContain("CGST");
    expect(text).not.toMatch(/[^T]SGST/);
    expect(text).not.toContain("GSTIN: ");
  });

  it("paginates a long invoice, repeating the table header", async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      line(
        `Handloom cotton towel, design ${i + 1}`,
        "6302",
        1 + (i % 3),
        34_900 + i * 100,
        i % 5 ? 0 : 1_000,
        1200,
      ),
    );
    const pdf = await renderInvoicePdf(invoice(lines), { compress: false });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.match(/Taxable value/g)!.length).toBeGreaterThanOrEqual(pages);
    expect(text).toContain("design 60");
    expect(text).toContain(rupeesInWords(invoice(lines).totals.totalPaise));
  });

  it("is deterministic, with the invoice date as the PDF's creation date", async () => {
    const a = await renderInvoicePdf(invoice(twoLines), { compress: false });
    const b = await renderInvoicePdf(invoice(twoLines), { compress: false });
    expect(a.equals(b)).toBe(true);
    // pdfkit writes the info dates as indirect objects: the literal is there, its key elsewhere.
    expect(a.toString("latin1")).toContain("(D:20260312203000Z)");
    const c1 = await renderInvoicePdf(invoice(twoLines));
    const c2 = await renderInvoicePdf(invoice(twoLines));
    expect(c1.equals(c2)).toBe(true);
    expect(c1.length).toBeLessThan(a.length);
  });

  it("draws characters the standard fonts lack as ? instead of garbling the line", async () => {
    const inv = invoice([line("कुर्ता ₹ Café — “quoted”", null, 1, 50_000, 0, 500)]);
    const text = pdfText(await renderInvoicePdf(inv, { compress: false }));
    // Six Devanagari code points, then the rest of the line intact (é is in WinAnsi).
    expect(text).toContain("?????? Rs. Café");
    expect(text).toContain("quoted");
  });

  it("refuses a snapshot whose figures do not add up", async () => {
    const good = invoice(twoLines);
    const cases: [string, InvoiceSnapshot][] = [
      ["line", { ...good, lines: [{ ...twoLines[0]!, taxPaise: twoLines[0]!.taxPaise + 1 }, twoLines[1]!] }],
      ["total", { ...good, totals: { ...good.totals, totalPaise: good.totals.totalPaise + 1 } }],
      ["tax", { ...good, totals: { ...good.totals, taxPaise: good.totals.taxPaise - 1 } }],
      ["empty", invoice([])],
      ["state", { ...good, placeOfSupply: "Atlantis" }],
      ["gstin", { ...good, supplier: { ...good.supplier, gstin: "27AAPFU0939F1ZV" } }],
    ];
    expect(invoiceProblems(good)).toEqual([]);
    for (const [name, bad] of cases) {
      expect(invoiceProblems(bad).length, name).toBeGreaterThan(0);
      const err = await renderInvoicePdf(bad).catch((e: unknown) => e);
      expect(isDomainError(err) && err.reason, name).toBe("invoice.inconsistent");
    }
  });
});
