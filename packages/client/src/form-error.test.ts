import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { formAlertMessage, toFormError } from "./form-error";

const apiError = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32600, data } } as never);

describe("toFormError", () => {
  it("keeps the first message per field and the retry-after seconds", () => {
    const error = toFormError(
      apiError("Too many attempts. Try again in 42 seconds.", {
        code: "TOO_MANY_REQUESTS",
        httpStatus: 429,
        reason: "rate_limit.login.ip",
        details: { retryAfterSeconds: 42 },
        fieldErrors: { pincode: ["PIN code is 6 digits", "second"] },
      }),
    );
    expect(error).toMatchObject({
      reason: "rate_limit.login.ip",
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: 42,
      fieldErrors: { pincode: "PIN code is 6 digits" },
    });
  });

  it("explains a network failure instead of echoing fetch's message", () => {
    const error = toFormError(TRPCClientError.from(new TypeError("Failed to fetch")));
    expect(error.message).toMatch(/Cannot reach Bazaar/);
    expect(error.reason).toBeNull();
  });
});

describe("formAlertMessage", () => {
  const base = toFormError(apiError("Some fields are not valid", { code: "BAD_REQUEST", httpStatus: 400 }));

  it("stays quiet when every field error is shown beside its field", () => {
    expect(
      formAlertMessage({ ...base, fieldErrors: { email: "Enter a valid email" } }, ["email"]),
    ).toBeNull();
  });

  it("shows field errors that have no field in the form", () => {
    expect(formAlertMessage({ ...base, fieldErrors: { token: "Link expired" } }, ["newPassword"])).toBe(
      "Link expired",
    );
  });

  it("shows the general message when there are no field errors", () => {
    expect(formAlertMessage(base, ["email"])).toBe("Some fields are not valid");
    expect(formAlertMessage(null, [])).toBeNull();
  });
});
