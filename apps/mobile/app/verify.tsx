import { toFormError, useTRPCClient } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { Stack, useLocalSearchParams } from "expo-router";
import { useState } from "react";
import { afterSignIn } from "../src/after-sign-in";
import { useSession } from "../src/app-context";
import { Button, Field, Muted, Notice, Screen, Title } from "../src/ui";

/** The emailed one-time code; a right one signs the customer in (and merges the guest cart). */
export default function Verify() {
  const params = useLocalSearchParams<{ email?: string }>();
  const client = useTRPCClient();
  const session = useSession();
  const [email, setEmail] = useState(params.email ?? "");
  const [code, setCode] = useState("");
  const verify = useMutation({
    mutationFn: () => client.auth.verifyEmail.mutate({ email, code }),
    onSuccess: (result) => afterSignIn(session, result),
  });
  const resend = useMutation({ mutationFn: () => client.auth.resendOtp.mutate({ email }) });
  const error = verify.error ? toFormError(verify.error) : null;
  return (
    <Screen testID="verify">
      <Stack.Screen options={{ title: "Verify email" }} />
      <Title>Check your email</Title>
      <Notice testID="verify-notice">
        We sent a 6-digit code to {email || "your email"}. It expires in a few minutes.
      </Notice>
      {params.email ? null : (
        <Field
          label="Email"
          value={email}
          onChangeText={setEmail}
          autoCapitalize="none"
          keyboardType="email-address"
        />
      )}
      <Field
        label="Verification code"
        value={code}
        onChangeText={setCode}
        keyboardType="number-pad"
        maxLength={6}
        autoComplete="one-time-code"
        error={error ? (error.fieldErrors.code ?? error.message) : null}
        testID="code"
      />
      <Button label="Verify and sign in" busy={verify.isPending} onPress={() => verify.mutate()} />
      <Button label="Send a new code" kind="link" busy={resend.isPending} onPress={() => resend.mutate()} />
      {resend.isSuccess ? <Muted>{resend.data.message}</Muted> : null}
      {resend.error ? <Notice tone="error">{toFormError(resend.error).message}</Notice> : null}
    </Screen>
  );
}
