import { toFormError, useTRPC } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { Redirect, Stack } from "expo-router";
import { useState } from "react";
import { useAuth } from "../src/app-context";
import { Button, Field, Muted, Notice, Screen, Title } from "../src/ui";

export default function Password() {
  const trpc = useTRPC();
  const { status } = useAuth();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const error = change.error ? toFormError(change.error) : null;
  if (status === "signedOut") return <Redirect href="/sign-in?next=/password" />;
  return (
    <Screen testID="password">
      <Stack.Screen options={{ title: "Change password" }} />
      <Title>Change password</Title>
      <Field
        label="Current password"
        value={currentPassword}
        onChangeText={setCurrent}
        secureTextEntry
        error={error?.fieldErrors.currentPassword}
      />
      <Field
        label="New password"
        value={newPassword}
        onChangeText={setNew}
        secureTextEntry
        error={error?.fieldErrors.newPassword}
      />
      <Muted>Other devices are signed out when the password changes.</Muted>
      {error && !error.fieldErrors.currentPassword && !error.fieldErrors.newPassword ? (
        <Notice tone="error">{error.message}</Notice>
      ) : null}
      {change.isSuccess ? <Notice tone="ok">Password changed.</Notice> : null}
      <Button
        label="Change password"
        busy={change.isPending}
        onPress={() => change.mutate({ currentPassword, newPassword })}
      />
    </Screen>
  );
}
