export { type ApiKeyActor, authenticateApiKey, LAST_USED_RESOLUTION_MS } from "./authenticate-api-key";
export { createApiKey, MAX_LIVE_KEYS } from "./create-api-key";
export { listApiKeys } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
