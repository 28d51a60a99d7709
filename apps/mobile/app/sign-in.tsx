import { toFormError, useTRPCClient } from "@bazaar/client";
import type { SecondFactorChallenge } from "@bazaar/schemas";
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
  // The password was right and the account has a second factor: no session until a code (#16).
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [code, setCode] = useState("");
  const [remember, setRemember] = useState(false);
  const login = useMutation({
    mutationFn: () => client.auth.login.mutate({ email, password }),
    onSuccess: (result) =>
      result.status === "second_factor_required" ? setChallenge(result) : afterSignIn(session, result, next),
  });
  const verify = useMutation({
    mutationFn: () => {
      const recovery = !/^\s*\d{6}\s*$/.test(code);
      return client.auth.verifySecondFactor.mutate({
        challengeToken: challenge!.challengeToken,
        ...(recovery ? { recoveryCode: code } : { code }),
        ...(remember && { rememberDevice: true }),
      });
    },
    onSuccess: (result) =>
      result.status === "second_factor_required" ? undefined : afterSignIn(session, result, next),
  });
  const verifyError = verify.error ? toFormError(verify.error) : null;
  if (challenge)
    return (
      <Screen testID="second-factor">
        <Stack.Screen options={{ title: "Two-factor authentication" }} />
        <Title>Enter your code</Title>
        <Muted>The 6-digit code from your authenticator app, or one of your recovery codes.</Muted>
        <Field
          label="Code"
          value={code}
          onChangeText={setCode}
          autoCapitalize="none"
          autoComplete="one-time-code"
          error={verifyError?.fieldErrors.code ?? verifyError?.fieldErrors.recoveryCode}
          onSubmitEditing={() => verify.mutate()}
        />
        {verifyError && !verifyError.fieldErrors.code && !verifyError.fieldErrors.recoveryCode ? (
          <Notice tone="error" testID="second-factor-error">
            {verifyError.message}
          </Notice>
        ) : null}
        <Button
          label={remember ? "✓ Remember this phone for 30 days" : "Remember this phone for 30 days"}
          kind="secondary"
          onPress={() => setRemember(!remember)}
        />
        <Button label="Verify" busy={verify.isPending} onPress={() => verify.mutate()} />
        <Button
          label="Back"
          kind="link"
          onPress={() => {
            setChallenge(null);
            setCode("");
            verify.reset();
          }}
        />
      </Screen>
    );
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
