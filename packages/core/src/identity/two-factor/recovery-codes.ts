import { randomInt } from "node:crypto";
import { type Database, recoveryCodes } from "@bazaar/db";
import { and, count, eq, isNull } from "drizzle-orm";
import { sha256 } from "../credentials";

export const RECOVERY_CODE_COUNT = 10;
// No 0/1/i/l/o: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * 16 characters from 31 is ~79 bits: too many to guess even offline, so a plain SHA-256
 * (which the unique index can look up) is enough; bcrypt is for low-entropy secrets.
 */
function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < 16; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s.match(/.{4}/g)!.join("-");
}

const normalise = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
const hashCode = (code: string) => sha256(`recovery:${normalise(code)}`);

/** Replaces the user's codes with 10 fresh ones and returns them, once, in plain text. */
export async function replaceRecoveryCodes(db: Database, userId: string, now: Date): Promise<string[]> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insert(recoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashCode(c), createdAt: now })));
  return codes;
}

/** Marks the code used if it is this user's and unused; a conditional update, so it works once. */
export async function useRecoveryCode(db: Database, userId: string, code: string, now: Date) {
  const [row] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.codeHash, hashCode(code)),
        eq(recoveryCodes.userId, userId),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return row !== undefined;
}

export async function recoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
