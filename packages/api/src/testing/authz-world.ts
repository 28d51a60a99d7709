import { randomUUID } from "node:crypto";
import {
  type Actor,
  addCartItem,
  addToWishlist,
  adjustBalance,
  advanceSubOrder,
  answerQuestion,
  applyCoupon,
  approvePayout,
  approveProduct,
  approveReturn,
  archiveProduct,
  askQuestion,
  clearCart,
  createAddress,
  createCategory,
  createCoupon,
  createProduct,
  createReport,
  createReview,
  createSaleEvent,
  createShopForSeed,
  createVerifiedUser,
  customerChannel,
  escalateReturn,
  getCheckoutSettings,
  inboxChannel,
  markPayoutPaid,
  notificationChannel,
  placeOrder,
  receiveReturn,
  rejectReturn,
  replyToReview,
  requestPayout,
  requestReturn,
  type SellerActor,
  sellerChannel,
  sendMessage,
  shareWishlist,
  startConversation,
  submitProduct,
  suspendSeller,
} from "@bazaar/core";
import { signInForTest, type TestContext } from "@bazaar/core/testing";
import { media } from "@bazaar/db";
import type { CreateAddressInput, ProductStatus, SellerApplyInput } from "@bazaar/schemas";
import { createCaller } from "../root";
import { testHttp } from "./http";
import { signInViaApi } from "./sign-in";

/**
 * Who calls, in the authorization matrix. "customer" and "seller" own the objects every
 * input references (customer A's order, seller A's product); the others must not reach them.
 */
export const PERSONAS = [
  "anonymous",
  "customer",
  "otherCustomer",
  "seller",
  "otherSeller",
  "pendingSeller",
  "suspendedSeller",
  "admin",
] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedInPersona = Exclude<Persona, "anonymous">;
export type Tokens = Record<SignedInPersona, string>;

/** A value only some personas may ever read back; the matrix checks every answer for it. */
export type Marker = { label: string; value: string; visibleTo: Persona[] };

