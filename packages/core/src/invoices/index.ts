export { rupeesInWords } from "./amount-in-words";
export {
  GST_STATE_CODES,
  type GstSplit,
  gstinCheckChar,
  resolveState,
  type StateName,
  splitGst,
  stateCode,
  taxIncluded,
  validateGstin,
} from "./gst";
export { type InvoiceViewer, invoicePdf } from "./invoice-pdf";
export {
  formatInr,
  type InvoiceAddress,
  type InvoiceLine,
  type InvoiceSnapshot,
  invoiceProblems,
  renderInvoicePdf,
} from "./render-invoice-pdf";
