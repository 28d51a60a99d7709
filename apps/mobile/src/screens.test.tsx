import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import Cart from "../app/(tabs)/cart";
import Home from "../app/(tabs)/index";
import Checkout from "../app/checkout";
import SignIn from "../app/sign-in";
import { createMobileSession } from "./session";
import { memoryStore, REFRESH_TOKEN_KEY } from "./storage";
import { emptyCart, fakeApi, signedIn, user } from "./testing/fake-api";
import { renderApp } from "./testing/render-app";

const Account = () => null;
const noSession = {
  "auth.refresh": () => ({ error: { code: "UNAUTHORIZED", reason: "auth.refresh_invalid", status: 401 } }),
};

const product = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  slug: `handloom-saree-${n}`,
  title: `Handloom saree ${n}`,
  brand: null,
  minPrice: 125_000_00,
  maxPrice: 125_000_00,
  compareAtPrice: null,
  currency: "INR",
  imageUrl: null,
  ratingAvg: 4.5,
  ratingCount: 12,
  inStock: true,
  seller: { slug: "weavers", shopName: "Weavers of Varanasi" },
});
const page = (items: unknown[]) => ({
  data: {
    items,
    nextCursor: null,
    total: items.length,
    totalIsLowerBound: false,
    facets: { categories: [], brands: [], priceBuckets: [] },
  },
});

describe("sign-in", () => {
  it("signs in, keeps the refresh token in the device store and shows the account", async () => {
    const api = fakeApi({ ...noSession, "auth.login": () => signedIn(1) });
    const storage = memoryStore();
    const app = renderApp({ "sign-in": SignIn, account: Account }, { api, storage, initialUrl: "/sign-in" });
    const { session } = app;
    fireEvent.changeText(await screen.findByLabelText("Email"), "asha@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "mango-tree-42");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(app.getPathname()).toBe("/account"));
    expect(session.auth.getState().user?.name).toBe(user.name);
    await expect(storage.get(REFRESH_TOKEN_KEY)).resolves.toBe("refresh-token-number-1-xxxxxxxxxxxx");
    expect(api.calls.find((c) => c.path === "auth.login")?.input).toEqual({
      email: "asha@example.com",
      password: "mango-tree-42",
    });
  });

  it("shows the server's reason when the password is wrong, and stays signed out", async () => {
    const api = fakeApi({
      ...noSession,
      "auth.login": () => ({
        error: {
          code: "UNAUTHORIZED",
          reason: "auth.invalid_credentials",
          message: "Wrong email or password",
          status: 401,
        },
      }),
    });
    const { session } = renderApp({ "sign-in": SignIn }, { api, initialUrl: "/sign-in" });
    fireEvent.changeText(await screen.findByLabelText("Email"), "asha@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "nope");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Wrong email or password")).toBeTruthy();
    expect(session.auth.getState().status).toBe("signedOut");
  });

  it("a revoked session lands on sign-in saying so", async () => {
    const api = fakeApi({
      "auth.refresh": () => ({ error: { code: "UNAUTHORIZED", reason: "auth.session_ended", status: 401 } }),
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: "refresh-token-number-0-xxxxxxxxxxxx" });
    renderApp({ "sign-in": SignIn }, { api, storage, initialUrl: "/sign-in" });
    expect(await screen.findByTestId("session-ended")).toHaveTextContent(/session has ended/);
  });
});

describe("home", () => {
  it("offline, says 'No connection' and loads once the retry gets through", async () => {
    let online = false;
    const whenOnline = (answer: () => unknown) => () =>
      online ? (answer() as { data: unknown }) : { offline: true as const };
    const api = fakeApi({
      ...noSession,
      "catalog.categories": whenOnline(() => ({ data: [] })),
      "catalog.products.list": whenOnline(() => page([product(1), product(2)])),
    });
    renderApp({ index: Home }, { api, initialUrl: "/" });
    expect(await screen.findByText("No connection")).toBeTruthy();
    online = true;
    fireEvent.press(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findAllByText("Handloom saree 1")).not.toHaveLength(0);
    // ₹ with Indian digit grouping.
    expect(screen.getAllByText(/₹1,25,000/).length).toBeGreaterThan(0);
  });
});

describe("cart", () => {
  it("says what the sign-in merge brought over", async () => {
    const api = fakeApi({ "auth.refresh": () => signedIn(1), "cart.get": () => ({ data: emptyCart }) });
    const storage = memoryStore();
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });
    await session.adopt(signedIn(2, { cartMerge: { linesAdded: 2, linesCombined: 1, capped: [] } }).data);
    renderApp({ cart: Cart }, { api, session, initialUrl: "/cart" });
    expect(await screen.findByTestId("cart-merged")).toHaveTextContent(
      "We added 3 items from your guest cart to your cart.",
    );
  });

  it("is empty with a way to start shopping", async () => {
    const api = fakeApi({ ...noSession, "cart.get": () => ({ data: emptyCart }) });
    renderApp({ cart: Cart }, { api, initialUrl: "/cart" });
    expect(await screen.findByText("Your cart is empty")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Start shopping" })).toBeTruthy();
  });
});

describe("checkout", () => {
  it("a retried order after a lost connection sends the same idempotency key", async () => {
    let online = false;
    const cart = {
      ...emptyCart,
      totals: { ...emptyCart.totals, subtotal: 99_900, total: 99_900, itemCount: 1 },
    };
    const address = {
      id: "00000000-0000-4000-8000-000000000201",
      label: null,
      name: "Asha Verma",
      phone: "9876543210",
      line1: "12 MG Road",
      line2: null,
      landmark: null,
      city: "Pune",
      state: "Maharashtra",
      pincode: "411001",
      country: "IN",
      isDefault: true,
      createdAt: new Date(),
    };
    const api = fakeApi({
      "auth.refresh": () => signedIn(1),
      "cart.get": () => ({ data: cart }),
      "addresses.list": () => ({ data: [address] }),
      "checkout.placeOrder": () =>
        online
          ? { error: { code: "CONFLICT", reason: "checkout.test_stop", status: 409 } }
          : { offline: true },
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: "refresh-token-number-0-xxxxxxxxxxxx" });
    renderApp({ checkout: Checkout }, { api, storage, initialUrl: "/checkout" });
    const place = await screen.findByTestId("place-order");
    fireEvent.press(place);
    expect(await screen.findByTestId("checkout-error")).toHaveTextContent(/connection/i);
    online = true;
    fireEvent.press(screen.getByTestId("place-order"));
    await waitFor(() => expect(api.calls.filter((c) => c.path === "checkout.placeOrder")).toHaveLength(2));
    const [first, second] = api.calls
      .filter((c) => c.path === "checkout.placeOrder")
      .map((c) => c.input as { idempotencyKey: string; paymentMethod: string; addressId: string });
    expect(first?.idempotencyKey).toMatch(/^mob-/);
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(second).toMatchObject({ paymentMethod: "cod", addressId: address.id });
  });
});
