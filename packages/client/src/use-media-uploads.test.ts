import { MEDIA_MAX_BYTES } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { screenFiles } from "./use-media-uploads";

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe("screenFiles", () => {
  it("keeps images within the room left, and says why each other file stays behind", () => {
    const { accepted, refused } = screenFiles(
      [
        file("a.png", "image/png"),
        file("notes.pdf", "application/pdf"),
        file("huge.jpg", "image/jpeg", MEDIA_MAX_BYTES + 1),
        file("b.webp", "image/webp"),
        file("c.jpg", "image/jpeg"),
      ],
      2,
      5,
      "photos",
    );
    expect(accepted.map((f) => f.name)).toEqual(["a.png", "b.webp"]);
    expect(refused).toEqual([
      "notes.pdf is not a JPEG, PNG or WebP image",
      `huge.jpg is larger than ${MEDIA_MAX_BYTES / (1024 * 1024)} MB`,
      "c.jpg was left out: at most 5 photos",
    ]);
  });
});
