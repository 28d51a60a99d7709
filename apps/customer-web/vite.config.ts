import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API is proxied under the app's own origin, so the refresh cookie is first-party:
// tRPC, the upload and invoice endpoints, locally stored images, tracking QR codes (only
// those: /track/:code itself is this app's page) and the dev payment gateway's page.
const target = process.env.BAZAAR_API_URL ?? "http://127.0.0.1:3000";
const proxy = {
  "/trpc": { target },
  "/api": { target },
  "/media": { target },
  "^/track/[^/]+/qr\\.(png|svg)$": { target },
  "/dev/checkout": { target },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 5173, strictPort: true, proxy },
});
