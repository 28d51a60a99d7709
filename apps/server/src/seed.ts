import { createVerifiedUser, type Deps, userExists } from "@bazaar/core";

export const DEMO_PASSWORD = "bazaar-demo-1";

export const demoAccounts = [
  { email: "admin@bazaar.local", name: "Asha Admin", role: "admin" },
  { email: "seller1@bazaar.local", name: "Ravi Textiles", role: "seller" },
  { email: "seller2@bazaar.local", name: "Meera Handicrafts", role: "seller" },
  // Applies to sell once seller onboarding lands; until then an ordinary customer.
  { email: "pending-seller@bazaar.local", name: "Kiran Pending", role: "customer" },
  { email: "customer1@bazaar.local", name: "Priya Customer", role: "customer" },
  { email: "customer2@bazaar.local", name: "Arjun Customer", role: "customer" },
] as const;

/** First start only: does nothing once the demo admin exists. */
export async function seedDemo(deps: Pick<Deps, "db" | "auth" | "now">): Promise<boolean> {
  if (await userExists(deps.db, demoAccounts[0].email)) return false;
  for (const a of demoAccounts) {
    await createVerifiedUser(deps, { email: a.email, name: a.name, password: DEMO_PASSWORD, role: a.role });
  }
  return true;
}
