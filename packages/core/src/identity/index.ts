export { assertSessionLiveBatched } from "./assert-sessions-live";
export { assertSessionLive, authenticate, authenticateBearer } from "./authenticate";
export { changePassword } from "./change-password";
export {
  completeSignIn,
  type FirstFactor,
  type SignInOutcome,
  secondFactorRequired,
} from "./complete-sign-in";
export { createVerifiedUser } from "./create-user";
export { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TTL_MS } from "./credentials";
export { toUserDto } from "./dto";
export { getMe } from "./get-me";
export { listLinkedAccounts } from "./list-linked-accounts";
export { listSessions } from "./list-sessions";
export { login } from "./login";
export { logout } from "./logout";
export { userExists } from "./queries";
export { refreshSession } from "./refresh-session";
export { register } from "./register";
export { requestPasswordReset } from "./request-password-reset";
export { resendOtp } from "./resend-otp";
export { resetPassword } from "./reset-password";
export { revokeSession } from "./revoke-session";
export { revokeSessions, type SignedIn } from "./sessions";
export { signInProviders } from "./sign-in-providers";
export { signInWithGoogle } from "./sign-in-with-google";
export { confirmChallengeEnrolment, startChallengeEnrolment } from "./two-factor/challenge-enrolment";
export { confirmTwoFactor } from "./two-factor/confirm-two-factor";
export { disableTwoFactor } from "./two-factor/disable-two-factor";
export { getTwoFactorStatus } from "./two-factor/get-two-factor-status";
export { regenerateRecoveryCodes } from "./two-factor/regenerate-recovery-codes";
export { startTwoFactor } from "./two-factor/start-two-factor";
// For testing/ (enrolling an account and computing its codes), not for other domains.
export { newTotpSecret, totpFor, totpSecrets } from "./two-factor/totp";
export { listTrustedDevices, revokeTrustedDevice } from "./two-factor/trusted-device-list";
export { verifySecondFactor } from "./two-factor/verify-second-factor";
export { unlinkAccount } from "./unlink-account";
export { updateProfile } from "./update-profile";
export { verifyEmail } from "./verify-email";
