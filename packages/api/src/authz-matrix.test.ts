import { randomUUID } from "node:crypto";
import {
  audit,
  createApiKey,
  createTrackingCode,
  createVerifiedUser,
  createWebhookEndpoint,
  customerChannel,
  DomainError,
  defaultLimits,
  getCart,
  importCatalogCsv,
  inboxChannel,
  type Limits,
  login,
  notificationChannel,
  sellerChannel,
  sharedWishlist,
  startChallengeEnrolment,
  wishlistStatus,
} from "@bazaar/core";
import {
  createTestContext,
  currentTotpCodeByEmail,
  enrolTotp,
  type TestContext,
  totpCode,
} from "@bazaar/core/testing";
import { notifications, trustedDevices, userIdentities, webhookOutbox } from "@bazaar/db";
import type { AnyProcedure, inferProcedureInput } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppRouter, appRouter, createCaller } from "./root";
import {
  type AuthzWorld,
  buildAuthzWorld,
  type Marker,
  PERSONAS,
  type Persona,
  type Tokens,
} from "./testing/authz-world";
import { clientError, testHttp } from "./testing/http";

/**
 * The authorization matrix: every procedure of the app router, called by every persona with
 * an input that names customer A's or seller A's objects, against one table of who may.
 * The list of procedures comes from the router at run time, so a procedure added without a
 * row fails here, and so does a row whose procedure is gone.
 */

// ---- the rules -------------------------------------------------------------------------------

/**
 * Who gets past a procedure's role gate: the middlewares in trpc.ts, plus the two gates a
 * router or core adds on top (applying to sell, and the live order stream). A pending
 * applicant is still a customer account; a suspended shop keeps its owner's seller role.
 */
const GATES = {
  public: PERSONAS,
  authed: PERSONAS.filter((p) => p !== "anonymous"),
  customer: ["customer", "otherCustomer", "pendingSeller"],
  seller: ["seller", "otherSeller"],
  admin: ["admin"],
  cart: ["anonymous", "customer", "otherCustomer", "pendingSeller"],
  // Approval turns an account into a seller, so an admin account may not apply (core refuses).
  applicant: PERSONAS.filter((p) => p !== "anonymous" && p !== "admin"),
  // Buyers hear about their orders, approved sellers about their shop's.
  orderStream: ["customer", "otherCustomer", "pendingSeller", "seller", "otherSeller"],
} satisfies Record<string, readonly Persona[]>;
type Gate = keyof typeof GATES;

/** How a caller that passes the gate is refused an object that is not theirs. */
type Denial = { code: "NOT_FOUND" | "BAD_REQUEST"; reason: string } | Refusal;
/**
 * An object anyone may see but only some may act on (a public question only its product's
 * seller, Bazaar or a buyer may answer): refused with FORBIDDEN, whose reason says why this
 * caller may not (core tests check each reason).
 */
type Refusal = { code: "FORBIDDEN"; reason?: undefined };
const refused = (): Refusal => ({ code: "FORBIDDEN" });
const notFound = (reason: string): Denial => ({ code: "NOT_FOUND", reason });
/** Some inputs name another user's object in a field (an image, a product); the refusal is a field error. */
const fieldError = (reason: string): Denial => ({ code: "BAD_REQUEST", reason });

type Row<I> = {
  gate: Gate;
  /** Whose object the input names: every other persona past the gate gets `denied`. */
  owner?: { by: "customer" | "seller"; denied: Denial; also?: Persona[] };
  /** Called once per persona, so each call may name something of its own (a new email, a new code). */
  input?: (w: AuthzWorld, made: string) => I | Promise<I>;
  /** Makes what the calls consume (an order to cancel, a shop to approve); its result reaches `input`. */
  make?: (w: AuthzWorld) => Promise<string>;
  /** Checked once every persona but the owners has called: the owner's object is still there. */
  survives?: (w: AuthzWorld, made: string) => Promise<unknown>;
  /** The call may end the session it runs in: every persona signs in anew for this row only. */
  ownSessions?: true;
  /** Inputs naming what nobody may reach through this procedure (seller A's draft, a suspended shop). */
  hidden?: { label: string; input: (w: AuthzWorld) => I; denied: Denial }[];
  /**
   * Errors an allowed call may still end in: it got past every authorization check and was
   * refused on its merits (a wrong password, a coupon for goods not in the cart). Any other
   * error fails the row, so "allowed" always means the call did what it is for.
   */
  mayEndIn?: string[];
  /** Private values that holding the input's secret entitles anyone to see (a tracking code shows the number). */
  reveals?: string[];
  /** Subscriptions: the channel a persona that may open the stream must hear, and nothing else. */
  channel?: (w: AuthzWorld, persona: Persona) => string;
  /** Subscriptions that read their events: what to publish on a channel (default `{ channel }`)… */
  probe?: (channel: string) => unknown;
  /** …and which channel a value the stream yielded came from (default its `channel`). */
  heard?: (value: unknown) => string | undefined;
  /** Subscriptions whose first event is a greeting of their own (the unread count), read before the probe. */
  greets?: true;
};

type RouterRecord = AppRouter["_def"]["record"];
type PathsOf<R, Prefix extends string = ""> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? `${Prefix}${K}` : PathsOf<R[K], `${Prefix}${K}.`>;
}[keyof R & string];
type At<R, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof R
    ? At<R[Head], Rest>
    : never
  : P extends keyof R
    ? R[P]
    : never;
type ProcedurePath = PathsOf<RouterRecord>;
type Matrix = { [P in ProcedurePath]: Row<inferProcedureInput<At<RouterRecord, P>>> };

/** A fresh unread notification in customer A's inbox; its id. */
async function inboxNote(w: AuthzWorld): Promise<string> {
  const [row] = await w.t.deps.db
    .insert(notifications)
    .values({ userId: w.accounts.customer.userId, category: "orders", type: "t", title: "t", body: "b" })
    .returning({ id: notifications.id });
  return row!.id;
}
/** Nobody but customer A marked their notification read. */
async function stillUnread(w: AuthzWorld, id: string) {
  const row = await w.t.deps.db.query.notifications.findFirst({ where: (n, { eq }) => eq(n.id, id) });
  expect(row?.readAt).toBeNull();
}

/**
 * A webhook endpoint of seller A's (or, for `platform`, the admin's), with one delivered event
 * on it: "<endpointId> <eventId>". The URL refuses connections at once, so a test send fails fast.
 */
async function webhookEndpoint(w: AuthzWorld, platform = false): Promise<string> {
  const actor = platform
    ? { userId: w.accounts.admin.userId, role: "admin" as const, sessionId: randomUUID() }
    : w.seller.actor;
  const { endpoint } = await createWebhookEndpoint(w.t.deps, actor, {
    url: "https://127.0.0.1:1/matrix",
    events: ["order.placed"],
  });
  const [event] = await w.t.deps.db
    .insert(webhookOutbox)
    .values({
      webhookId: `msg_${randomUUID().replaceAll("-", "")}`,
      endpointId: endpoint.id,
      type: "order.placed",
      payload: { type: "order.placed", timestamp: new Date().toISOString(), data: {} },
      status: "delivered",
      giveUpAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: webhookOutbox.id });
  return `${endpoint.id} ${event!.id}`;
}
const endpointIdOf = (made: string) => made.split(" ")[0]!;
const eventIdOf = (made: string) => made.split(" ")[1]!;
const webhookInput = { url: "https://127.0.0.1:1/matrix", events: ["order.paid" as const] };

