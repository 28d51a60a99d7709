import { toFormError, useTRPCClient } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { router, Stack, useLocalSearchParams } from "expo-router";
import { useState } from "react";
import { afterSignIn } from "../src/after-sign-in";
import { useSession, useSessionEnd } from "../src/app-context";
import { Button, Field, Muted, Notice, Screen, Title } from "../src/ui";

export default function SignIn() {
  const { next } = useLocalSearchParams<{ next?: string }>();
  const client = useTRPCClient();
  const session = useSession();
  const ended = useSessionEnd();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: () => client.auth.login.mutate({ email, password }),
    onSuccess: (result) => afterSignIn(session, result, next),
  });
  const error = login.error ? toFormError(login.error) : null;
  const unverified = error?.reason === "auth.email_not_verified";
  return (
    <Screen testID="sign-in">
      <Stack.Screen options={{ title: "Sign in" }} />
      <Title>Sign in</Title>
      {ended ? (
        <Notice tone="error" testID="session-ended">
          {ended.message}
        </Notice>
      ) : null}
      <Field
        label="Email"
        value={email}
        onChangeText={setEmail}
        autoCapitalize="none"
        keyboardType="email-address"
        autoComplete="email"
        error={error?.fieldErrors.email}
      />
      <Field
        label="Password"
        value={password}
        onChangeText={setPassword}
        secureTextEntry
        autoComplete="password"
        error={error?.fieldErrors.password}
        onSubmitEditing={() => login.mutate()}
      />
      {error && !error.fieldErrors.email && !error.fieldErrors.password ? (
        <Notice tone="error" testID="sign-in-error">
          {error.message}
        </Notice>
      ) : null}
      {unverified ? (
        <Button
          label="Enter the code we emailed"
          kind="link"
          onPress={() => router.push(`/verify?email=${encodeURIComponent(email)}`)}
        />
      ) : null}
      <Button label="Sign in" busy={login.isPending} onPress={() => login.mutate()} />
      <Button label="Forgot password?" kind="link" onPress={() => router.push("/forgot-password")} />
      <Muted>New to Bazaar?</Muted>
      <Button label="Create account" kind="secondary" onPress={() => router.push("/sign-up")} />
    </Screen>
  );
}
