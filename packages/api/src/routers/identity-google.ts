import { listLinkedAccounts, signInProviders, signInWithGoogle, unlinkAccount } from "@bazaar/core";
import { GoogleSignInInput, UnlinkIdentityInput } from "@bazaar/schemas";
import { deliverSignIn, signInOrigin } from "../sign-in";
import { authedProcedure, publicProcedure } from "../trpc";

/** "Sign in with Google" and the Google accounts linked to a user, mounted at `auth`. */
export const identityGoogleRoutes = {
  public: {
    /** Which outside sign-ins are on; the apps show their buttons from this (no build-time config). */
    providers: publicProcedure.query(({ ctx }) => signInProviders(ctx.deps)),
    /** Answers like `login`: a session (cookie on the web) or the second factor still owed. */
    signInWithGoogle: publicProcedure
      .input(GoogleSignInInput)
      .mutation(async ({ ctx, input }) =>
        deliverSignIn(ctx, await signInWithGoogle(ctx.deps, signInOrigin(ctx), input)),
      ),
  },
  signedIn: {
    linkedAccounts: authedProcedure.query(({ ctx }) => listLinkedAccounts(ctx.deps, ctx.actor)),
    unlinkAccount: authedProcedure
      .input(UnlinkIdentityInput)
      .mutation(({ ctx, input }) => unlinkAccount(ctx.deps, ctx.actor, input)),
  },
};
