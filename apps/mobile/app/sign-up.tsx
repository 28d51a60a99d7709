import { toFormError, useTRPCClient } from "@bazaar/client";
import { useMutation } from "@tanstack/react-query";
import { router, Stack } from "expo-router";
import { useState } from "react";
import { Button, Field, Muted, Notice, Screen, Title } from "../src/ui";

/** Sign-up: the server emails a 6-digit code; the next screen takes it. */
export default function SignUp() {
  const client = useTRPCClient();
  const [form, setForm] = useState({ name: "", email: "", phone: "", password: "" });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const register = useMutation({
    mutationFn: () =>
      client.auth.register.mutate({
        name: form.name,
        email: form.email,
        password: form.password,
        ...(form.phone.trim() && { phone: form.phone }),
      }),
    onSuccess: () => router.push(`/verify?email=${encodeURIComponent(form.email.trim())}`),
  });
  const error = register.error ? toFormError(register.error) : null;
  const shown = ["name", "email", "phone", "password"];
  const orphan = error && !shown.some((f) => error.fieldErrors[f]);
  return (
    <Screen testID="sign-up">
      <Stack.Screen options={{ title: "Create account" }} />
      <Title>Create your account</Title>
      <Field
        label="Full name"
        value={form.name}
        onChangeText={set("name")}
        autoComplete="name"
        error={error?.fieldErrors.name}
      />
      <Field
        label="Email"
        value={form.email}
        onChangeText={set("email")}
        autoCapitalize="none"
        keyboardType="email-address"
        error={error?.fieldErrors.email}
      />
      <Field
        label="Mobile number (optional)"
        value={form.phone}
        onChangeText={set("phone")}
        keyboardType="phone-pad"
        error={error?.fieldErrors.phone}
      />
      <Field
        label="Password"
        value={form.password}
        onChangeText={set("password")}
        secureTextEntry
        error={error?.fieldErrors.password}
      />
      <Muted>At least 8 characters, not a common password.</Muted>
      {orphan ? <Notice tone="error">{error.message}</Notice> : null}
      <Button label="Create account" busy={register.isPending} onPress={() => register.mutate()} />
      <Button label="I already have an account" kind="link" onPress={() => router.replace("/sign-in")} />
    </Screen>
  );
}
