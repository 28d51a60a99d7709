import { addressesRouter } from "./routers/addresses";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { browseRouter } from "./routers/browse";
import { cartRouter } from "./routers/cart";
import { checkoutRouter, ordersRouter, paymentsRouter, trackingRouter } from "./routers/orders";
import { sellerRouter } from "./routers/seller";
import { sellersRouter, shopsRouter } from "./routers/sellers";
import { wishlistRouter } from "./routers/wishlist";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  catalog: browseRouter,
  addresses: addressesRouter,
  cart: cartRouter,
  wishlist: wishlistRouter,
  checkout: checkoutRouter,
  payments: paymentsRouter,
  orders: ordersRouter,
  tracking: trackingRouter,
  admin: adminRouter,
  seller: sellerRouter,
  sellers: sellersRouter,
  shops: shopsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
