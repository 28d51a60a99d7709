import { cartItems, type Database, products, productVariants, sellers } from "@bazaar/db";
import type { CheckoutSettings } from "@bazaar/schemas";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { runningSalePrice } from "../catalog";
import { invalidField, notFound } from "../errors";
import { effectiveUnitPrice } from "../pricing";

/** A variant as the cart may take it: on sale, from an open shop, at today's price. */
export async function findBuyableVariant(db: Database, variantId: string, now: Date) {
  const [row] = await db
    .select({
      id: productVariants.id,
      stock: productVariants.stock,
      price: productVariants.price,
      salePrice: sql<number | null>`${runningSalePrice(sql`${productVariants.id}`, now)}`,
      active: productVariants.active,
      productStatus: products.status,
      sellerStatus: sellers.status,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(eq(productVariants.id, variantId));
  if (!row?.active || row.productStatus !== "approved" || row.sellerStatus !== "approved")
    throw notFound("cart.variant_unavailable", "This item is not available");
  return { ...row, unitPrice: effectiveUnitPrice({ unitPrice: row.price, salePrice: row.salePrice }) };
}

/**
 * The limits a line's new quantity must meet, each with its own reason so the client can
 * say exactly what to change: the per-line cap, the per-order cap, and the stock.
 */
export async function checkQuantity(
  db: Database,
  input: { cartId: string; variantId: string; qty: number; stock: number; settings: CheckoutSettings },
) {
  const { qty, stock, settings } = input;
  if (qty > settings.maxQtyPerLine)
    throw invalidField(
      "qty",
      "cart.line_limit",
      `You can buy at most ${settings.maxQtyPerLine} of one item`,
      {
        max: settings.maxQtyPerLine,
      },
    );
  if (stock <= 0)
    throw invalidField("qty", "cart.out_of_stock", "This item is out of stock", { available: 0 });
  if (qty > stock)
    throw invalidField("qty", "cart.insufficient_stock", `Only ${stock} left in stock`, { available: stock });
  // Units in other lines that could be bought now; lines that cannot be bought do not count.
  const [others] = await db
    .select({ units: sql<number>`coalesce(sum(${cartItems.qty}), 0)::int` })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .where(
      and(
        eq(cartItems.cartId, input.cartId),
        ne(cartItems.variantId, input.variantId),
        eq(productVariants.active, true),
        gt(productVariants.stock, 0),
      ),
    );
  const units = (others?.units ?? 0) + qty;
  if (units > settings.maxUnitsPerOrder)
    throw invalidField(
      "qty",
      "cart.order_limit",
      `An order can hold at most ${settings.maxUnitsPerOrder} items`,
      {
        max: settings.maxUnitsPerOrder,
        inCart: units - qty,
      },
    );
}
