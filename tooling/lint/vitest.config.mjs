import { baseConfig } from "@bazaar/vitest-config";

export default baseConfig;
