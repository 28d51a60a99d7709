import { describe, expect, it } from "vitest";
import { wrongRoleMessage } from "./auth";

describe("wrongRoleMessage", () => {
  it("names the app's audience and the account's role", () => {
    expect(wrongRoleMessage("seller", "customer")).toBe(
      "This app is for sellers. You are signed in as a customer.",
    );
    expect(wrongRoleMessage(["admin"], "seller")).toBe(
      "This app is for admins. You are signed in as a seller.",
    );
  });
});
