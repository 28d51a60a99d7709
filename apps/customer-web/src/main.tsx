import "@bazaar/ui/styles.css";
import "./after-delivery.css";
import { BazaarProvider } from "@bazaar/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./routes";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BazaarProvider>
      <RouterProvider router={router} />
    </BazaarProvider>
  </StrictMode>,
);
