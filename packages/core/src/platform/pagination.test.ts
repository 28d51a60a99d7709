import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { decodeCursor, encodeCursor } from "./pagination";

const id = "3f2b8c1e-9a4d-4e7f-8b6a-1c2d3e4f5a6b";
const b64 = (s: string) => Buffer.from(s).toString("base64url");

describe("decodeCursor", () => {
  it("reads back what encodeCursor wrote", () => {
    const c = { createdAt: new Date("2026-03-04T05:06:07.089Z"), id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  // Each of these reached SQL before and failed there: a 500 instead of a 400.
  it.each([
    ["an id that is not a UUID", b64(`2026-01-01T00:00:00.000Z|${"-".repeat(36)}`)],
    ["an id with text after it", b64(`2026-01-01T00:00:00.000Z|${id}' or '1'='1`)],
    ["JavaScript's year 275760", b64(`${new Date(8.64e15).toISOString()}|${id}`)],
    ["year -271821", b64(`${new Date(-8.64e15).toISOString()}|${id}`)],
    ["year 0", b64(`0000-01-01T00:00:00.000Z|${id}`)],
    ["a date before 2000", b64(`1969-12-31T23:59:59.999Z|${id}`)],
    ["a date that is a bare number", b64(`12345|${id}`)],
    ["no separator", b64("garbage")],
    ["extra parts", b64(`2026-01-01T00:00:00.000Z|${id}|more`)],
    ["random bytes", Buffer.from([0xff, 0x00, 0x7c, 0xfe]).toString("base64url")],
  ])("refuses %s as a bad cursor naming the field", (_, raw) => {
    let error: unknown;
    try {
      decodeCursor(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "VALIDATION",
      reason: "pagination.bad_cursor",
      details: { fieldErrors: { cursor: ["This page link is out of date. Start from the first page."] } },
    });
  });
});
