import { type Database, otpCodes, userIdentities, users } from "@bazaar/db";
import { GoogleSignInInput, PersonName } from "@bazaar/schemas";
import { and, eq, isNull } from "drizzle-orm";
import { forbidden, invalidState } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications";
import { audit } from "../platform/audit";
import type { Deps, Origin } from "../platform/deps";
import { completeSignIn } from "./complete-sign-in";
import { unusablePasswordHash } from "./credentials";
import { type GoogleClaims, verifyGoogleIdToken } from "./google-token";

const PROVIDER = "google";
type User = typeof users.$inferSelect;

export const googleDisabled = () =>
  invalidState("auth.google_disabled", "Sign in with Google is not turned on for this marketplace");

/** Same answers as a password sign-in: a blocked account stays blocked whichever way in. */
function assertMaySignIn(user: User) {
  if (user.status === "suspended") throw forbidden("auth.account_suspended", "This account is suspended");
  if (user.status === "deactivated")
    throw forbidden("auth.account_deactivated", "This account is deactivated");
}

/** The token's name if it is one we would accept from a form, else the email's local part. */
function nameFrom(claims: GoogleClaims): string {
  const parsed = PersonName.safeParse(claims.name ?? "");
  return parsed.success ? parsed.data : claims.email.split("@")[0]!.slice(0, 100);
}

type Resolved = { user: User; emailIds: string[] };

/**
 * Signs in with a Google ID token (checked by verifyGoogleIdToken), ending like a password
 * sign-in in completeSignIn, so a second factor is owed the same way.
 *
 * Which account: the one already linked to this Google account (`sub`: it survives an email
 * change at Google); else the account with the same email, linked now, since Google vouches
 * for the address (verifyGoogleIdToken refuses an unverified one); else a new customer
 * account with a verified email and no usable password (a reset sets one). The admin app
 * never creates an account: admins are made by the CLI.
 *
 * An account whose email was never confirmed is confirmed by the link, but its password is
 * cleared: anyone could have typed it at sign-up (an attacker pre-registering the victim's
 * address), and keeping it would let them in beside the real owner. Linking is audited and
 * emailed to the account's address.
 *
 * Concurrent first sign-ins for one Google account make one account and one link: both
 * inserts go through unique indexes (email; provider + subject) and the loser reads the
 * winner's row.
 */
export async function signInWithGoogle(deps: Deps, origin: Origin, raw: GoogleSignInInput) {
  const input = GoogleSignInInput.parse(raw);
  if (!deps.google) throw googleDisabled();
  if (origin.ip) await deps.limiter.consume("google.ip", origin.ip);
  const claims = await verifyGoogleIdToken(deps.google, input.idToken, deps.now());

  const { user, emailIds } = await deps.db.transaction((tx) =>
    resolveAccount(deps, tx, claims, input.role === "admin"),
  );
  await dispatchEmails(deps, emailIds);
  return completeSignIn(deps, user, origin, "google");
}

async function resolveAccount(
  deps: Deps,
  tx: Database,
  claims: GoogleClaims,
  adminApp: boolean,
): Promise<Resolved> {
  const now = deps.now();
  const known = await findLinkedUser(tx, claims.sub);
  if (known) {
    assertMaySignIn(known);
    // The email at Google may have changed: kept for the linked-accounts list, never copied to ours.
    await tx
      .update(userIdentities)
      .set({ lastUsedAt: now, email: claims.email })
      .where(and(eq(userIdentities.provider, PROVIDER), eq(userIdentities.subject, claims.sub)));
    return { user: known, emailIds: [] };
  }

  let created = false;
  let [user] = await tx.select().from(users).where(eq(users.email, claims.email)).for("update");
  if (!user) {
    if (adminApp)
      throw forbidden("auth.google_no_account", "No Bazaar account uses this Google account's email");
    [user] = await tx
      .insert(users)
      .values({
        email: claims.email,
        name: nameFrom(claims),
        passwordHash: await unusablePasswordHash(deps.auth.bcryptCost),
        role: "customer",
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    created = user !== undefined;
    // Someone signed up with this address meanwhile (a racing first sign-in, a password
    // sign-up): that account is the one to link.
    user ??= (await tx.select().from(users).where(eq(users.email, claims.email)).for("update"))[0]!;
  }
  assertMaySignIn(user);

  const [link] = await tx
    .insert(userIdentities)
    .values({
      userId: user.id,
      provider: PROVIDER,
      subject: claims.sub,
      email: claims.email,
      createdAt: now,
      lastUsedAt: now,
    })
    .onConflictDoNothing({ target: [userIdentities.provider, userIdentities.subject] })
    .returning({ id: userIdentities.id });
  if (!link) {
    // A racing sign-in with this Google account linked it first: its account is the one.
    const winner = await findLinkedUser(tx, claims.sub);
    if (!winner) throw invalidState("auth.google_link_lost", "Google sign-in was interrupted. Try again.");
    assertMaySignIn(winner);
    return { user: winner, emailIds: [] };
  }

  const unconfirmed = !created && user.emailVerifiedAt === null;
  if (unconfirmed) {
    [user] = await tx
      .update(users)
      .set({
        emailVerifiedAt: now,
        signupContestedAt: null,
        passwordHash: await unusablePasswordHash(deps.auth.bcryptCost),
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning();
    // A code emailed for the old sign-up must not confirm anything any more.
    await tx
      .update(otpCodes)
      .set({ consumedAt: now })
      .where(and(eq(otpCodes.userId, user!.id), isNull(otpCodes.consumedAt)));
  }
  const account = user!;

  await audit(tx, {
    actorId: account.id,
    actorRole: account.role,
    action: "user.google_linked",
    targetType: "user",
    targetId: account.id,
    data: { googleEmail: claims.email, accountCreated: created, passwordCleared: unconfirmed },
  });
  const emailIds = [
    created
      ? await queueEmail(tx, {
          to: account.email,
          template: "welcome",
          payload: { name: account.name, url: deps.urls.customer },
        })
      : await queueEmail(tx, {
          to: account.email,
          template: "google_linked",
          payload: {
            name: account.name,
            googleEmail: claims.email,
            passwordCleared: unconfirmed ? "yes" : "",
            resetUrl: `${deps.urls.customer}/forgot-password`,
            accountUrl: `${deps.urls.customer}/account/linked`,
          },
        }),
  ];
  return { user: account, emailIds };
}

async function findLinkedUser(tx: Database, subject: string): Promise<User | undefined> {
  const [row] = await tx
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, PROVIDER), eq(userIdentities.subject, subject)));
  return row?.user;
}
