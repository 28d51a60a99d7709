export { type Context, createContext, type HttpExchange } from "./context";
export { asDomainError, httpStatusOf } from "./errors";
export { openApiDocument, REST_BASE } from "./openapi/document";
export type { Meta } from "./rest-meta";
export { type AppRouter, appRouter, createCaller } from "./root";
export {
  adminProcedure,
  authedProcedure,
  createCallerFactory,
  customerProcedure,
  publicProcedure,
  requireRole,
  router,
  sellerProcedure,
} from "./trpc";
