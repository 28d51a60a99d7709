import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API is proxied under the app's own origin, so the refresh cookie is first-party:
// tRPC, the upload endpoint, and locally stored images.
const target = process.env.BAZAAR_API_URL ?? "http://127.0.0.1:3000";
// /docs: the API reference the API keys page links to.
const proxy = { "/trpc": { target }, "/api": { target }, "/media": { target }, "/docs": { target } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5174, strictPort: true, proxy },
  preview: { port: 5174, strictPort: true, proxy },
});
