import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import type { SecondFactorChallenge } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, Form, GoogleSignIn, SecondFactorStep, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { showCartMerge } from "../cart/cart-memory";

const FIELDS = ["name", "email", "phone", "password"] as const;

export function RegisterPage() {
  const trpc = useTRPC();
  const { status } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: "", email: "", phone: "", password: "" });
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: (result, input) =>
        navigate(`/verify?email=${encodeURIComponent(input.email.trim())}`, {
          state: { message: result.message, sentAt: Date.now() },
        }),
    }),
  );
  const error = useFormError(register.error);
  // "Sign up with Google" found an existing account that has a second factor on.
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  if (status === "signedIn") return <Navigate to="/account" replace />;
  if (challenge)
    return (
      <Card className="bz-card--narrow">
        <h1 className="bz-card__heading">Sign in to Bazaar</h1>
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={(result) => showCartMerge(result.cartMerge)}
          onCancel={() => setChallenge(null)}
        />
      </Card>
    );

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">Create your account</h1>
      <p className="bz-muted">We will email you a 6-digit code to confirm it is you.</p>
      <Form
        aria-label="Create account"
        testId="register-form"
        pending={register.isPending}
        onSubmit={() =>
          register.mutate({
            name: form.name,
            email: form.email,
            password: form.password,
            ...(form.phone.trim() && { phone: form.phone }),
          })
        }
      >
        <ErrorAlert error={error} fields={FIELDS} />
        <TextField
          id="name"
          label="Full name"
          autoComplete="name"
          value={form.name}
          onValue={set("name")}
          error={error?.fieldErrors.name}
        />
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={form.email}
          onValue={set("email")}
          error={error?.fieldErrors.email}
        />
        <TextField
          id="phone"
          label="Mobile number (optional)"
          type="tel"
          autoComplete="tel-national"
          inputMode="tel"
          placeholder="98765 43210"
          value={form.phone}
          onValue={set("phone")}
          error={error?.fieldErrors.phone}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onValue={set("password")}
          error={error?.fieldErrors.password}
          hint="At least 8 characters, with a letter and a number."
        />
        <Button
          type="submit"
          pending={register.isPending}
          pendingLabel="Creating account…"
          className="bz-button--block"
        >
          Create account
        </Button>
      </Form>
      <GoogleSignIn
        context="signup"
        onSignedIn={(result) => showCartMerge(result.cartMerge)}
        onChallenge={setChallenge}
      />
      <div className="bz-card__footer">
        <span>
          Already have an account? <Link to="/login">Sign in</Link>
        </span>
      </div>
    </Card>
  );
}
