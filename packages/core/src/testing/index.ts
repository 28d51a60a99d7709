export { type CloudinaryStubRequest, startCloudinaryStub } from "./cloudinary-stub";
export { type GoogleStub, type GoogleTokenClaims, startGoogleStub } from "./google-stub";
export { orderFixture } from "./order-fixture";
export { type RazorpayStub, startRazorpayStub } from "./razorpay-stub";
export { sampleJpeg, samplePng, sampleWebp } from "./sample-images";
export { type StripeStub, startStripeStub } from "./stripe-stub";
export {
  createTestContext,
  type EmailMatch,
  type ReceivedEmail,
  rejects,
  startSmtpServer,
  type TestContext,
} from "./test-context";
export {
  currentTotpCode,
  currentTotpCodeByEmail,
  enrolTotp,
  signedIn,
  signInForTest,
  totpCode,
} from "./two-factor";
export { startWebhookReceiver, verifyStandardWebhook } from "./webhook-receiver";
