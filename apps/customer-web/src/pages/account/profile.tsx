import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatLongDate } from "@bazaar/client/format";
import type { UserDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "react-router";

export function ProfilePage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const welcome = (useLocation().state as { welcome?: boolean } | null)?.welcome;
  if (!me.data) return <Loading />;
  return (
    <Page title={`Hello, ${me.data.name}`} description="Your details, as sellers and couriers will see them.">
      {welcome && (
        <Alert tone="success" title="Your email is verified" testId="welcome">
          Welcome to Bazaar! Your account is ready.
        </Alert>
      )}
      <ProfileForm user={me.data} />
    </Page>
  );
}

function ProfileForm({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? "");
  const update = useMutation(
    trpc.auth.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), updated);
        auth.setUser(updated);
        setPhone(updated.phone ?? "");
      },
    }),
  );
  const error = useFormError(update.error);
  return (
    <Card title="Profile" testId="profile">
      <dl className="bz-facts">
        <dt>Email</dt>
        <dd>
          {user.email} {user.emailVerified && <span className="bz-tag bz-tag--accent">Verified</span>}
        </dd>
        <dt>Member since</dt>
        <dd>{formatLongDate(user.createdAt)}</dd>
      </dl>
      <Form
        aria-label="Edit profile"
        pending={update.isPending}
        onSubmit={() => update.mutate({ name, phone: phone.trim() ? phone : null })}
      >
        {update.isSuccess && !update.isPending && <Alert tone="success">Saved.</Alert>}
        <ErrorAlert error={error} fields={["name", "phone"]} />
        <div className="bz-form-row">
          <TextField
            id="name"
            label="Full name"
            autoComplete="name"
            value={name}
            onValue={setName}
            error={error?.fieldErrors.name}
          />
          <TextField
            id="phone"
            label="Mobile number"
            type="tel"
            autoComplete="tel"
            value={phone}
            onValue={setPhone}
            error={error?.fieldErrors.phone}
            hint="Leave empty to remove it."
          />
        </div>
        <div className="bz-form-actions">
          <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
            Save changes
          </Button>
        </div>
      </Form>
    </Card>
  );
}
