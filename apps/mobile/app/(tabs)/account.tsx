import { router } from "expo-router";
import { useState } from "react";
import { useAuth, useSession } from "../../src/app-context";
import { Button, Card, Muted, Screen, Title } from "../../src/ui";
import SignIn from "../sign-in";

/** Signed out: the sign-in form. Signed in: who you are and everything about the account. */
export default function Account() {
  const { status, user } = useAuth();
  const session = useSession();
  const [leaving, setLeaving] = useState(false);
  if (status !== "signedIn" || !user) return <SignIn />;
  return (
    <Screen testID="account">
      <Title testID="signed-in-user">{user.name}</Title>
      <Muted>
        {user.email}
        {user.phone ? ` · ${user.phone}` : ""}
      </Muted>
      <Card>
        <Button label="My orders" kind="link" onPress={() => router.push("/orders")} />
        <Button label="Wishlist" kind="link" onPress={() => router.push("/wishlist")} />
        <Button label="Addresses" kind="link" onPress={() => router.push("/addresses")} />
        <Button label="Signed-in devices" kind="link" onPress={() => router.push("/sessions")} />
        <Button label="Change password" kind="link" onPress={() => router.push("/password")} />
      </Card>
      <Button
        label="Sign out"
        kind="secondary"
        busy={leaving}
        onPress={() => {
          setLeaving(true);
          void session.signOut().finally(() => setLeaving(false));
        }}
      />
    </Screen>
  );
}
