import { Platform } from "react-native";
import { apiBaseUrl, trpcUrl } from "./config";

// The config Expo embeds in the build at export time, as the app reads it.
const embedded: { expoConfig: { extra: Record<string, unknown> } } = { expoConfig: { extra: {} } };
jest.mock("expo-constants", () => ({ __esModule: true, default: embedded }));

describe("the API's address", () => {
  const os = Platform.OS;
  afterEach(() => {
    Platform.OS = os;
  });

  it("is the configured one, without a trailing slash", () => {
    embedded.expoConfig.extra = { apiUrl: "https://api.example.in/" };
    expect(apiBaseUrl()).toBe("https://api.example.in");
    expect(trpcUrl()).toBe("https://api.example.in/trpc");
  });

  it("on the web, is the page's own origin when none is configured, even where Expo wrote an empty object", () => {
    Platform.OS = "web";
    // Expo's config serializer turns a null into {}: the web export crashed on it.
    embedded.expoConfig.extra = { apiUrl: {} };
    expect(apiBaseUrl()).toBe("");
    embedded.expoConfig.extra = {};
    expect(trpcUrl()).toBe("/trpc");
  });
});
