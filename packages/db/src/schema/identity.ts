import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["customer", "seller", "admin"]);
export const accountStatusEnum = pgEnum("account_status", ["active", "suspended", "deactivated"]);
export const otpPurposeEnum = pgEnum("otp_purpose", ["verify_email"]);

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Always stored lower-cased by the schema layer, so a plain unique index suffices.
    email: text().notNull(),
    name: text().notNull(),
    phone: text(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull().default("customer"),
    status: accountStatusEnum().notNull().default("active"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /**
     * Set when the address was signed up for again, with another password, before anyone
     * proved the inbox. Neither password can be trusted then: verifying replaces it with one
     * the inbox owner chooses through a reset link.
     */
    signupContestedAt: timestamp({ withTimezone: true }),
    statusReason: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_role_status_idx").on(t.role, t.status)],
);

/** One row per sign-in: the "session family" that every rotated refresh token belongs to. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text(),
    ip: text(),
    createdAt: createdAt(),
    lastUsedAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedReason: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    /** Set when this token is exchanged; presenting it again afterwards is reuse. */
    rotatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("refresh_tokens_hash_key").on(t.tokenHash),
    index("refresh_tokens_session_idx").on(t.sessionId),
  ],
);

export const otpCodes = pgTable(
  "otp_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: otpPurposeEnum().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("otp_codes_user_purpose_idx").on(t.userId, t.purpose, t.createdAt)],
);

export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_resets_hash_key").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
  ],
);

/**
 * An outside sign-in provider's account linked to one of ours. `(provider, subject)` is the
 * provider's stable id for the person (Google's `sub`); the email can change there, the subject not.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    subject: text().notNull(),
    email: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("user_identities_provider_subject_key").on(t.provider, t.subject),
    index("user_identities_user_idx").on(t.userId),
  ],
);

/** A user's authenticator-app secret (sealed). Until `confirmedAt` it is an enrolment in progress. */
export const totpFactors = pgTable("totp_factors", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  /** The last 30-second step a code was accepted for: each code signs in once. */
  lastStep: integer(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

/** Single-use codes for when the phone is lost; only their hashes are kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recovery_codes_hash_key").on(t.codeHash),
    index("recovery_codes_user_idx").on(t.userId),
  ],
);

/** "Remember this device": a browser that passed the second factor skips it until `expiresAt`. */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    userAgent: text(),
    createdAt: createdAt(),
    lastUsedAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("trusted_devices_hash_key").on(t.tokenHash),
    index("trusted_devices_user_idx").on(t.userId),
  ],
);

/**
 * A first factor passed (password or Google) and a second one still owed. The token is handed to
 * the client instead of a session; it is short-lived, attempt-limited and single-use.
 */
export const signInChallenges = pgTable(
  "sign_in_challenges",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    /** How the first factor was passed: `password` or `google`. */
    method: text().notNull(),
    attempts: integer().notNull().default(0),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sign_in_challenges_hash_key").on(t.tokenHash),
    index("sign_in_challenges_user_idx").on(t.userId),
  ],
);