/**
 * A fresh account's sign-in stopped at its second factor: a customer with an authenticator
 * (the token and a right code), or an admin who has none yet (enrolment required).
 */
async function secondFactorStep(w: AuthzWorld, role: "customer" | "admin") {
  const email = `${w.unique("two-factor")}@example.com`;
  const user = await createVerifiedUser(w.t.deps, { email, name: "Two Factor", password: w.password, role });
  if (role === "customer") await enrolTotp(w.t.deps, user.id);
  const first = await login(
    w.t.deps,
    { ip: "127.0.0.1", userAgent: "authz-matrix" },
    { email, password: w.password },
  );
  if (first.status !== "second_factor_required") throw new Error("expected a second-factor challenge");
  // Computing a code enrols the account, so the admin (who must enrol through the challenge) gets none.
  const code = role === "customer" ? await currentTotpCodeByEmail(w.t.deps, email) : undefined;
  return { challengeToken: first.challengeToken, code };
}

const ownedByCustomer = (denied: Denial) => ({ by: "customer" as const, denied });
const ownedBySeller = (denied: Denial) => ({ by: "seller" as const, denied });

const matrix: Matrix = {
  // -- identity: bearer secrets (refresh tokens, codes, reset links) are the authority, not the caller
  "auth.register": {
    gate: "public",
    input: (w) => ({ email: `${w.unique("signup")}@example.com`, password: w.password, name: "New Shopper" }),
  },
  "auth.verifyEmail": { gate: "public", input: (w) => w.fresh.signUp() },
  "auth.resendOtp": { gate: "public", input: (w) => ({ email: w.customer.email }) },
  "auth.login": { gate: "public", input: (w) => ({ email: w.loginProbe.email, password: w.password }) },
  "auth.refresh": {
    gate: "public",
    input: async (w) => ({ refreshToken: await w.fresh.probeRefreshToken() }),
  },
  "auth.logout": {
    gate: "public",
    ownSessions: true,
    input: async (w) => ({ refreshToken: await w.fresh.probeRefreshToken() }),
  },
  "auth.me": { gate: "authed" },
  "auth.updateProfile": { gate: "authed", input: () => ({ phone: "9876543210" }) },
  "auth.sessions": { gate: "authed" },
  "auth.revokeSession": {
    gate: "authed",
    owner: ownedByCustomer(notFound("session.not_found")),
    make: (w) => w.fresh.session(),
    input: (_, sessionId) => ({ sessionId }),
  },
  // A wrong current password: reaching that check shows the gate let the call through, and
  // no persona's other sessions are signed out.
  "auth.changePassword": {
    gate: "authed",
    input: () => ({ currentPassword: "not-the-password-1", newPassword: "another-pass-word-2" }),
    mayEndIn: ["auth.wrong_password"],
  },
  "auth.requestPasswordReset": { gate: "public", input: (w) => ({ email: w.customer.email }) },
  "auth.resetPassword": {
    gate: "public",
    input: async (w) => ({ token: await w.fresh.resetToken(), newPassword: "reset-pass-word-2" }),
  },
  // Google sign-in is off in this world (no client id): reaching that answer shows the gate let the call through.
  "auth.providers": { gate: "public" },
  "auth.signInWithGoogle": {
    gate: "public",
    input: () => ({ idToken: "aaa.bbb.ccc" }),
    mayEndIn: ["auth.google_disabled"],
  },
  // Two-factor (#16): a sign-in challenge's token is the authority for the second step, so
  // every persona (any session or none) may answer its own fresh challenge.
  "auth.verifySecondFactor": {
    gate: "public",
    input: async (w) => {
      const { challengeToken, code } = await secondFactorStep(w, "customer");
      return { challengeToken, code: code! };
    },
  },
  "auth.startChallengeEnrolment": {
    gate: "public",
    input: async (w) => ({ challengeToken: (await secondFactorStep(w, "admin")).challengeToken }),
  },
  "auth.confirmChallengeEnrolment": {
    gate: "public",
    input: async (w) => {
      const { challengeToken } = await secondFactorStep(w, "admin");
      const { secret } = await startChallengeEnrolment(w.t.deps, { challengeToken });
      return { challengeToken, code: totpCode(secret) };
    },
  },
  "auth.twoFactorStatus": { gate: "authed" },
  // The admin persona is enrolled (admins must be), so it may not start over.
  "auth.startTwoFactor": { gate: "authed", mayEndIn: ["two_factor.already_enabled"] },
  "auth.confirmTwoFactor": {
    gate: "authed",
    input: () => ({ code: "000000" }),
    mayEndIn: ["auth.second_factor_invalid", "two_factor.not_started", "two_factor.already_enabled"],
  },
  // A wrong password: nobody's factor is turned off by the matrix.
  "auth.disableTwoFactor": {
    gate: "authed",
    input: () => ({ password: "not-the-password-1" }),
    mayEndIn: ["two_factor.not_enabled", "auth.wrong_password"],
  },
  "auth.regenerateRecoveryCodes": {
    gate: "authed",
    input: () => ({ password: "not-the-password-1" }),
    mayEndIn: ["two_factor.not_enabled", "auth.wrong_password"],
  },
  "auth.trustedDevices": { gate: "authed" },
  "auth.revokeTrustedDevice": {
    gate: "authed",
    owner: ownedByCustomer(notFound("two_factor.device_not_found")),
    make: async (w) => {
      const [row] = await w.t.deps.db
        .insert(trustedDevices)
        .values({
          userId: w.accounts.customer.userId,
          tokenHash: randomUUID(),
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning({ id: trustedDevices.id });
      return row!.id;
    },
    input: (_, deviceId) => ({ deviceId }),
  },
  "auth.linkedAccounts": { gate: "authed" },
  "auth.unlinkAccount": {
    gate: "authed",
    owner: ownedByCustomer(notFound("identity.not_found")),
    make: async (w) => {
      const [row] = await w.t.deps.db
        .insert(userIdentities)
        .values({
          userId: w.accounts.customer.userId,
          provider: "google",
          subject: randomUUID(),
          email: w.customer.email,
        })
        .returning({ id: userIdentities.id });
      return row!.id;
    },
    input: (_, id) => ({ id }),
  },

  // -- storefront
  "catalog.categories": { gate: "public" },
  "catalog.products.list": { gate: "public", input: (w) => ({ seller: w.seller.slug }) },
  "catalog.products.bySlug": {
    gate: "public",
    input: (w) => ({ slug: w.seller.listed.slug }),
    hidden: [
      {
        label: "seller A's draft",
        input: (w) => ({ slug: w.seller.draft.slug }),
        denied: notFound("product.not_found"),
      },
      {
        label: "a suspended shop's product",
        input: (w) => ({ slug: w.suspendedSeller.listed.slug }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  "catalog.search.suggest": { gate: "public", input: () => ({ q: "matrix" }) },
  "shops.bySlug": {
    gate: "public",
    input: (w) => ({ slug: w.seller.slug }),
    hidden: [
      {
        label: "a pending shop",
        input: (w) => ({ slug: w.pendingSeller.slug }),
        denied: notFound("shop.not_found"),
      },
      {
        label: "a suspended shop",
        input: (w) => ({ slug: w.suspendedSeller.slug }),
        denied: notFound("shop.not_found"),
      },
    ],
  },
  "tracking.get": {
    gate: "public",
    // The code is the authority: whoever holds it may follow the parcel.
    input: (w) => ({ code: createTrackingCode(w.t.deps.auth.secret, w.customer.codSubOrderId) }),
    reveals: ["customer A's COD order number"],
  },

  // -- addresses: any account may keep addresses; each sees only its own
  "addresses.list": { gate: "authed" },
  "addresses.create": { gate: "authed", input: (w) => w.addressInput },
  "addresses.update": {
    gate: "authed",
    owner: ownedByCustomer(notFound("address.not_found")),
    input: (w) => ({ id: w.customer.addressId, label: "Home" }),
  },
  "addresses.remove": {
    gate: "authed",
    owner: ownedByCustomer(notFound("address.not_found")),
    make: (w) => w.fresh.address(),
    input: (_, id) => ({ id }),
  },
  "addresses.setDefault": {
    gate: "authed",
    owner: ownedByCustomer(notFound("address.not_found")),
    input: (w) => ({ id: w.customer.addressId }),
  },

  // -- cart: guests and customers; a cart is reached through its owner, never by id
  "cart.get": { gate: "cart" },
  "cart.addItem": {
    gate: "cart",
    input: (w) => ({ variantId: w.seller.listed.variantId, qty: 1 }),
    hidden: [
      {
        label: "seller A's draft",
        input: (w) => ({ variantId: w.seller.draft.variantId, qty: 1 }),
        denied: notFound("cart.variant_unavailable"),
      },
      {
        label: "a suspended shop's product",
        input: (w) => ({ variantId: w.suspendedSeller.listed.variantId, qty: 1 }),
        denied: notFound("cart.variant_unavailable"),
      },
    ],
  },
  "cart.updateItem": {
    gate: "cart",
    owner: ownedByCustomer(notFound("cart.item_not_found")),
    make: (w) => w.fresh.cartLine(),
    input: (_, itemId) => ({ itemId, qty: 2 }),
  },
  "cart.removeItem": {
    gate: "cart",
    owner: ownedByCustomer(notFound("cart.item_not_found")),
    make: (w) => w.fresh.cartLine(),
    input: (_, itemId) => ({ itemId }),
  },
  "cart.clear": {
    gate: "cart",
    make: (w) => w.fresh.cartLine(),
    survives: async (w, itemId) => {
      const cart = await getCart(w.t.deps, { userId: w.customer.userId });
      expect(cart.groups.flatMap((g) => g.lines.map((l) => l.id))).toContain(itemId);
    },
  },
  "cart.applyCoupon": {
    gate: "cart",
    make: (w) => w.fresh.cartLine(),
    input: (w) => ({ code: w.seller.couponCode }),
    // Only customer A's cart holds seller A's goods.
    mayEndIn: ["coupon.not_applicable"],
  },
  "cart.removeCoupon": {
    gate: "cart",
    make: (w) => w.fresh.couponOnCart(),
    survives: async (w) => {
      const cart = await getCart(w.t.deps, { userId: w.customer.userId });
      expect(cart.coupon?.code).toBe(w.seller.couponCode);
    },
  },

  // -- wishlist
  "wishlist.list": { gate: "customer" },
  "wishlist.add": {
    gate: "customer",
    // Seller B's product: were it seller A's, another customer saving it would make moveToCart theirs.
    input: (w) => ({ productId: w.otherSeller.listed.id }),
    hidden: [
      {
        label: "seller A's draft",
        input: (w) => ({ productId: w.seller.draft.id }),
        denied: notFound("product.not_found"),
      },
      {
        label: "a suspended shop's product",
        input: (w) => ({ productId: w.suspendedSeller.listed.id }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  "wishlist.remove": {
    gate: "customer",
    make: (w) => w.fresh.saved(),
    input: (w) => ({ productId: w.seller.listed.id }),
    survives: async (w) => {
      const status = await wishlistStatus(w.t.deps, w.customer.actor, { productIds: [w.seller.listed.id] });
      expect(status.saved).toEqual([w.seller.listed.id]);
    },
  },
  "wishlist.moveToCart": {
    gate: "customer",
    owner: ownedByCustomer(notFound("wishlist.item_not_found")),
    make: (w) => w.fresh.saved(),
    input: (w) => ({ productId: w.seller.listed.id, qty: 1 }),
  },
  "wishlist.status": { gate: "customer", input: (w) => ({ productIds: [w.seller.listed.id] }) },
  "wishlist.share": { gate: "customer" },
  "wishlist.unshare": {
    gate: "customer",
    make: (w) => w.fresh.saved(),
    survives: (w, token) => sharedWishlist(w.t.deps, { token }),
  },
  // Anyone holding the link sees the products (and nothing of their owner).
  "wishlist.shared": { gate: "public", make: (w) => w.fresh.saved(), input: (_, token) => ({ token }) },

  // -- checkout, payments, orders
  "checkout.placeOrder": {
    gate: "customer",
    owner: ownedByCustomer(fieldError("address.not_found")),
    make: (w) => w.fresh.cartLine(),
    input: (w) => ({
      addressId: w.customer.addressId,
      paymentMethod: "cod",
      idempotencyKey: `matrix-${randomUUID()}`,
    }),
  },
  "payments.confirm": {
    gate: "customer",
    owner: ownedByCustomer(notFound("payment.not_found")),
    // A bad signature: the owner gets as far as the signature check, others not past the lookup.
    input: (w) => ({
      razorpayOrderId: w.customer.razorpayOrderId,
      razorpayPaymentId: "pay_matrix",
      signature: "0".repeat(64),
    }),
    mayEndIn: ["payment.bad_signature"],
  },
  "payments.start": {
    gate: "customer",
    owner: ownedByCustomer(notFound("order.not_found")),
    input: (w) => ({ orderId: w.customer.onlineOrderId }),
  },
  "payments.confirmStripe": {
    gate: "customer",
    owner: ownedByCustomer(notFound("order.not_found")),
    input: (w) => ({ orderId: w.customer.onlineOrderId }),
    // The owner's order is paid through Razorpay (the dev gateway): no Stripe payment to confirm.
    mayEndIn: ["payment.not_stripe"],
  },
  "checkout.paymentOptions": { gate: "public" },
  "orders.mine": { gate: "customer", input: () => ({}) },
  "orders.byId": {
    gate: "customer",
    owner: ownedByCustomer(notFound("order.not_found")),
    input: (w) => ({ orderId: w.customer.codOrderId }),
  },
  "orders.cancel": {
    gate: "customer",
    owner: ownedByCustomer(notFound("order.not_found")),
    make: async (w) => (await w.fresh.order()).orderId,
    input: (_, orderId) => ({ orderId }),
  },
  "orders.onUpdate": {
    gate: "orderStream",
    channel: (w, persona) =>
      persona === "seller"
        ? sellerChannel(w.seller.shopId)
        : persona === "otherSeller"
          ? sellerChannel(w.otherSeller.shopId)
          : customerChannel(w.accounts[persona as Exclude<Persona, "anonymous">].userId),
  },

  // -- notifications (#15): everyone signed in has an inbox and reads and marks only their own
  "notifications.list": { gate: "authed", input: () => ({}) },
  "notifications.unreadCount": { gate: "authed" },
  "notifications.markRead": {
    gate: "authed",
    make: (w) => inboxNote(w),
    input: (_, id) => ({ ids: [id] }),
    survives: (w, id) => stillUnread(w, id),
  },
  "notifications.markAllRead": {
    gate: "authed",
    make: (w) => inboxNote(w),
    survives: (w, id) => stillUnread(w, id),
  },
  "notifications.preferences": { gate: "authed" },
  "notifications.setPreferences": {
    gate: "authed",
    input: () => ({ items: [{ category: "catalog" as const, inApp: true }] }),
  },
  "notifications.onNew": {
    gate: "authed",
    greets: true,
    channel: (w, persona) => notificationChannel(w.accounts[persona as Exclude<Persona, "anonymous">].userId),
    // The stream passes on new notifications (with the count read when they arrive): the probe
    // is one, titled with its channel.
    probe: (channel) => ({
      notifications: [{ id: channel, title: channel, readAt: null, createdAt: new Date().toISOString() }],
    }),
    heard: (value) =>
      (value as { notifications?: { title?: string }[] } | undefined)?.notifications?.[0]?.title,
  },

  // -- messaging (#15): customer A and seller A talk about seller A's product; nobody else reads
  // it. An admin reads it only because a message of it was reported (w.messaging).
  "messages.start": {
    gate: "customer",
    input: (w) => ({ subject: { type: "product" as const, productId: w.seller.listed.id }, body: "Hello" }),
  },
  "messages.list": { gate: "customer", input: () => ({}) },
  "messages.thread": {
    gate: "customer",
    owner: ownedByCustomer(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId }),
  },
  "messages.send": {
    gate: "customer",
    owner: ownedByCustomer(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId, body: `Hi ${w.unique("m")}` }),
  },
  "messages.markRead": {
    gate: "customer",
    owner: ownedByCustomer(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId }),
  },
  "messages.unreadCount": { gate: "customer" },
  // Only the other side of the conversation reports a message; to anyone else it does not exist.
  "messages.report": {
    gate: "authed",
    owner: ownedByCustomer(notFound("report.message_not_found")),
    input: (w) => ({ messageId: w.messaging.replyId, reason: "offensive" as const }),
  },
  "messages.onMessage": {
    gate: "orderStream",
    input: () => ({}),
    channel: (w, persona) =>
      persona === "seller"
        ? inboxChannel("seller", w.seller.shopId)
        : persona === "otherSeller"
          ? inboxChannel("seller", w.otherSeller.shopId)
          : inboxChannel("customer", w.accounts[persona as Exclude<Persona, "anonymous">].userId),
    // The stream passes on read receipts as they come: the probe is one, naming its channel.
    probe: (channel) => ({
      kind: "read",
      conversationId: channel,
      reader: "customer",
      readSeq: 0,
      at: new Date(),
    }),
    // A tracked event reaches a server-side caller as [id, data].
    heard: (value) => (value as [string, { conversationId?: string }] | undefined)?.[1]?.conversationId,
  },
  "messages.responseTime": { gate: "public", input: (w) => ({ sellerId: w.seller.shopId }) },
  "seller.messages.list": { gate: "seller", input: () => ({}) },
  "seller.messages.thread": {
    gate: "seller",
    owner: ownedBySeller(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId }),
  },
  "seller.messages.send": {
    gate: "seller",
    owner: ownedBySeller(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId, body: `Reply ${w.unique("m")}` }),
  },
  "seller.messages.markRead": {
    gate: "seller",
    owner: ownedBySeller(notFound("conversation.not_found")),
    input: (w) => ({ conversationId: w.messaging.conversationId }),
  },
  "seller.messages.unreadCount": { gate: "seller" },
  "admin.messages.thread": {
    gate: "admin",
    input: (w) => ({ conversationId: w.messaging.conversationId }),
    hidden: [
      {
        label: "a conversation nobody reported",
        input: (w) => ({ conversationId: w.messaging.unreportedId }),
        denied: notFound("conversation.not_found"),
      },
    ],
  },

  // -- questions and answers: public to read, any signed-in user votes; only the product's
  // seller, Bazaar or a buyer who received it answers (customer A received seller A's product)
  "questions.list": {
    gate: "public",
    input: (w) => ({ productId: w.seller.listed.id }),
    hidden: [
      {
        label: "seller A's draft product",
        input: (w) => ({ productId: w.seller.draft.id }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  "questions.ask": {
    gate: "customer",
    input: (w) => ({ productId: w.seller.listed.id, body: `Does it come in ${w.unique("colour")}?` }),
    hidden: [
      {
        label: "seller A's draft product",
        input: (w) => ({ productId: w.seller.draft.id, body: "Is this coming back soon?" }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  "questions.answer": {
    gate: "authed",
    owner: { by: "seller", also: ["admin", "customer"], denied: refused() },
    input: (w) => ({ questionId: w.qa.questionId, body: `Answer ${w.unique("a")}` }),
  },
  "questions.vote": { gate: "authed", input: (w) => ({ questionId: w.qa.questionId }) },
  "questions.voteAnswer": { gate: "authed", input: (w) => ({ answerId: w.qa.answerId }) },

  // -- returns: customer A's returns of seller A's parcels; only the buyer asks, reads,
  // cancels and escalates; another buyer's return is simply not found
  "returns.request": {
    gate: "customer",
    owner: ownedByCustomer(notFound("order.not_found")),
    make: (w) => w.fresh.returnable(),
    input: (_, made) => {
      const [subOrderId, orderItemId] = made.split("|") as [string, string];
      return {
        subOrderId,
        lines: [{ orderItemId, qty: 1, reason: "defective" as const }],
        refundAccount: { kind: "upi" as const, upiId: "matrix@okaxis" },
      };
    },
  },
  "returns.list": { gate: "customer", input: () => ({}) },
  "returns.get": {
    gate: "customer",
    owner: ownedByCustomer(notFound("return.not_found")),
    input: (w) => ({ id: w.returns.requestedId }),
  },
  "returns.cancel": {
    gate: "customer",
    owner: ownedByCustomer(notFound("return.not_found")),
    make: (w) => w.fresh.returnRequest(),
    input: (_, id) => ({ id }),
  },
  "returns.escalate": {
    gate: "customer",
    owner: ownedByCustomer(notFound("return.not_found")),
    make: (w) => w.fresh.rejectedReturn(),
    input: (_, id) => ({ id, note: "The parcel came torn" }),
  },

  // -- reviews: public to read (guests too); only a buyer who received the product writes one,
  // only its author edits or deletes it; any signed-in account but its author votes
  "reviews.list": {
    gate: "public",
    input: (w) => ({ productId: w.seller.listed.id, sort: "newest" }),
    hidden: [
      {
        label: "seller A's draft product",
        input: (w) => ({ productId: w.seller.draft.id }),
        denied: notFound("product.not_found"),
      },
      {
        label: "a suspended shop's product",
        input: (w) => ({ productId: w.suspendedSeller.listed.id }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  "reviews.summary": {
    gate: "public",
    input: (w) => ({ productId: w.seller.listed.id }),
    hidden: [
      {
        label: "seller A's draft product",
        input: (w) => ({ productId: w.seller.draft.id }),
        denied: notFound("product.not_found"),
      },
    ],
  },
  // Customer A received the product; other customers are refused as unverified buyers.
  "reviews.create": {
    gate: "customer",
    owner: ownedByCustomer(refused()),
    make: (w) => w.fresh.reviewable(),
    input: (_, productId) => ({
      productId,
      rating: 5,
      title: "Matrix verdict",
      body: "Arrived on time and works well.",
    }),
  },
  "reviews.update": {
    gate: "customer",
    owner: ownedByCustomer(notFound("review.not_found")),
    input: (w) => ({ reviewId: w.reviews.customerReviewId, title: `Edited ${w.unique("t")}` }),
  },
  "reviews.remove": {
    gate: "customer",
    owner: ownedByCustomer(notFound("review.not_found")),
    make: (w) => w.fresh.review(),
    input: (_, reviewId) => ({ reviewId }),
  },
  "reviews.mine": { gate: "customer", input: () => ({}) },
  "reviews.eligibility": { gate: "customer", input: (w) => ({ productId: w.seller.listed.id }) },
  "reviews.vote": {
    gate: "authed",
    input: (w) => ({ reviewId: w.reviews.votableId, helpful: true }),
  },

  // -- reports: anyone signed in reports what they can see; only admins decide
  "reports.create": {
    gate: "authed",
    input: (w) => ({ targetType: "product", targetId: w.seller.listed.id, reason: "spam" }),
    hidden: [
      {
        label: "seller A's draft product",
        input: (w) => ({ targetType: "product", targetId: w.seller.draft.id, reason: "spam" }),
        denied: notFound("report.product_not_found"),
      },
      {
        label: "a suspended shop",
        input: (w) => ({ targetType: "shop", targetId: w.suspendedSeller.shopId, reason: "spam" }),
        denied: notFound("report.shop_not_found"),
      },
    ],
  },

  // -- seller: the shop and its catalogue, coupons, sales and orders
  "sellers.submitApplication": {
    gate: "applicant",
    input: (w) => w.shopInput(w.unique("Applicant Shop"), "apply@example.com"),
    // One shop per account: only the two plain customers can open one.
    mayEndIn: ["seller.already_seller", "seller.already_applied"],
  },
  "sellers.mine": { gate: "authed" },
  "sellers.updateProfile": {
    gate: "seller",
    owner: ownedBySeller(notFound("media.not_found")),
    input: (w) => ({ logoMediaId: w.seller.logoMediaId }),
  },
  "seller.products.list": { gate: "seller", input: () => ({}) },
  "seller.products.byId": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    input: (w) => ({ id: w.seller.draft.id }),
  },
  "seller.products.create": {
    gate: "seller",
    owner: ownedBySeller(fieldError("media.not_found")),
    input: (w) => ({
      title: w.unique("Matrix new product"),
      categoryId: w.category.id,
      variants: [{ sku: w.unique("NEW"), price: 20_000, stock: 5 }],
      imageIds: [w.seller.imageMediaId],
    }),
  },
  "seller.products.update": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    input: (w) => ({ id: w.seller.draft.id, description: "Hand-stitched." }),
  },
  "seller.products.submit": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    make: (w) => w.fresh.product("draft"),
    input: (_, id) => ({ id }),
  },
  "seller.products.archive": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    make: (w) => w.fresh.product("approved"),
    input: (_, id) => ({ id }),
  },
  "seller.products.restore": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    make: (w) => w.fresh.product("archived"),
    input: (_, id) => ({ id }),
  },
  "seller.products.discardRevision": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    input: (w) => ({ id: w.seller.draft.id }),
    mayEndIn: ["product.no_revision"],
  },
  "seller.products.adjustStock": {
    gate: "seller",
    owner: ownedBySeller(notFound("variant.not_found")),
    input: (w) => ({ variantId: w.seller.listed.variantId, delta: 1, reason: "Recount" }),
  },
  "seller.products.setStock": {
    gate: "seller",
    owner: ownedBySeller(notFound("variant.not_found")),
    input: (w) => ({ variantId: w.seller.listed.variantId, stock: 40, reason: "Stock-take" }),
  },
  "seller.products.inventoryLog": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    input: (w) => ({ productId: w.seller.listed.id }),
  },
  "seller.coupons.list": { gate: "seller", input: () => ({}) },
  "seller.coupons.create": {
    gate: "seller",
    owner: ownedBySeller(fieldError("coupon.product_not_found")),
    input: (w) => ({
      code: `NEW${randomUUID().slice(0, 8).toUpperCase()}`,
      kind: "percent",
      percentBps: 500,
      productIds: [w.seller.listed.id],
    }),
  },
  "seller.coupons.update": {
    gate: "seller",
    owner: ownedBySeller(notFound("coupon.not_found")),
    input: (w) => ({ id: w.seller.couponId, description: "Ten percent off" }),
  },
  "seller.coupons.setActive": {
    gate: "seller",
    owner: ownedBySeller(notFound("coupon.not_found")),
    input: (w) => ({ id: w.seller.couponId, active: true }),
  },
  "seller.sales.list": { gate: "seller", input: () => ({}) },
  "seller.sales.create": {
    gate: "seller",
    owner: ownedBySeller(fieldError("sale.variant_not_found")),
    input: (w) => ({
      name: "Matrix weekend",
      ...w.seller.saleWindow(),
      items: [{ variantId: w.seller.onSale.variantId, salePrice: 35_000 }],
    }),
  },
  "seller.sales.update": {
    gate: "seller",
    owner: ownedBySeller(notFound("sale.not_found")),
    input: (w) => ({ id: w.seller.saleId, name: "Matrix sale" }),
  },
  "seller.sales.cancel": {
    gate: "seller",
    owner: ownedBySeller(notFound("sale.not_found")),
    make: (w) => w.fresh.sale(),
    input: (_, id) => ({ id }),
  },
  "seller.orders.list": { gate: "seller", input: () => ({}) },
  "seller.orders.byId": {
    gate: "seller",
    owner: ownedBySeller(notFound("order.not_found")),
    input: (w) => ({ subOrderId: w.customer.codSubOrderId }),
  },
  "seller.orders.advance": {
    gate: "seller",
    owner: ownedBySeller(notFound("order.not_found")),
    make: async (w) => (await w.fresh.order()).subOrderId,
    input: (_, subOrderId) => ({ subOrderId, to: "packed" }),
  },
  "seller.questions.list": {
    gate: "seller",
    owner: ownedBySeller(notFound("product.not_found")),
    input: (w) => ({ status: "all", productId: w.seller.listed.id }),
  },
  "seller.questions.answer": {
    gate: "seller",
    owner: ownedBySeller(refused()),
    input: (w) => ({ questionId: w.qa.questionId, body: `Answer ${w.unique("a")}` }),
  },
  // Analytics name no object: each shop reads its own figures (core tests check the isolation).
  "seller.analytics.dashboard": { gate: "seller", input: (w) => w.analytics.range },
  "seller.analytics.topProducts": { gate: "seller", input: (w) => ({ ...w.analytics.range, limit: 5 }) },
  "seller.returns.list": { gate: "seller", input: () => ({}) },
  "seller.returns.get": {
    gate: "seller",
    owner: ownedBySeller(notFound("return.not_found")),
    input: (w) => ({ id: w.returns.requestedId }),
  },
  "seller.returns.approve": {
    gate: "seller",
    owner: ownedBySeller(notFound("return.not_found")),
    make: (w) => w.fresh.returnRequest(),
    input: (_, id) => ({ id }),
  },
  "seller.returns.reject": {
    gate: "seller",
    owner: ownedBySeller(notFound("return.not_found")),
    make: (w) => w.fresh.returnRequest(),
    input: (_, id) => ({ id, reason: "Matrix says no" }),
  },
  "seller.returns.receive": {
    gate: "seller",
    owner: ownedBySeller(notFound("return.not_found")),
    make: (w) => w.fresh.approvedReturn(),
    input: (_, made) => {
      const [id, orderItemId] = made.split("|") as [string, string];
      return { id, lines: [{ orderItemId, restock: true }] };
    },
  },
  // Each approved seller reads and sets their own shop's window; null follows the platform.
  "seller.returns.window": { gate: "seller" },
  "seller.returns.setWindow": { gate: "seller", input: () => ({ returnWindowDays: null }) },
  // Money names no object but payouts: each shop reads its own ledger (core tests check isolation).
  "seller.ledger.balances": { gate: "seller" },
  "seller.ledger.list": { gate: "seller", input: () => ({}) },
  "seller.ledger.statement": { gate: "seller", input: (w) => ({ month: w.ledger.month }) },
  // Seller A's money is paid out and seller B has none: both get past every check to the balance rule.
  "seller.payouts.request": {
    gate: "seller",
    input: () => ({ amount: 50_000 }),
    mayEndIn: ["payout.insufficient_balance"],
  },
  "seller.payouts.list": { gate: "seller", input: () => ({}) },
  "seller.payouts.get": {
    gate: "seller",
    owner: ownedBySeller(notFound("payout.not_found")),
    input: (w) => ({ id: w.payouts.paidId }),
  },
  // Outbound webhooks: each shop reaches only its own endpoints (not found otherwise).
  // Seller API keys (#16): sessions only (keys are refused by every procedure without a scope).
  "seller.apiKeys.list": { gate: "seller" },
  "seller.apiKeys.create": {
    gate: "seller",
    input: () => ({ name: "Matrix ERP", scopes: ["catalog:read"] }),
  },
  "seller.apiKeys.revoke": {
    gate: "seller",
    owner: ownedBySeller(notFound("api_key.not_found")),
    make: async (w) =>
      (await createApiKey(w.t.deps, w.seller.actor, { name: "Matrix", scopes: ["orders:read"] })).id,
    input: (_, made) => ({ id: made }),
  },
  // Catalog CSV imports (#16): each shop sees only its own (not found otherwise).
  "seller.catalogImport.list": { gate: "seller", input: () => ({}) },
  "seller.catalogImport.get": {
    gate: "seller",
    owner: ownedBySeller(notFound("catalog_import.not_found")),
    make: async (w) =>
      (
        await importCatalogCsv(w.t.deps, w.seller.actor, {
          filename: "m.csv",
          bytes: Buffer.from("title\nx\n"),
        })
      ).id,
    input: (_, made) => ({ id: made }),
  },
  "seller.webhooks.list": { gate: "seller" },
  "seller.webhooks.create": { gate: "seller", input: () => webhookInput },
  "seller.webhooks.update": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.endpoint_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ id: endpointIdOf(made), enabled: false }),
  },
  "seller.webhooks.remove": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.endpoint_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "seller.webhooks.rotateSecret": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.endpoint_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "seller.webhooks.sendTest": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.endpoint_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "seller.webhooks.deliveries": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.endpoint_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ endpointId: endpointIdOf(made) }),
  },
  "seller.webhooks.redeliver": {
    gate: "seller",
    owner: ownedBySeller(notFound("webhook.event_not_found")),
    make: (w) => webhookEndpoint(w),
    input: (_, made) => ({ eventId: eventIdOf(made) }),
  },
  "seller.reviews.list": { gate: "seller", input: () => ({ unreplied: false }) },
  "seller.reviews.reply": {
    gate: "seller",
    owner: ownedBySeller(notFound("review.not_found")),
    input: (w) => ({ reviewId: w.reviews.customerReviewId, body: `Thanks ${w.unique("r")}` }),
  },

  // -- admin: everything, for the admin only; inputs still name sellers' and customers' objects
  "admin.users.list": { gate: "admin", input: () => ({}) },
  "admin.users.setStatus": {
    gate: "admin",
    make: (w) => w.fresh.user(),
    input: (_, userId) => ({ userId, status: "suspended", reason: "Matrix check" }),
  },
  "admin.sellers.list": { gate: "admin", input: () => ({}) },
  "admin.sellers.byId": { gate: "admin", input: (w) => ({ sellerId: w.seller.shopId }) },
  "admin.sellers.approve": {
    gate: "admin",
    make: (w) => w.fresh.shop("pending"),
    input: (_, sellerId) => ({ sellerId }),
  },
  "admin.sellers.reject": {
    gate: "admin",
    make: (w) => w.fresh.shop("pending"),
    input: (_, sellerId) => ({ sellerId, reason: "PAN unreadable" }),
  },
  "admin.sellers.suspend": {
    gate: "admin",
    make: (w) => w.fresh.shop("approved"),
    input: (_, sellerId) => ({ sellerId, reason: "Customer complaints" }),
  },
  "admin.sellers.reinstate": {
    gate: "admin",
    make: (w) => w.fresh.shop("suspended"),
    input: (_, sellerId) => ({ sellerId }),
  },
  "admin.sellers.setCommission": {
    gate: "admin",
    input: (w) => ({ sellerId: w.seller.shopId, commissionBps: null }),
  },
  "admin.settings.get": { gate: "admin" },
  "admin.returns.shopWindow": { gate: "admin", input: (w) => ({ sellerId: w.seller.shopId }) },
  "admin.settings.setDefaultCommission": { gate: "admin", input: () => ({ commissionBps: 1000 }) },
  "admin.settings.checkout": { gate: "admin" },
  "admin.settings.setCheckout": {
    gate: "admin",
    input: (w) => ({ maxQtyPerLine: w.checkoutSettings.maxQtyPerLine }),
  },
  "admin.settings.finance": { gate: "admin" },
  "admin.payments.gateways": { gate: "admin" },
  "admin.payments.setGateways": { gate: "admin", input: () => ({ cod: true }) },
  "admin.settings.setFinance": { gate: "admin", input: () => ({ tcsBps: 100 }) },
  "admin.ledger.balances": { gate: "admin", input: (w) => ({ sellerId: w.seller.shopId }) },
  "admin.ledger.list": { gate: "admin", input: (w) => ({ sellerId: w.seller.shopId }) },
  "admin.ledger.statement": {
    gate: "admin",
    input: (w) => ({ sellerId: w.seller.shopId, month: w.ledger.month }),
  },
  "admin.ledger.adjust": {
    gate: "admin",
    input: (w) => ({
      sellerId: w.seller.shopId,
      direction: "credit" as const,
      amount: 100,
      reason: "Matrix adjustment",
    }),
  },
  "admin.payouts.list": { gate: "admin", input: () => ({ status: "requested" as const }) },
  "admin.payouts.get": { gate: "admin", input: (w) => ({ id: w.payouts.paidId }) },
  "admin.payouts.approve": {
    gate: "admin",
    make: (w) => w.fresh.payout("requested"),
    input: (_, id) => ({ id }),
  },
  "admin.payouts.markPaid": {
    gate: "admin",
    make: (w) => w.fresh.payout("approved"),
    input: (_, id) => ({ id, utr: "MATRIXUTR000001" }),
  },
  "admin.payouts.reject": {
    gate: "admin",
    make: (w) => w.fresh.payout("requested"),
    input: (_, id) => ({ id, reason: "Matrix rejection" }),
  },
  "admin.payouts.export": { gate: "admin", input: () => ({}) },
  // The platform's own webhook endpoints (they hear every shop's events).
  "admin.webhooks.list": { gate: "admin" },
  "admin.webhooks.create": { gate: "admin", input: () => webhookInput },
  "admin.webhooks.update": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ id: endpointIdOf(made), events: ["order.paid"] }),
  },
  "admin.webhooks.remove": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "admin.webhooks.rotateSecret": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "admin.webhooks.sendTest": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ id: endpointIdOf(made) }),
  },
  "admin.webhooks.deliveries": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ endpointId: endpointIdOf(made) }),
  },
  "admin.webhooks.redeliver": {
    gate: "admin",
    make: (w) => webhookEndpoint(w, true),
    input: (_, made) => ({ eventId: eventIdOf(made) }),
  },
  "admin.products.queue": { gate: "admin", input: () => ({}) },
  "admin.products.approve": {
    gate: "admin",
    make: (w) => w.fresh.product("pending_review"),
    input: (_, productId) => ({ productId }),
  },
  "admin.products.reject": {
    gate: "admin",
    make: (w) => w.fresh.product("pending_review"),
    input: (_, productId) => ({ productId, reason: "Blurry photos" }),
  },
  "admin.products.feature": {
    gate: "admin",
    input: (w) => ({ productId: w.seller.listed.id, featured: false }),
  },
  "admin.products.takeDown": {
    gate: "admin",
    make: (w) => w.fresh.product("approved"),
    input: (_, productId) => ({ productId, reason: "Counterfeit goods" }),
  },
  "admin.reports.list": { gate: "admin", input: () => ({}) },
  "admin.reports.get": { gate: "admin", input: (w) => ({ id: w.reports.caseId }) },
  "admin.reports.resolve": {
    gate: "admin",
    make: (w) => w.fresh.reportCase(),
    input: (_, id) => ({ id, action: "dismiss" }),
  },
  // Only a case that hid content can be restored: the admin gets past the gate to that rule.
  "admin.reports.restore": {
    gate: "admin",
    make: (w) => w.fresh.reportCase(),
    input: (_, id) => ({ id, note: "Appeal accepted" }),
    mayEndIn: ["report.not_hidden"],
  },
  "admin.categories.create": {
    gate: "admin",
    input: (w) => ({ name: "Matrix category", slug: w.unique("matrix-category") }),
  },
  "admin.categories.update": {
    gate: "admin",
    input: (w) => ({ id: w.renamableCategoryId, name: "Renamable" }),
  },
  "admin.categories.delete": { gate: "admin", make: (w) => w.fresh.category(), input: (_, id) => ({ id }) },
  "admin.coupons.list": { gate: "admin", input: () => ({}) },
  "admin.coupons.create": {
    gate: "admin",
    input: () => ({ code: `PLAT${randomUUID().slice(0, 8).toUpperCase()}`, kind: "fixed", amountOff: 1_000 }),
  },
  "admin.coupons.update": {
    gate: "admin",
    input: (w) => ({ id: w.platformCouponId, description: "Fifty off" }),
  },
  // Admins oversee every coupon: seller A's included.
  "admin.coupons.setActive": { gate: "admin", input: (w) => ({ id: w.seller.couponId, active: true }) },
  "admin.orders.list": { gate: "admin", input: () => ({}) },
  "admin.analytics.dashboard": {
    gate: "admin",
    input: (w) => ({ ...w.analytics.range, granularity: "week" }),
  },
  "admin.analytics.topCategories": { gate: "admin", input: (w) => w.analytics.range },
  "admin.analytics.topShops": { gate: "admin", input: (w) => w.analytics.range },
  "admin.analytics.home": { gate: "admin" },
  "admin.returns.list": { gate: "admin", input: () => ({ escalated: true }) },
  "admin.returns.get": { gate: "admin", input: (w) => ({ id: w.returns.requestedId }) },
  "admin.returns.decide": {
    gate: "admin",
    make: (w) => w.fresh.escalatedReturn(),
    input: (_, id) => ({ id, decision: "approve" as const, note: "Matrix decision" }),
  },
  "admin.returns.markRefundPaid": {
    gate: "admin",
    make: (w) => w.fresh.owedReturn(),
    input: (_, id) => ({ id, reference: "UTR-MATRIX-1" }),
  },
  "admin.returns.settings": { gate: "admin" },
  "admin.returns.setDefaultWindow": { gate: "admin", input: () => ({ days: 7 }) },
  "admin.returns.setShopWindow": {
    gate: "admin",
    input: (w) => ({ sellerId: w.seller.shopId, returnWindowDays: null }),
  },
  "admin.orders.byId": { gate: "admin", input: (w) => ({ orderId: w.customer.codOrderId }) },
  "admin.orders.cancel": {
    gate: "admin",
    make: async (w) => (await w.fresh.order()).orderId,
    input: (_, orderId) => ({ orderId, reason: "Matrix check" }),
  },
  // -- audit log: admins read who did what; nobody writes it through the API
  "admin.audit.list": { gate: "admin", input: () => ({ action: "seller." }) },
  "admin.audit.get": {
    gate: "admin",
    make: (w) => audit(w.t.deps.db, { actorId: null, action: "matrix.probe", targetType: "matrix" }),
    input: (_, id) => ({ id }),
  },
};

