import { createQueryClient } from "@bazaar/client";
import { Slot } from "expo-router";
import { renderRouter } from "expo-router/testing-library";
import type { ComponentType } from "react";
import { AppProviders } from "../app-context";
import { createMobileSession, type MobileSession } from "../session";
import { type KeyValueStore, memoryStore } from "../storage";
import type { fakeApi } from "./fake-api";

/**
 * Renders screens under the app's real providers and router, against a fake API. Queries do
 * not retry, so error states show at once.
 */
export function renderApp(
  routes: Record<string, ComponentType>,
  options: {
    api: ReturnType<typeof fakeApi>;
    initialUrl: string;
    storage?: KeyValueStore;
    session?: MobileSession;
  },
) {
  const storage = options.storage ?? memoryStore();
  const session =
    options.session ??
    createMobileSession({ url: "http://api.test/trpc", storage, fetch: options.api.fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  function Layout() {
    return (
      <AppProviders session={session} queryClient={queryClient}>
        <Slot />
      </AppProviders>
    );
  }
  const result = renderRouter({ _layout: Layout, ...routes }, { initialUrl: options.initialUrl });
  return { ...result, session, storage, queryClient };
}
