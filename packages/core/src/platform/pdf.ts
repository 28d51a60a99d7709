import { createRequire } from "node:module";
import type PDFKitDocument from "pdfkit";

const load = createRequire(import.meta.url);

/**
 * A new pdfkit document. pdfkit (with its fonts, inflated when it loads) is required on the
 * first PDF, not at every start of every process: ~12 MB of RSS and ~0.2 s of start-up.
 */
export function pdfDocument(options?: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const PDFDocument = load("pdfkit") as typeof PDFKitDocument;
  return new PDFDocument(options);
}
