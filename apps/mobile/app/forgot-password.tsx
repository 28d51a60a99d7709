import { toFormError, useTRPCClient } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { router, Stack, useLocalSearchParams } from "expo-router";
import { useState } from "react";
import { Button, Field, Muted, Notice, Screen, Title } from "../src/ui";

/** Asks for a reset link by email; the link (or its token pasted here) sets a new password. */
export default function ForgotPassword() {
  const params = useLocalSearchParams<{ token?: string }>();
  const client = useTRPCClient();
  const [email, setEmail] = useState("");
  const [link, setLink] = useState(params.token ?? "");
  const [password, setPassword] = useState("");
  const request = useMutation({ mutationFn: () => client.auth.requestPasswordReset.mutate({ email }) });
  const token = (() => {
    const m = /[?&]token=([^&\s]+)/.exec(link);
    return m?.[1] ? decodeURIComponent(m[1]) : link.trim();
  })();
  const reset = useMutation({
    mutationFn: () => client.auth.resetPassword.mutate({ token, newPassword: password }),
  });
  const requestError = request.error ? toFormError(request.error) : null;
  const resetError = reset.error ? toFormError(reset.error) : null;
  return (
    <Screen testID="forgot-password">
      <Stack.Screen options={{ title: "Forgot password" }} />
      <Title>Reset your password</Title>
      {!params.token ? (
        <>
          <Field
            label="Email"
            value={email}
            onChangeText={setEmail}
            autoCapitalize="none"
            keyboardType="email-address"
            error={requestError?.fieldErrors.email ?? requestError?.message}
          />
          <Button label="Email me a reset link" busy={request.isPending} onPress={() => request.mutate()} />
          {request.isSuccess ? <Notice tone="ok">{request.data.message}</Notice> : null}
        </>
      ) : null}
      <Muted>Open the link on this phone, or paste it here:</Muted>
      <Field
        label="Reset link"
        value={link}
        onChangeText={setLink}
        autoCapitalize="none"
        error={resetError?.fieldErrors.token}
      />
      <Field
        label="New password"
        value={password}
        onChangeText={setPassword}
        secureTextEntry
        error={resetError?.fieldErrors.newPassword}
      />
      {resetError && !resetError.fieldErrors.token && !resetError.fieldErrors.newPassword ? (
        <Notice tone="error">{resetError.message}</Notice>
      ) : null}
      {reset.isSuccess ? (
        <>
          <Notice tone="ok">Your password is changed. Sign in with the new one.</Notice>
          <Button label="Sign in" onPress={() => router.replace("/sign-in")} />
        </>
      ) : (
        <Button
          label="Set new password"
          kind="secondary"
          disabled={!token}
          busy={reset.isPending}
          onPress={() => reset.mutate()}
        />
      )}
    </Screen>
  );
}
