import { useTRPC } from "@bazaar/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Redirect, router, Stack } from "expo-router";
import { useAuth } from "../src/app-context";
import { errorMessage } from "../src/errors";
import { Button, Card, Empty, ErrorState, Loading, Muted, Notice, Row, Screen, Title } from "../src/ui";

export default function Addresses() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const list = useQuery({ ...trpc.addresses.list.queryOptions(), enabled: status === "signedIn" });
  const refresh = () => queryClient.invalidateQueries(trpc.addresses.list.pathFilter());
  const remove = useMutation(trpc.addresses.remove.mutationOptions({ onSuccess: refresh }));
  const setDefault = useMutation(trpc.addresses.setDefault.mutationOptions({ onSuccess: refresh }));
  if (status === "signedOut") return <Redirect href="/sign-in?next=/addresses" />;
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Screen testID="addresses" onRefresh={() => void list.refetch()}>
      <Stack.Screen options={{ title: "Addresses" }} />
      <Title>Your addresses</Title>
      {list.data.length === 0 ? <Empty title="No saved addresses" /> : null}
      {list.data.map((a) => (
        <Card key={a.id} testID="address">
          <Muted>
            {a.label ? `${a.label} · ` : ""}
            {a.isDefault ? "Default" : ""}
          </Muted>
          <Muted>
            {a.name}, {a.line1}
            {a.line2 ? `, ${a.line2}` : ""}, {a.city}, {a.state} {a.pincode} · {a.phone}
          </Muted>
          <Row>
            <Button label="Edit" kind="link" onPress={() => router.push(`/address-form?id=${a.id}`)} />
            {!a.isDefault ? (
              <Button label="Make default" kind="link" onPress={() => setDefault.mutate({ id: a.id })} />
            ) : null}
            <Button label="Delete" kind="link" onPress={() => remove.mutate({ id: a.id })} />
          </Row>
        </Card>
      ))}
      {remove.error || setDefault.error ? (
        <Notice tone="error">{errorMessage(remove.error ?? setDefault.error)}</Notice>
      ) : null}
      <Button label="Add an address" onPress={() => router.push("/address-form")} />
    </Screen>
  );
}
