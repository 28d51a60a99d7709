import { orderItems, orders, subOrders, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { taxIncluded } from "./gst";
import { type InvoiceSnapshot, renderInvoicePdf } from "./render-invoice-pdf";

/** Who asks for an invoice: its buyer, its seller (with `sellerId`), or an admin. */
export type InvoiceViewer = Actor & { sellerId?: string | null };

/**
 * The GST invoice of one sub-order as a PDF, for its buyer, its seller and admins only;
 * anyone else is told it does not exist. Issued once the sub-order is confirmed (paid, or
 * accepted for cash on delivery), from the prices, addresses and seller details frozen at
 * checkout.
 */
export async function invoicePdf(
  deps: Pick<Deps, "db">,
  viewer: InvoiceViewer,
  subOrderId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const [row] = await deps.db
    .select({ sub: subOrders, order: orders, customerName: users.name })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .innerJoin(users, eq(users.id, orders.customerId))
    .where(eq(subOrders.id, subOrderId));
  const allowed =
    row &&
    (viewer.role === "admin" ||
      (viewer.role === "customer" && row.order.customerId === viewer.userId) ||
      (viewer.role === "seller" && viewer.sellerId === row.sub.sellerId));
  if (!row || !allowed) throw notFound("invoice.not_found", "Invoice not found");
  if (!row.sub.invoiceNumber)
    throw invalidState("invoice.not_ready", "The invoice is issued once the order is confirmed");
  const items = await deps.db.select().from(orderItems).where(eq(orderItems.subOrderId, subOrderId));
  const lines = items.map((i) => {
    const gross = i.qty * i.unitPrice;
    const discount = i.itemDiscount + i.couponDiscount;
    const tax = taxIncluded(gross - discount, i.gstRateBps);
    return {
      description: i.variantLabel ? `${i.title} (${i.variantLabel})` : i.title,
      hsn: i.hsnCode,
      qty: i.qty,
      unitPricePaise: i.unitPrice,
      discountPaise: discount,
      taxablePaise: gross - discount - tax,
      gstRateBps: i.gstRateBps,
      taxPaise: tax,
    };
  });
  const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
  const address = row.order.shippingAddress;
  const invoice: InvoiceSnapshot = {
    invoiceNumber: row.sub.invoiceNumber,
    invoiceDate: row.sub.createdAt,
    orderNumber: row.order.number,
    subOrderNumber: row.sub.number,
    supplier: {
      name: row.sub.seller.shopName,
      address: row.sub.seller.address,
      gstin: row.sub.seller.gstin,
      pan: row.sub.seller.pan,
    },
    recipient: {
      name: address.name,
      phone: address.phone,
      billingAddress: address,
      shippingAddress: address,
    },
    placeOfSupply: address.state,
    lines,
    shippingPaise: row.sub.shipping,
    totals: {
      grossPaise: sum((l) => l.qty * l.unitPricePaise),
      discountPaise: sum((l) => l.discountPaise),
      taxablePaise: sum((l) => l.taxablePaise),
      taxPaise: sum((l) => l.taxPaise),
      totalPaise: sum((l) => l.taxablePaise + l.taxPaise) + row.sub.shipping,
    },
  };
  return { filename: `${row.sub.invoiceNumber}.pdf`, pdf: await renderInvoicePdf(invoice) };
}
