import { parseArgs } from "node:util";
import { createRuntime, createVerifiedUser, loadConfig } from "@bazaar/core";

/**
 * Creates an admin, or promotes an existing account to admin with a new password:
 *   pnpm --filter @bazaar/server admin:create --email a@b.c --name "A B" [--password …]
 * Without --password it reads BAZAAR_ADMIN_PASSWORD, so the password stays out of shell history.
 */
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
const password = values.password ?? process.env.BAZAAR_ADMIN_PASSWORD;
if (!values.email || !values.name || !password) {
  console.error(
    'usage: admin:create --email EMAIL --name "NAME" [--password PASSWORD | env BAZAAR_ADMIN_PASSWORD]',
  );
  process.exit(2);
}
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const runtime = await createRuntime(loadConfig(), silent, { mode: "server" });
try {
  const user = await createVerifiedUser(runtime.deps, {
    email: values.email,
    name: values.name,
    password,
    role: "admin",
  });
  console.log(`admin ready: ${user.email} (${user.id})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
