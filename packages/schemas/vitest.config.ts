import { baseConfig } from "@bazaar/vitest-config";

// The shared settings, shuffled order included; unit tests here need no plugins.
export default baseConfig;
