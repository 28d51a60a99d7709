import { z } from "zod";
import { Id, safeText } from "./common";
import type { AuthResult } from "./identity";

/** A code from an authenticator app: six digits (spaces a user types between them are dropped). */
export const TotpCode = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "The code is the 6 digits your authenticator app shows"));

/** A recovery code as printed (`abcd-efgh-jkmn-pqrs`); case, spaces and dashes do not matter. */
export const RecoveryCode = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, "").toLowerCase())
  .pipe(z.string().regex(/^[a-z2-9]{16}$/, "A recovery code is 16 letters and digits"));

export const ChallengeToken = safeText("The sign-in step", { trim: false })
  .min(20, "This sign-in step has expired: sign in again")
  .max(200, "This sign-in step has expired: sign in again");

/**
 * The second step of a sign-in: a code from the app, or one of the recovery codes.
 * `rememberDevice` lets this browser (or phone) skip the step for 30 days.
 */
export const VerifySecondFactorInput = z
  .object({
    challengeToken: ChallengeToken,
    code: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
    rememberDevice: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.code === undefined) === (v.recoveryCode === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["code"],
        message: "Enter the code from your authenticator app or a recovery code",
      });
  });
export type VerifySecondFactorInput = z.input<typeof VerifySecondFactorInput>;

/** An admin who must enrol before signing in starts it with the sign-in step's token. */
export const ChallengeEnrolmentInput = z.object({ challengeToken: ChallengeToken });
export type ChallengeEnrolmentInput = z.input<typeof ChallengeEnrolmentInput>;

export const ConfirmChallengeEnrolmentInput = z.object({
  challengeToken: ChallengeToken,
  code: TotpCode,
  rememberDevice: z.boolean().default(false),
});
export type ConfirmChallengeEnrolmentInput = z.input<typeof ConfirmChallengeEnrolmentInput>;

export const ConfirmTwoFactorInput = z.object({ code: TotpCode });
export type ConfirmTwoFactorInput = z.input<typeof ConfirmTwoFactorInput>;

/** Turning the factor off, or new recovery codes, takes the password or a current code. */
export const ReauthenticateInput = z
  .object({
    password: safeText("Password", { trim: false, multiline: true }).min(1).max(200).optional(),
    code: TotpCode.optional(),
  })
  .refine((v) => v.password !== undefined || v.code !== undefined, {
    path: ["password"],
    message: "Enter your password or a code from your authenticator app",
  });
export type ReauthenticateInput = z.input<typeof ReauthenticateInput>;

export const RevokeTrustedDeviceInput = z.object({ deviceId: Id });
export type RevokeTrustedDeviceInput = z.input<typeof RevokeTrustedDeviceInput>;

/** What an authenticator app needs: scan `qrDataUrl`, or type `secret` by hand. */
export type TwoFactorEnrolmentDto = {
  secret: string;
  otpauthUri: string;
  /** A PNG of the otpauth URI as a `data:` URL. */
  qrDataUrl: string;
  issuer: string;
  accountName: string;
};

/** Shown once: only hashes are kept. */
export type RecoveryCodesDto = { recoveryCodes: string[] };

export type TwoFactorStatusDto = {
  enabled: boolean;
  enabledAt: Date | null;
  /** Admins must keep it on. */
  required: boolean;
  recoveryCodesLeft: number;
};

export type TrustedDeviceDto = {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
};

/** The password (or Google) was right and a second factor is owed: no session yet. */
export type SecondFactorChallenge = {
  status: "second_factor_required";
  /** Send it back to `auth.verifySecondFactor` (or the enrolment calls) within minutes. */
  challengeToken: string;
  expiresAt: Date;
  /** No factor yet but one is required (admins): enrol with the token, then you are signed in. */
  enrolmentRequired: boolean;
};

export type SignedInResult = AuthResult & {
  status: "signed_in";
  /** Mobile clients only: send it as `x-bazaar-device` to skip the second factor (web: a cookie). */
  trustedDeviceToken?: string;
  /** After enrolling during sign-in: shown once. */
  recoveryCodes?: string[];
};

/** What every sign-in (password, Google, second factor) answers. */
export type SignInResult = SignedInResult | SecondFactorChallenge;
