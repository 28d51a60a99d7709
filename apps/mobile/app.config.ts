import type { ExpoConfig } from "expo/config";

// The API's address per environment: EXPO_PUBLIC_API_URL at build time (see src/config.ts for
// the defaults when it is unset: the web build's own origin, Expo Go's dev machine).
const config: ExpoConfig = {
  name: "Bazaar",
  slug: "bazaar",
  scheme: "bazaar",
  version: "1.0.0",
  orientation: "portrait",
  userInterfaceStyle: "light",
  web: { output: "single", bundler: "metro", name: "Bazaar" },
  plugins: ["expo-router", "expo-secure-store", "expo-web-browser"],
  // Only when set: Expo's config serializer writes a null as {} (typeof null is "object"),
  // which the app would take for an address.
  // biome-ignore lint/style/noProcessEnv: app config is read at build time, per environment.
  extra: process.env.EXPO_PUBLIC_API_URL ? { apiUrl: process.env.EXPO_PUBLIC_API_URL } : {},
  experiments: { typedRoutes: false },
};

export default config;
