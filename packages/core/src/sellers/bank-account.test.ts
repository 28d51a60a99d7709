import { describe, expect, it } from "vitest";
import { decryptBankAccount, encryptBankAccount, maskBankAccount } from "./bank-account";

const deps = {
  auth: { secret: new TextEncoder().encode("bank-test-secret-bank-test-secret"), bcryptCost: 4 },
};
const otherDeps = {
  auth: { secret: new TextEncoder().encode("another-secret-another-secret-xx"), bcryptCost: 4 },
};

describe("bank account encryption", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptBankAccount(deps, "50100234567812");
    const b = encryptBankAccount(deps, "50100234567812");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[\w-]+$/);
    expect(a).not.toContain("50100234567812");
    expect(decryptBankAccount(deps, a)).toBe("50100234567812");
    expect(decryptBankAccount(deps, b)).toBe("50100234567812");
  });

  it("refuses a tampered value or the wrong key", () => {
    const enc = encryptBankAccount(deps, "123456789012");
    const raw = Buffer.from(enc, "base64url");
    raw.writeUInt8(raw.at(-1)! ^ 1, raw.length - 1);
    // GCM's authentication tag catches both: Node's own error, not a wrong number.
    expect(() => decryptBankAccount(deps, raw.toString("base64url"))).toThrow(/unable to authenticate data/);
    expect(() => decryptBankAccount(otherDeps, enc)).toThrow(/unable to authenticate data/);
    expect(() => decryptBankAccount(deps, "short")).toThrow(/Malformed/);
  });

  it("masks to a fixed width showing only the last four digits", () => {
    expect(maskBankAccount("1234")).toBe("XXXXXX1234");
  });
});
