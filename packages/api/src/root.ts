import { addressesRouter } from "./routers/addresses";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { browseRouter } from "./routers/browse";
import { sellerRouter } from "./routers/seller";
import { sellersRouter, shopsRouter } from "./routers/sellers";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  catalog: browseRouter,
  addresses: addressesRouter,
  admin: adminRouter,
  seller: sellerRouter,
  sellers: sellersRouter,
  shops: shopsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
