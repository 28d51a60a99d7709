import { type AcceptedDto, ResendOtpInput } from "@bazaar/schemas";
import { dispatchEmails } from "../notifications";
import type { Deps } from "../platform/deps";
import { findUserByEmail } from "./queries";
import { codeSentMessage, issueVerificationCode } from "./register";

/**
 * Sends a fresh code to an unverified account. The 60-second cooldown and the hourly cap
 * are counted per email whether or not the account exists, so they reveal nothing.
 */
export async function resendOtp(deps: Deps, raw: ResendOtpInput): Promise<AcceptedDto> {
  const input = ResendOtpInput.parse(raw);
  await deps.limiter.consume("otp.send.cooldown", input.email);
  await deps.limiter.consume("otp.send.hourly", input.email);
  const emailIds = await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.emailVerifiedAt || user.status !== "active") return [];
    return [await issueVerificationCode(deps, tx, user)];
  });
  await dispatchEmails(deps, emailIds);
  return { ok: true, message: codeSentMessage(input.email) };
}
