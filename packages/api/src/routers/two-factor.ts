import {
  confirmChallengeEnrolment,
  confirmTwoFactor,
  disableTwoFactor,
  getTwoFactorStatus,
  listTrustedDevices,
  regenerateRecoveryCodes,
  revokeTrustedDevice,
  startChallengeEnrolment,
  startTwoFactor,
  verifySecondFactor,
} from "@bazaar/core";
import {
  ChallengeEnrolmentInput,
  ConfirmChallengeEnrolmentInput,
  ConfirmTwoFactorInput,
  ReauthenticateInput,
  RevokeTrustedDeviceInput,
  VerifySecondFactorInput,
} from "@bazaar/schemas";
import { deliverSignIn, signInOrigin } from "../sign-in";
import { authedProcedure, publicProcedure } from "../trpc";

/** Two-factor authentication (#16), mounted at `auth` beside sign-in. */
export const twoFactorRoutes = {
  /** The second step of a sign-in: only the holder of a challenge token gets anywhere. */
  public: {
    verifySecondFactor: publicProcedure
      .input(VerifySecondFactorInput)
      .mutation(async ({ ctx, input }) =>
        deliverSignIn(ctx, await verifySecondFactor(ctx.deps, signInOrigin(ctx), input)),
      ),
    startChallengeEnrolment: publicProcedure
      .input(ChallengeEnrolmentInput)
      .mutation(({ ctx, input }) => startChallengeEnrolment(ctx.deps, input)),
    confirmChallengeEnrolment: publicProcedure
      .input(ConfirmChallengeEnrolmentInput)
      .mutation(async ({ ctx, input }) =>
        deliverSignIn(ctx, await confirmChallengeEnrolment(ctx.deps, signInOrigin(ctx), input)),
      ),
  },

  /** The signed-in account's own factor and remembered devices. */
  signedIn: {
    twoFactorStatus: authedProcedure.query(({ ctx }) => getTwoFactorStatus(ctx.deps, ctx.actor)),
    startTwoFactor: authedProcedure.mutation(({ ctx }) => startTwoFactor(ctx.deps, ctx.actor)),
    confirmTwoFactor: authedProcedure
      .input(ConfirmTwoFactorInput)
      .mutation(({ ctx, input }) => confirmTwoFactor(ctx.deps, ctx.actor, input)),
    disableTwoFactor: authedProcedure
      .input(ReauthenticateInput)
      .mutation(({ ctx, input }) => disableTwoFactor(ctx.deps, ctx.actor, input)),
    regenerateRecoveryCodes: authedProcedure
      .input(ReauthenticateInput)
      .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.deps, ctx.actor, input)),
    trustedDevices: authedProcedure.query(({ ctx }) => listTrustedDevices(ctx.deps, ctx.actor)),
    revokeTrustedDevice: authedProcedure
      .input(RevokeTrustedDeviceInput)
      .mutation(({ ctx, input }) => revokeTrustedDevice(ctx.deps, ctx.actor, input)),
  },
};
