import { Redirect, useLocalSearchParams } from "expo-router";

/** The emailed link's path (bazaar://reset-password?token=…) opens the reset form. */
export default function ResetPassword() {
  const { token } = useLocalSearchParams<{ token?: string }>();
  return (
    <Redirect href={token ? `/forgot-password?token=${encodeURIComponent(token)}` : "/forgot-password"} />
  );
}
