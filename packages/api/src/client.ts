// What a client may know of the API: the router's type, for its typed tRPC client. Built to
// dist/types/index.d.ts by scripts/build-types.mjs, so clients' type checks read one
// declaration file instead of compiling the server's sources (`@bazaar/api/client`).
export type { AppRouter } from "./root";