// ---- the runner ------------------------------------------------------------------------------

type Outcome =
  | { outcome: "allowed"; code?: string; reason?: string; heard?: string }
  | { outcome: "denied"; code: string; reason?: string }
  | { outcome: "crashed"; code: string; message?: string }
  | { outcome: "failed"; code: string; reason?: string }
  | { outcome: "invalid input"; fieldErrors?: Record<string, string[]> };
type Expected = Outcome & { leaks?: string[] };

/** Non-owners first: were one of them let through, the owner's call shows the damage too. */
const CALL_ORDER: Persona[] = [
  "anonymous",
  "otherCustomer",
  "otherSeller",
  "pendingSeller",
  "suspendedSeller",
  "admin",
  "customer",
  "seller",
];
/** The table's verdict: the gate first, then whose object the input names (`owner` undefined: nobody's). */
function expectedFor(
  gate: Gate,
  persona: Persona,
  denied?: Denial,
  owner?: Persona,
  also: Persona[] = [],
): Expected {
  const passes = (GATES[gate] as readonly Persona[]).includes(persona);
  if (!passes) return { outcome: "denied", code: persona === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN" };
  if (denied && persona !== owner && !also.includes(persona))
    return { outcome: "denied", code: denied.code, ...(denied.reason && { reason: denied.reason }) };
  return { outcome: "allowed" };
}

/** What a client sees: success, a refusal (a gate, or an object that is not theirs), or any other error. */
async function settle(call: () => Promise<unknown>, denial?: Denial) {
  const result = await call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (result.ok) return { outcome: { outcome: "allowed" } as Outcome, seen: result.value };
  // An error raised while a stream opens is not (yet) a TRPCError: read its domain code.
  const data =
    result.error instanceof DomainError
      ? { code: result.error.code, reason: result.error.reason }
      : await clientError(Promise.reject(result.error));
  const seen = { message: (result.error as Error).message, data };
  const { code, reason } = data;
  if (code === "INTERNAL_SERVER_ERROR")
    return { outcome: { outcome: "crashed", code, message: seen.message } as Outcome, seen };
  // A row's input the schema refuses proves nothing about who may call: fix the row.
  if (reason === "validation.failed")
    return {
      outcome: {
        outcome: "invalid input",
        fieldErrors: "fieldErrors" in data ? data.fieldErrors : {},
      } as Outcome,
      seen,
    };
  const refused =
    code === "UNAUTHORIZED" ||
    code === "FORBIDDEN" ||
    code === "NOT_FOUND" ||
    (denial && code === denial.code && reason === denial.reason);
  return { outcome: { outcome: refused ? "denied" : "allowed", code, reason } as Outcome, seen };
}

/** Private values in an answer (or an error) that `persona` may not see, unless it sent them itself. */
function leaks(w: AuthzWorld, row: Row<unknown>, persona: Persona, input: unknown, seen: unknown): string[] {
  const sent = JSON.stringify(input ?? null);
  const text = JSON.stringify(seen ?? null);
  return w
    .markers()
    .filter((m: Marker) => !m.visibleTo.includes(persona) && !row.reveals?.includes(m.label))
    .filter((m) => !sent.includes(m.value) && text.includes(m.value))
    .map((m) => m.label);
}

type Callable = ((input?: unknown) => Promise<unknown>) & { [key: string]: Callable };
const procedureAt = (caller: unknown, path: string) =>
  path.split(".").reduce<Callable>((fn, key) => fn[key]!, caller as Callable);

/**
 * Opens a subscription as `persona` and publishes to every channel of the world, the
 * persona's own last, until the stream yields: the first event must be from its own channel.
 * The stream is always closed again.
 */
async function openStream(w: AuthzWorld, path: string, row: Row<unknown>, persona: Persona, tokens: Tokens) {
  const abort = new AbortController();
  const accessToken = persona === "anonymous" ? null : tokens[persona];
  const caller = createCaller({ deps: w.t.deps, http: testHttp({ accessToken }) }, { signal: abort.signal });
  let iterator: AsyncIterator<unknown> | undefined;
  try {
    const { outcome, seen } = await settle(async () => {
      const stream = (await procedureAt(caller, path)()) as AsyncIterable<{ channel: string }>;
      iterator = stream[Symbol.asyncIterator]();
      if (row.greets) await iterator.next();
      const first = iterator.next();
      const own = row.channel!(w, persona);
      for (let round = 0; round < 200; round++) {
        // One synchronous burst: a stream listening anywhere else hears that first.
        const probe = row.probe ?? ((channel: string) => ({ channel }));
        for (const channel of w.channels)
          if (channel !== own) void w.t.deps.live.publish(channel, probe(channel));
        void w.t.deps.live.publish(own, probe(own));
        const got = await Promise.race([first, new Promise<null>((r) => setTimeout(r, 10, null))]);
        if (got)
          return {
            heard: row.heard ? row.heard(got.value) : (got.value as { channel: string } | undefined)?.channel,
          };
      }
      throw new Error(`the stream of ${persona} never delivered an event`);
    });
    return outcome.outcome === "allowed"
      ? { ...outcome, heard: (seen as { heard?: string }).heard }
      : outcome;
  } finally {
    abort.abort();
    await iterator?.return?.();
  }
}

let t: TestContext;
let w: AuthzWorld;
beforeAll(async () => {
  // Every persona signs in from one loopback address, over and over; the limits have their own tests.
  const lenient = Object.fromEntries(
    Object.keys(defaultLimits).map((name) => [name, { points: 1_000_000, duration: 60 }]),
  ) as Partial<Limits>;
  t = await createTestContext({ limits: lenient });
  w = await buildAuthzWorld(t);
});
afterAll(() => t?.close());

// tRPC 11 keeps a flat map of every eagerly built procedure, keyed by its dotted path.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

describe("authorization matrix", () => {
  it("has a row for every procedure of the router and none for a procedure that is gone", () => {
    // A lazily loaded router would be missing from the map this matrix walks.
    expect(Object.keys(appRouter._def.lazy)).toEqual([]);
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(procedures).sort());
  });

  for (const [path, procedure] of Object.entries(procedures)) {
    it(path, async () => {
      const row = (matrix as Record<string, Row<unknown> | undefined>)[path];
      if (!row) throw new Error(`${path} has no row in the authorization matrix: say who may call it`);
      const subscription = procedure._def.type === "subscription";
      const tokens = row.ownSessions ? await w.signIn() : w.tokens;
      const made = (await row.make?.(w)) ?? "";

      const actual: Record<string, Expected> = {};
      const expected: Record<string, Expected> = {};
      for (const persona of CALL_ORDER) {
        // Everyone but customer A and seller A has called: what they did to their own data left A's alone.
        if (persona === "customer") await row.survives?.(w, made);
        expected[persona] = expectedFor(row.gate, persona, row.owner?.denied, row.owner?.by, row.owner?.also);
        if (subscription) {
          actual[persona] = await openStream(w, path, row, persona, tokens);
          if (expected[persona].outcome === "allowed")
            expected[persona] = { outcome: "allowed", heard: row.channel!(w, persona) };
          continue;
        }
        const input = await row.input?.(w, made);
        const caller = w.as(persona, tokens);
        const { outcome, seen } = await settle(() => procedureAt(caller, path)(input), row.owner?.denied);
        const failed =
          outcome.outcome === "allowed" &&
          outcome.code !== undefined &&
          !row.mayEndIn?.includes(outcome.reason ?? "");
        actual[persona] = {
          ...(failed ? { ...outcome, outcome: "failed", code: outcome.code! } : outcome),
          leaks: leaks(w, row, persona, input, seen),
        };
        expected[persona] = { ...expected[persona], leaks: [] };
      }
      for (const probe of row.hidden ?? []) {
        const input = probe.input(w);
        for (const persona of CALL_ORDER) {
          const key = `${persona} → ${probe.label}`;
          expected[key] = expectedFor(row.gate, persona, probe.denied);
          const { outcome } = await settle(
            () => procedureAt(w.as(persona, tokens), path)(input),
            probe.denied,
          );
          actual[key] = outcome;
        }
      }
      expect(actual).toMatchObject(expected);
    });
  }
});
