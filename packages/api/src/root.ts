import { addressesRouter } from "./routers/addresses";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  addresses: addressesRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