const PASSWORD = "pass-word-1";
const DAY = 24 * 3600 * 1000;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${randomUUID().slice(0, 6)}`;
const origin = { ip: "127.0.0.1", userAgent: "authz-matrix" };

const shopInput = (shopName: string, contactEmail: string): SellerApplyInput => ({
  shopName,
  contactEmail,
  contactPhone: "9829012345",
  pickupAddress: {
    name: "Asha Meena",
    phone: "9829012345",
    line1: "1 Amer Road",
    city: "Jaipur",
    state: "Rajasthan",
    pincode: "302002",
  },
  bankAccount: { holder: "Asha Meena", number: "123456789012", ifsc: "SBIN0031234" },
});

const addressInput: CreateAddressInput = {
  label: "Home",
  name: "Anita Rao",
  phone: "9876543210",
  line1: "42 Residency Road",
  city: "Bengaluru",
  state: "Karnataka",
  pincode: "560025",
};

/**
 * One marketplace with every kind of user and object the procedures take ids of, built
 * through the core use cases (so rows are what the product itself writes). Objects that a
 * procedure consumes (an order to cancel, a pending shop to approve) are not kept here:
 * `fresh` makes a new one for each test, so tests pass in any order.
 */
export async function buildAuthzWorld(t: TestContext) {
  const deps = t.deps;
  const actor = (userId: string, role: Actor["role"]): Actor => ({ userId, role, sessionId: randomUUID() });

  async function account(role: "customer" | "admin", name: string) {
    const email = `${unique(name.toLowerCase().replace(/ /g, "-"))}@example.com`;
    const user = await createVerifiedUser(deps, { email, name, password: PASSWORD, role });
    return { userId: user.id, email };
  }
  async function shop(owner: { userId: string; email: string }, status: "approved" | "pending") {
    const { seller } = await createShopForSeed(deps, {
      userId: owner.userId,
      status,
      ...shopInput(unique("Matrix Shop"), owner.email),
    });
    return { id: seller.id, slug: seller.slug };
  }

  const adminAccount = await account("admin", "Admin");
  const adminActor = actor(adminAccount.userId, "admin");
  const category = await createCategory(deps, adminActor, { name: "Matrix goods", slug: unique("matrix") });

  async function product(seller: SellerActor, status: ProductStatus = "approved", price = 50_000) {
    const p = await createProduct(deps, seller, {
      title: unique("Matrix product"),
      categoryId: category.id,
      hsnCode: "6109",
      variants: [{ sku: unique("SKU"), price, stock: 100_000 }],
    });
    if (status !== "draft") await submitProduct(deps, seller, { id: p.id });
    if (status === "approved" || status === "archived")
      await approveProduct(deps, adminActor, { productId: p.id });
    if (status === "archived") await archiveProduct(deps, seller, { id: p.id });
    return { id: p.id, slug: p.slug, variantId: p.variants[0]!.id, price };
  }

  // Seller A: the owner of every seller-side object the inputs name.
  const sellerAccount = await account("customer", "Seller A");
  const sellerShop = await shop(sellerAccount, "approved");
  const sellerActor: SellerActor = { ...actor(sellerAccount.userId, "seller"), sellerId: sellerShop.id };
  const listed = await product(sellerActor);
  const draft = await product(sellerActor, "draft");
  const onSale = await product(sellerActor);
  const upload = async (label: string) => {
    const key = `matrix/${unique(label)}.png`;
    const [row] = await deps.db
      .insert(media)
      .values({
        ownerId: sellerAccount.userId,
        storeKey: key,
        url: `/media/${key}`,
        contentType: "image/png",
        bytes: 9,
      })
      .returning();
    return row!.id;
  };
  const logoMediaId = await upload("logo");
  const imageMediaId = await upload("image");
  const coupon = await createCoupon(
    deps,
    sellerActor,
    { sellerId: sellerShop.id },
    { code: `SELLA${seq}`, kind: "percent", percentBps: 1000, productIds: [listed.id] },
  );
  // Sales stay within 24 days: the in-process queue's timers cannot wait longer.
  let saleSlot = 0;
  const saleWindow = () => {
    const startsAt = new Date(deps.now().getTime() + 5 * DAY + ++saleSlot * 3600 * 1000);
    return { startsAt, endsAt: new Date(startsAt.getTime() + 3000 * 1000) };
  };
  const sale = await createSaleEvent(deps, sellerActor, {
    name: "Matrix sale",
    ...saleWindow(),
    items: [{ variantId: onSale.variantId, salePrice: 40_000 }],
  });

  // Seller B, approved, with a catalogue of its own.
  const otherSellerAccount = await account("customer", "Seller B");
  const otherSellerShop = await shop(otherSellerAccount, "approved");
  const otherSellerActor: SellerActor = {
    ...actor(otherSellerAccount.userId, "seller"),
    sellerId: otherSellerShop.id,
  };
  const otherListed = await product(otherSellerActor);

  // An applicant is still a customer account: approval is what makes it a seller.
  const pendingAccount = await account("customer", "Pending Seller");
  const pendingShop = await shop(pendingAccount, "pending");
  const suspendedAccount = await account("customer", "Suspended Seller");
  const suspendedShop = await shop(suspendedAccount, "approved");
  // Listed while the shop was open: suspension takes it off the storefront.
  const suspendedListed = await product({
    ...actor(suspendedAccount.userId, "seller"),
    sellerId: suspendedShop.id,
  } satisfies SellerActor);
  await suspendSeller(deps, adminActor, { sellerId: suspendedShop.id, reason: "Matrix suspension" });

  // Customer A: an address, a cart, a wishlist with a share link, a COD order and an unpaid online order.
  const customerAccount = await account("customer", "Customer A");
  const customerActor = actor(customerAccount.userId, "customer");
  const cartOwner = { userId: customerAccount.userId };
  const address = await createAddress(deps, customerActor, addressInput);
  await addToWishlist(deps, customerActor, { productId: listed.id });
  const placeFromCart = async (paymentMethod: "cod" | "razorpay") => {
    await clearCart(deps, cartOwner);
    await addCartItem(deps, cartOwner, { variantId: listed.variantId, qty: 1 });
    return placeOrder(deps, customerActor, {
      addressId: address.id,
      paymentMethod,
      idempotencyKey: `matrix-${randomUUID()}`,
    });
  };
  const codOrder = await placeFromCart("cod");
  const onlineOrder = await placeFromCart("razorpay");
  if (!onlineOrder.payment) throw new Error("the online order has no gateway order");
  // Q&A: customer A received seller A's listed product (so may answer as a buyer), asked about
  // it, and seller A answered.
  const deliveredOrder = await placeFromCart("cod");
  for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
    await advanceSubOrder(deps, sellerActor, {
      subOrderId: deliveredOrder.subOrders[0]!.id,
      to,
      ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DLV123456" }),
    });
  const question = await askQuestion(deps, customerActor, {
    productId: listed.id,
    body: "Is the matrix product washable?",
  });
  const answer = await answerQuestion(deps, sellerActor, { questionId: question.id, body: "Yes, by hand." });
  // Reviews: a buyer reviews what they received; seller A walks each order to delivered.
  async function receivedBy(buyer: Actor, variantId: string) {
    await clearCart(deps, { userId: buyer.userId });
    await addCartItem(deps, { userId: buyer.userId }, { variantId, qty: 1 });
    const addressId = (await createAddress(deps, buyer, addressInput)).id;
    const o = await placeOrder(deps, buyer, {
      addressId,
      paymentMethod: "cod",
      idempotencyKey: `matrix-${randomUUID()}`,
    });
    for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
      await advanceSubOrder(deps, sellerActor, {
        subOrderId: o.subOrders[0]!.id,
        to,
        ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DLV123456" }),
      });
  }
  const reviewInput = (productId: string) => ({
    productId,
    rating: 4,
    title: "Matrix review",
    body: "Sturdy and as described in the listing.",
  });
  /** A product of seller A that customer A received and has not reviewed yet. */
  const reviewable = async () => {
    const p = await product(sellerActor);
    await receivedBy(customerActor, p.variantId);
    return p.id;
  };
  const customerReview = await createReview(deps, customerActor, reviewInput(await reviewable()));
  await replyToReview(deps, sellerActor, { reviewId: customerReview.id, body: "Thank you!" });
  // Another buyer's review of seller A's product: every persona but its author may vote on it.
  const reviewerAccount = await account("customer", "Customer C");
  const reviewerActor = actor(reviewerAccount.userId, "customer");
  await receivedBy(reviewerActor, listed.variantId);
  const votable = await createReview(deps, reviewerActor, reviewInput(listed.id));
  // Returns: customer A sends back units of seller A's delivered COD parts, refunded to a UPI id.
  const refundUpi = `customer.a.${seq}@okaxis`;
  const deliveredPart = async () => {
    const o = await placeFromCart("cod");
    const sub = o.subOrders[0]!;
    for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
      await advanceSubOrder(deps, sellerActor, {
        subOrderId: sub.id,
        to,
        ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DLV123456" }),
      });
    return { subOrderId: sub.id, orderItemId: sub.items[0]!.id };
  };
  const askReturn = async () => {
    const part = await deliveredPart();
    const r = await requestReturn(deps, customerActor, {
      subOrderId: part.subOrderId,
      lines: [{ orderItemId: part.orderItemId, qty: 1, reason: "damaged" }],
      refundAccount: { kind: "upi", upiId: refundUpi },
    });
    return { id: r.id, orderItemId: part.orderItemId };
  };
  const rejectedReturn = async () => {
    const r = await askReturn();
    await rejectReturn(deps, sellerActor, { id: r.id, reason: "Matrix rejection" });
    return r;
  };
  const approvedReturn = async () => {
    const r = await askReturn();
    await approveReturn(deps, sellerActor, { id: r.id });
    return r;
  };
  const standingReturn = await askReturn();
  // Money: an admin credited seller A, who asked for a payout and was paid. The open requests
  // the admin decides belong to fresh shops (a shop has one open request at a time).
  const payoutOf = async (seller: SellerActor, status: "requested" | "approved" | "paid") => {
    await adjustBalance(deps, adminActor, {
      sellerId: seller.sellerId,
      direction: "credit",
      amount: 60_000,
      reason: "Matrix credit",
    });
    const p = await requestPayout(deps, seller, { amount: 60_000 });
    if (status !== "requested") await approvePayout(deps, adminActor, { id: p.id });
    if (status === "paid")
      await markPayoutPaid(deps, adminActor, { id: p.id, utr: `MATRIXUTR${String(++seq).padStart(6, "0")}` });
    return p.id;
  };
  const paidPayoutId = await payoutOf(sellerActor, "paid");
  // Reports: customer A reported seller A's listed product; the case waits for an admin.
  const reportedCase = await createReport(deps, customerActor, {
    targetType: "product",
    targetId: listed.id,
    reason: "misleading",
  });
  // Messaging: customer A asked seller A about the listed product, seller A replied and customer
  // A reported the reply (so an admin may read that conversation); a second one, about the COD
  // order, nobody reported.
  const talk = await startConversation(deps, customerActor, {
    subject: { type: "product", productId: listed.id },
    body: "Matrix question about the listed product",
  });
  const reply = await sendMessage(deps, sellerActor, {
    conversationId: talk.conversation.id,
    body: "Matrix private reply",
  });
  await createReport(deps, customerActor, { targetType: "message", targetId: reply.id, reason: "offensive" });
  const orderTalk = await startConversation(deps, customerActor, {
    subject: { type: "sub_order", subOrderId: codOrder.subOrders[0]!.id },
    body: "Matrix question about the order",
  });
  const cartLine = async () => {
    const { cart } = await addCartItem(deps, cartOwner, { variantId: listed.variantId, qty: 1 });
    return cart.groups.flatMap((g) => g.lines).find((l) => l.variantId === listed.variantId)!.id;
  };
  await cartLine();

  const otherCustomerAccount = await account("customer", "Customer B");
  // Accounts the public auth procedures sign in to and reset, so no persona's session is touched.
  const loginProbe = await account("customer", "Login Probe");
  const resetProbe = await account("customer", "Reset Probe");

  const platformCoupon = await createCoupon(
    deps,
    adminActor,
    { sellerId: null },
    { code: `PLAT${seq}`, kind: "fixed", amountOff: 5_000 },
  );
  const renamable = await createCategory(deps, adminActor, { name: "Renamable", slug: unique("renamable") });

  const accounts: Record<SignedInPersona, { userId: string; email: string }> = {
    customer: customerAccount,
    otherCustomer: otherCustomerAccount,
    seller: sellerAccount,
    otherSeller: otherSellerAccount,
    pendingSeller: pendingAccount,
    suspendedSeller: suspendedAccount,
    admin: adminAccount,
  };

  /** A new session for every persona, signed in through the API as a client would. */
  async function signIn(): Promise<Tokens> {
    const out = {} as Tokens;
    for (const [persona, { email }] of Object.entries(accounts) as [SignedInPersona, { email: string }][])
      out[persona] = (await signInViaApi(deps, api(null), { email, password: PASSWORD })).accessToken;
    return out;
  }
  const api = (accessToken: string | null) => createCaller({ deps, http: testHttp({ accessToken }) });
  const tokens = await signIn();

  /**
   * What `pattern` finds in the email `send` causes. The SMTP server parses a message after
   * the client has been told it arrived, so the newest email may be an earlier one still
   * (the "password changed" notice of the last reset): wait for a new one that matches.
   */
  async function fromNextEmail(to: string, pattern: RegExp, send: () => Promise<unknown>) {
    const before = t.smtp.received.filter((m) => m.to === to).length;
    await send();
    for (let tries = 0; tries < 500; tries++) {
      await t.drain();
      const found = t.smtp.received
        .filter((m) => m.to === to)
        .slice(before)
        .map((m) => pattern.exec(m.text)?.[1])
        .find(Boolean);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no new email to ${to} matching ${pattern}`);
  }

  const world = {
    t,
    password: PASSWORD,
    accounts,
    tokens,
    signIn,
    /** A caller as `persona`, with the shared sessions or with `own` ones. */
    as: (persona: Persona, own: Tokens = tokens) => api(persona === "anonymous" ? null : own[persona]),
    unique,
    category,
    renamableCategoryId: renamable.id,
    checkoutSettings: await getCheckoutSettings(deps.db),
    platformCouponId: platformCoupon.id,
    customer: {
      ...customerAccount,
      actor: customerActor,
      addressId: address.id,
      codOrderId: codOrder.id,
      codSubOrderId: codOrder.subOrders[0]!.id,
      onlineOrderId: onlineOrder.id,
      razorpayOrderId: onlineOrder.payment.razorpayOrderId,
      shareToken: (await shareWishlist(deps, customerActor)).token,
    },
    seller: {
      ...sellerAccount,
      actor: sellerActor,
      shopId: sellerShop.id,
      slug: sellerShop.slug,
      listed,
      draft,
      onSale,
      logoMediaId,
      imageMediaId,
      couponId: coupon.id,
      couponCode: coupon.code,
      saleId: sale.id,
      saleWindow,
    },
    otherSeller: { ...otherSellerAccount, shopId: otherSellerShop.id, listed: otherListed },
    pendingSeller: { ...pendingAccount, shopId: pendingShop.id, slug: pendingShop.slug },
    suspendedSeller: {
      ...suspendedAccount,
      shopId: suspendedShop.id,
      slug: suspendedShop.slug,
      listed: suspendedListed,
    },
    /** The open report case of seller A's listed product (customer A reported it). */
    reports: { caseId: reportedCase.caseId },
    /** Customer A's question on seller A's listed product, and seller A's answer to it. */
    qa: { questionId: question.id, answerId: answer.id },
    /** Customer A's review (seller A replied) and customer C's review, both of seller A's products. */
    reviews: { customerReviewId: customerReview.id, votableId: votable.id },
    /** The last 30 days in India time, holding customer A's orders from seller A: the dashboards' range. */
    analytics: {
      range: {
        from: new Date(deps.now().getTime() + 5.5 * 3600 * 1000 - 29 * DAY).toISOString().slice(0, 10),
        to: new Date(deps.now().getTime() + 5.5 * 3600 * 1000).toISOString().slice(0, 10),
      },
    },
    /** Customer A's conversations with seller A: the reported one (seller A's reply), and one nobody reported. */
    messaging: {
      conversationId: talk.conversation.id,
      replyId: reply.id,
      unreportedId: orderTalk.conversation.id,
    },
    /** Customer A's return of a unit of seller A's, waiting for the seller. */
    returns: { requestedId: standingReturn.id },
    /** Seller A's paid payout, and this month in India time (its statement holds it). */
    payouts: { paidId: paidPayoutId },
    ledger: { month: new Date(deps.now().getTime() + 5.5 * 3600 * 1000).toISOString().slice(0, 7) },
    loginProbe,
    resetProbe,
    addressInput,
    shopInput,
    /** Every live-update channel in the world: the matrix checks nobody hears another's. */
    channels: [
      ...Object.values(accounts).map((a) => customerChannel(a.userId)),
      ...[sellerShop, otherSellerShop, pendingShop, suspendedShop].map((s) => sellerChannel(s.id)),
      ...Object.values(accounts).map((a) => inboxChannel("customer", a.userId)),
      ...[sellerShop, otherSellerShop, pendingShop, suspendedShop].map((s) => inboxChannel("seller", s.id)),
      ...Object.values(accounts).map((a) => notificationChannel(a.userId)),
    ],
    /** Private values of customer A and seller A, and who may see each. */
    markers: (): Marker[] => [
      // Only the admin who pays a COD refund reads the account; the buyer sees it masked.
      { label: "customer A's refund UPI id", value: refundUpi, visibleTo: ["admin"] },
      { label: "customer A's email", value: customerAccount.email, visibleTo: ["customer", "admin"] },
      { label: "customer A's address id", value: address.id, visibleTo: ["customer"] },
      { label: "customer A's COD order id", value: codOrder.id, visibleTo: ["customer", "seller", "admin"] },
      {
        label: "customer A's COD order number",
        value: codOrder.number,
        visibleTo: ["customer", "seller", "admin"],
      },
      {
        label: "customer A's online order id",
        value: onlineOrder.id,
        visibleTo: ["customer", "seller", "admin"],
      },
      {
        label: "customer A's sub-order id",
        value: codOrder.subOrders[0]!.id,
        visibleTo: ["customer", "seller", "admin"],
      },
      { label: "customer A's share token", value: world.customer.shareToken, visibleTo: ["customer"] },
      // A reported conversation: the admin reads it (audited); nobody else but its two sides.
      {
        label: "seller A's reply to customer A",
        value: "Matrix private reply",
        visibleTo: ["customer", "seller", "admin"],
      },
      {
        label: "customer A's conversation id",
        value: talk.conversation.id,
        visibleTo: ["customer", "seller", "admin"],
      },
      {
        label: "customer A's unreported conversation id",
        value: orderTalk.conversation.id,
        visibleTo: ["customer", "seller"],
      },
      { label: "seller A's email", value: sellerAccount.email, visibleTo: ["seller", "admin"] },
      { label: "seller A's draft product id", value: draft.id, visibleTo: ["seller", "admin"] },
      { label: "seller A's draft product slug", value: draft.slug, visibleTo: ["seller", "admin"] },
      { label: "seller A's coupon id", value: coupon.id, visibleTo: ["seller", "admin"] },
      { label: "seller A's sale id", value: sale.id, visibleTo: ["seller"] },
      { label: "seller A's payout id", value: paidPayoutId, visibleTo: ["seller", "admin"] },
      { label: "seller A's logo upload id", value: logoMediaId, visibleTo: ["seller"] },
      { label: "seller A's image upload id", value: imageMediaId, visibleTo: ["seller"] },
    ],
    fresh: {
      /** A delivered part of customer A's from seller A, as `subOrderId|orderItemId`. */
      returnable: async () => {
        const p = await deliveredPart();
        return `${p.subOrderId}|${p.orderItemId}`;
      },
      /** Returns of customer A's, from seller A, in each state a procedure acts on. */
      returnRequest: async () => (await askReturn()).id,
      rejectedReturn: async () => (await rejectedReturn()).id,
      approvedReturn: async () => {
        const r = await approvedReturn();
        return `${r.id}|${r.orderItemId}`;
      },
      escalatedReturn: async () => {
        const r = await rejectedReturn();
        await escalateReturn(deps, customerActor, { id: r.id, note: "Matrix escalation" });
        return r.id;
      },
      owedReturn: async () => {
        const r = await approvedReturn();
        await receiveReturn(deps, sellerActor, {
          id: r.id,
          lines: [{ orderItemId: r.orderItemId, restock: false }],
        });
        return r.id;
      },
      /** A new open report case: customer A reported a new live product of seller A. */
      /** An open payout of a new approved shop, in this state. */
      payout: async (status: "requested" | "approved") => {
        const owner = await account("customer", "Payout Shop");
        const s = await shop(owner, "approved");
        return payoutOf({ ...actor(owner.userId, "seller"), sellerId: s.id }, status);
      },
      reportCase: async () =>
        (
          await createReport(deps, customerActor, {
            targetType: "product",
            targetId: (await product(sellerActor)).id,
            reason: "counterfeit",
          })
        ).caseId,
      /** A product of seller A that customer A received and may review. */
      reviewable,
      /** A new review by customer A (of a product received for it). */
      review: async () => (await createReview(deps, customerActor, reviewInput(await reviewable()))).id,
      /** A new COD order of customer A, with one part from seller A. */
      order: async () => {
        const o = await placeFromCart("cod");
        return { orderId: o.id, subOrderId: o.subOrders[0]!.id };
      },
      /** A line in customer A's cart. */
      cartLine,
      /** Customer A's cart holding seller A's product with seller A's coupon on it. */
      couponOnCart: async () => {
        await cartLine();
        await applyCoupon(deps, cartOwner, { code: coupon.code });
        return coupon.code;
      },
      address: async () => (await createAddress(deps, customerActor, addressInput)).id,
      /** Another signed-in device of customer A. */
      session: async () =>
        (await signInForTest(deps, origin, { email: customerAccount.email, password: PASSWORD })).sessionId,
      /** A new, unverified sign-up and the code emailed to it. */
      signUp: async () => {
        const email = `${unique("verify")}@example.com`;
        const code = await fromNextEmail(email, /\b(\d{6})\b/, () =>
          api(null).auth.register({ email, password: PASSWORD, name: "New Shopper" }),
        );
        return { email, code };
      },
      /** A reset link's token for the reset probe. */
      resetToken: () =>
        fromNextEmail(resetProbe.email, /token=([\w-]+)/, () =>
          api(null).auth.requestPasswordReset({ email: resetProbe.email }),
        ),
      /** A session of the login probe, for the procedures that take a refresh token. */
      probeRefreshToken: async () =>
        (await signInForTest(deps, origin, { email: loginProbe.email, password: PASSWORD })).refreshToken,
      product: async (status: ProductStatus) => (await product(sellerActor, status)).id,
      shop: async (status: "approved" | "pending" | "suspended") => {
        const owner = await account("customer", "Fresh Seller");
        const s = await shop(owner, status === "pending" ? "pending" : "approved");
        if (status === "suspended")
          await suspendSeller(deps, adminActor, { sellerId: s.id, reason: "Matrix" });
        return s.id;
      },
      user: async () => (await account("customer", "Fresh User")).userId,
      category: async () =>
        (await createCategory(deps, adminActor, { name: "Doomed", slug: unique("doomed") })).id,
      sale: async () =>
        (
          await createSaleEvent(deps, sellerActor, {
            name: "Matrix flash sale",
            ...saleWindow(),
            items: [{ variantId: onSale.variantId, salePrice: 30_000 }],
          })
        ).id,
      /** Customer A's wishlist holds seller A's listed product and has a live share link. */
      saved: async () => {
        await addToWishlist(deps, customerActor, { productId: listed.id });
        world.customer.shareToken = (await shareWishlist(deps, customerActor)).token;
        return world.customer.shareToken;
      },
    },
  };
  return world;
}

export type AuthzWorld = Awaited<ReturnType<typeof buildAuthzWorld>>;
