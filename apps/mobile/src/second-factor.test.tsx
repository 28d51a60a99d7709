import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import SignIn from "../app/sign-in";
import { memoryStore, REFRESH_TOKEN_KEY, TRUSTED_DEVICE_KEY } from "./storage";
import { fakeApi, signedIn } from "./testing/fake-api";
import { renderApp } from "./testing/render-app";

const Account = () => null;
const noSession = {
  "auth.refresh": () => ({ error: { code: "UNAUTHORIZED", reason: "auth.refresh_invalid", status: 401 } }),
};
const challenge = {
  data: {
    status: "second_factor_required",
    challengeToken: "challenge-token-xxxxxxxxxxxxxxxxxxxx",
    expiresAt: new Date(Date.now() + 600_000),
    enrolmentRequired: false,
  },
};

describe("sign-in with a second factor (#16)", () => {
  it("keeps nothing after the password, and signs in once the code is right", async () => {
    const api = fakeApi({
      ...noSession,
      "auth.login": () => challenge,
      "auth.verifySecondFactor": () => signedIn(1),
    });
    const storage = memoryStore();
    const app = renderApp({ "sign-in": SignIn, account: Account }, { api, storage, initialUrl: "/sign-in" });
    fireEvent.changeText(await screen.findByLabelText("Email"), "asha@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "mango-tree-42");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    fireEvent.changeText(await screen.findByLabelText("Code"), "123456");
    expect(app.session.auth.getState().status).not.toBe("signedIn");
    await expect(storage.get(REFRESH_TOKEN_KEY)).resolves.toBeNull();
    fireEvent.press(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(app.getPathname()).toBe("/account"));
    expect(api.calls.find((c) => c.path === "auth.verifySecondFactor")?.input).toEqual({
      challengeToken: "challenge-token-xxxxxxxxxxxxxxxxxxxx",
      code: "123456",
    });
  });

  it("sends anything but six digits as a recovery code", async () => {
    const api = fakeApi({
      ...noSession,
      "auth.login": () => challenge,
      "auth.verifySecondFactor": () => signedIn(1),
    });
    const app = renderApp({ "sign-in": SignIn, account: Account }, { api, initialUrl: "/sign-in" });
    fireEvent.changeText(await screen.findByLabelText("Email"), "asha@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "mango-tree-42");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    fireEvent.changeText(await screen.findByLabelText("Code"), "abcd-efgh-jkmn-pqrs");
    fireEvent.press(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(app.getPathname()).toBe("/account"));
    expect(api.calls.find((c) => c.path === "auth.verifySecondFactor")?.input).toMatchObject({
      recoveryCode: "abcd-efgh-jkmn-pqrs",
    });
  });

  it("remembers the phone when asked, keeping its token in the device store", async () => {
    const answer = signedIn(1) as { data: Record<string, unknown> };
    const api = fakeApi({
      ...noSession,
      "auth.login": () => challenge,
      "auth.verifySecondFactor": () => ({ data: { ...answer.data, trustedDeviceToken: "device-token-1" } }),
    });
    const storage = memoryStore();
    const app = renderApp({ "sign-in": SignIn, account: Account }, { api, storage, initialUrl: "/sign-in" });
    fireEvent.changeText(await screen.findByLabelText("Email"), "asha@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "mango-tree-42");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    fireEvent.changeText(await screen.findByLabelText("Code"), "123456");
    fireEvent.press(screen.getByRole("button", { name: "Remember this phone for 30 days" }));
    fireEvent.press(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(app.getPathname()).toBe("/account"));
    expect(api.calls.find((c) => c.path === "auth.verifySecondFactor")?.input).toMatchObject({
      rememberDevice: true,
    });
    await expect(storage.get(TRUSTED_DEVICE_KEY)).resolves.toBe("device-token-1");
  });
});
