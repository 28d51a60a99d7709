import { useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Redirect, Stack } from "expo-router";
import { Text } from "react-native";
import { useAuth } from "../src/app-context";
import { errorMessage } from "../src/errors";
import { Button, Card, ErrorState, Loading, Muted, Notice, Screen, styles, Title } from "../src/ui";

/** Where this account is signed in; any other device can be signed out from here. */
export default function Sessions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const list = useQuery({ ...trpc.auth.sessions.queryOptions(), enabled: status === "signedIn" });
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.sessions.pathFilter()),
    }),
  );
  if (status === "signedOut") return <Redirect href="/sign-in?next=/sessions" />;
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Screen testID="sessions" onRefresh={() => void list.refetch()}>
      <Stack.Screen options={{ title: "Signed-in devices" }} />
      <Title>Signed-in devices</Title>
      {list.data.map((s) => (
        <Card key={s.id} testID="session">
          <Text style={styles.heading}>{s.current ? "This device" : (s.userAgent ?? "Unknown device")}</Text>
          <Muted>
            Signed in {formatDateTime(s.createdAt)} · last used {formatDateTime(s.lastUsedAt)}
            {s.ip ? ` · ${s.ip}` : ""}
          </Muted>
          {s.current ? null : (
            <Button
              label="Sign out this device"
              kind="link"
              busy={revoke.isPending}
              onPress={() => revoke.mutate({ sessionId: s.id })}
            />
          )}
        </Card>
      ))}
      {revoke.error ? <Notice tone="error">{errorMessage(revoke.error)}</Notice> : null}
    </Screen>
  );
}
