import { z } from "zod";
import type { CartMergeReport } from "./cart";
import { Id, safeText } from "./common";

export const Role = z.enum(["customer", "seller", "admin"]);
export type Role = z.infer<typeof Role>;

export const AccountStatus = z.enum(["active", "suspended", "deactivated"]);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email({ message: "Enter a valid email address" }));

/** Indian mobile numbers, with or without +91. Stored normalised to E.164. */
export const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^(\+91)?[6-9]\d{9}$/, "Enter a 10-digit Indian mobile number"))
  .transform((v) => (v.startsWith("+91") ? v : `+91${v}`));

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * bcrypt reads only the first 72 bytes, so longer passwords are refused rather than
 * silently truncated. The rules are deliberately few: length matters most.
 */
export const Password = safeText("Password", { trim: false })
  .min(8, "Password must be at least 8 characters")
  .refine((p) => utf8Length(p) <= 72, "Password must be at most 72 bytes")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "Password must contain a letter and a number")
  .refine((p) => !/^(.)\1+$/.test(p), "Password must not repeat a single character")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common");

const COMMON_PASSWORDS = new Set([
  "password1",
  "password123",
  "12345678a",
  "qwerty123",
  "abc12345",
  "iloveyou1",
  "admin123",
  "welcome1",
  "letmein1",
  "passw0rd",
  "1q2w3e4r",
  "india123",
]);

export const PersonName = safeText("Name").min(1, "Name is required").max(100, "Name is too long");

export const OtpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "The code is 6 digits");

export const RegisterInput = z.object({
  email: Email,
  password: Password,
  name: PersonName,
  phone: Phone.optional(),
});
export type RegisterInput = z.input<typeof RegisterInput>;

export const VerifyEmailInput = z.object({ email: Email, code: OtpCode });
export type VerifyEmailInput = z.input<typeof VerifyEmailInput>;

export const ResendOtpInput = z.object({ email: Email });
export type ResendOtpInput = z.input<typeof ResendOtpInput>;

export const LoginInput = z.object({
  email: Email,
  // Login does not re-apply the strength rules: old passwords must keep working.
  password: safeText("Password", { trim: false, multiline: true })
    .min(1, "Password is required")
    .max(200, "Password is too long"),
});
export type LoginInput = z.input<typeof LoginInput>;

/** Mobile clients send the refresh token in the body; web clients rely on the cookie. */
export const RefreshInput = z
  .object({ refreshToken: safeText("Refresh token", { trim: false }).min(20).max(200).optional() })
  .optional();
export type RefreshInput = z.input<typeof RefreshInput>;

export const LogoutInput = RefreshInput;

export const ChangePasswordInput = z.object({
  currentPassword: safeText("Current password", { trim: false, multiline: true })
    .min(1, "Current password is required")
    .max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

export const ResetPasswordInput = z.object({
  token: safeText("The reset link")
    .min(20, "The reset link is invalid")
    .max(200, "The reset link is invalid"),
  newPassword: Password,
});
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

export const UpdateProfileInput = z
  .object({ name: PersonName.optional(), phone: Phone.nullable().optional() })
  .refine((v) => v.name !== undefined || v.phone !== undefined, "Nothing to update");
export type UpdateProfileInput = z.input<typeof UpdateProfileInput>;

export const RevokeSessionInput = z.object({ sessionId: Id });
export type RevokeSessionInput = z.input<typeof RevokeSessionInput>;

export type UserDto = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  status: AccountStatus;
  emailVerified: boolean;
  /** Why an admin suspended or deactivated the account, if one did. */
  statusReason: string | null;
  createdAt: Date;
};

export type AuthResult = {
  user: UserDto;
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Present only for mobile clients; web clients receive it as an httpOnly cookie. */
  refreshToken?: string;
  /** Present when a guest cart was merged into the customer's cart on sign-in. */
  cartMerge?: CartMergeReport;
  /**
   * Present when email verification could not keep any password (the address was signed up
   * for twice with different ones): a link to choose one has been emailed.
   */
  passwordSetRequired?: true;
};

export type SessionDto = {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
};

/** What every "we sent you something" call answers, whether or not the account exists. */
export type AcceptedDto = { ok: true; message: string };
