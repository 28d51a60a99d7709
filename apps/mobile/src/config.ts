import Constants from "expo-constants";
import { Platform } from "react-native";

const API_PORT = 3000;

/**
 * Where the API is. EXPO_PUBLIC_API_URL wins (set per environment at build time, or in
 * app.config's `extra.apiUrl`). Otherwise: the web build asks its own origin (the static host
 * forwards /trpc, /api and /track to the API, as the web apps' preview servers do), and Expo
 * Go asks the machine that serves the bundle, on the API's port — `npm start` on a laptop
 * and the phone on the same Wi-Fi then need no configuration.
 */
export function apiBaseUrl(): string {
  const fromEnv: unknown =
    // biome-ignore lint/style/noProcessEnv: Expo inlines EXPO_PUBLIC_ variables into the bundle at build time.
    process.env.EXPO_PUBLIC_API_URL ?? Constants.expoConfig?.extra?.apiUrl;
  // A string only: anything else in the config (Expo writes a null there as {}) is no address.
  if (typeof fromEnv === "string" && fromEnv) return fromEnv.replace(/\/+$/, "");
  if (Platform.OS === "web") return "";
  const host = Constants.expoConfig?.hostUri?.split(":")[0];
  return `http://${host ?? "localhost"}:${API_PORT}`;
}

export const trpcUrl = () => `${apiBaseUrl()}/trpc`;
/** The server draws tracking QR codes itself: /track/<code>/qr.png. */
export const trackingQrUrl = (code: string) => `${apiBaseUrl()}/track/${encodeURIComponent(code)}/qr.png`;
export const invoiceUrl = (subOrderId: string) =>
  `${apiBaseUrl()}/api/invoices/${encodeURIComponent(subOrderId)}`;
/** Media the API serves from local disk come as paths; a phone needs the API's host on them. */
export const mediaUrl = (url: string | null): string | null =>
  url?.startsWith("/") ? `${apiBaseUrl()}${url}` : url;
