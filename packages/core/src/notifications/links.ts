/**
 * Paths inside each web app that notifications link to. One place, so a route that moves in
 * an app moves here once. A notification's link is always a path in the recipient's own app.
 */
export const customerLinks = {
  order: (orderId: string) => `/orders/${orderId}`,
  return: (returnId: string) => `/returns/${returnId}`,
  product: (slug: string) => `/p/${slug}`,
  account: () => "/account",
};

export const sellerLinks = {
  // The seller app has no page per sub-order yet (its `*` route sends /orders/<id> to the
  // dashboard): the link opens the orders board and names the part for a page that wants it.
  subOrder: (subOrderId: string) => `/orders?order=${subOrderId}`,
  return: (returnId: string) => `/returns/${returnId}`,
  product: (productId: string) => `/products/${productId}`,
  questions: () => "/questions",
  payouts: () => "/payouts",
  shop: () => "/shop",
};

// One formatter for every call: `toLocaleString` with options builds a new ICU formatter
// each time (~25 µs here; three per order placed, one per notice), this formats the same text.
const rupees = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money in a notification's text: integer paise as "Rs. 1,234.50". */
export const inr = (paise: number) => `Rs. ${rupees.format(paise / 100)}`;
