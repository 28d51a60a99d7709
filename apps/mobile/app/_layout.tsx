import { router, Stack } from "expo-router";
import { StatusBar } from "expo-status-bar";
import { useEffect, useState } from "react";
import { SafeAreaProvider } from "react-native-safe-area-context";
import { AppProviders, useAuth, useSession } from "../src/app-context";
import { Button, colors, Empty, Loading, Muted, Screen } from "../src/ui";

/** Waits for the saved session; offline at launch, it says so and offers a retry. */
function StartGate({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const { status } = useAuth();
  const [offline, setOffline] = useState(false);
  const [trying, setTrying] = useState(false);
  const start = () => {
    setTrying(true);
    void session.start().then((r) => {
      setOffline(r === "offline");
      setTrying(false);
    });
  };
  useEffect(start, []);
  // A revoked or suspended session lands on sign-in, wherever the app was.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.lastEnd()) router.replace("/sign-in");
      }),
    [session],
  );
  if (offline)
    return (
      <Screen testID="offline-start">
        <Empty title="No connection" testID="offline">
          <Muted>Bazaar could not reach its server. Check your internet connection.</Muted>
          <Button label="Retry" onPress={start} busy={trying} />
        </Empty>
        <Button label="Continue offline" kind="link" onPress={() => setOffline(false)} />
      </Screen>
    );
  if (status === "loading") return <Loading label="Starting Bazaar" />;
  return <>{children}</>;
}

export default function RootLayout() {
  return (
    <SafeAreaProvider>
      <AppProviders>
        <StatusBar style="dark" />
        <StartGate>
          <Stack
            screenOptions={{
              headerTintColor: colors.brand,
              contentStyle: { backgroundColor: colors.bg },
              headerBackTitle: "Back",
            }}
          >
            <Stack.Screen name="(tabs)" options={{ headerShown: false, title: "Bazaar" }} />
          </Stack>
        </StartGate>
      </AppProviders>
    </SafeAreaProvider>
  );
}
