import { Platform } from "react-native";

/**
 * The one place the app keeps anything across restarts: the refresh token and the guest
 * cart's token. On a phone both live in the OS keychain/keystore (expo-secure-store); the
 * web build has no keychain, so it falls back to localStorage there, and only there.
 */
export type KeyValueStore = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
};

export const REFRESH_TOKEN_KEY = "bazaar.refresh-token";
export const GUEST_CART_KEY = "bazaar.guest-cart";
/** "Remember this device" (#16): lets this phone skip the second factor for 30 days. */
export const TRUSTED_DEVICE_KEY = "bazaar.trusted-device";

function webStore(): KeyValueStore {
  const ls = () => (globalThis as { localStorage?: Storage }).localStorage;
  return {
    get: async (key) => ls()?.getItem(key) ?? null,
    set: async (key, value) => ls()?.setItem(key, value),
    remove: async (key) => ls()?.removeItem(key),
  };
}

function secureStore(): KeyValueStore {
  // Loaded lazily: the web bundle never needs the native module.
  const SecureStore = require("expo-secure-store") as typeof import("expo-secure-store");
  return {
    get: (key) => SecureStore.getItemAsync(key),
    set: (key, value) => SecureStore.setItemAsync(key, value),
    remove: (key) => SecureStore.deleteItemAsync(key),
  };
}

/** A store that forgets on restart: tests, and a fallback nobody should ship. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (key) => data.get(key) ?? null,
    set: async (key, value) => void data.set(key, value),
    remove: async (key) => void data.delete(key),
  };
}

export const deviceStore = (): KeyValueStore => (Platform.OS === "web" ? webStore() : secureStore());
