import { randomUUID } from "node:crypto";
import { media } from "@bazaar/db";
import { MEDIA_MAX_BYTES, MEDIA_TYPES, type MediaDto, type MediaType } from "@bazaar/schemas";
import { DomainError, invalidField } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { toMediaDto } from "./dto";

const EXTENSION: Record<MediaType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};
const LABEL: Record<MediaType, string> = { "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WebP" };
/** Browsers decode every pixel a file claims: a small file must not claim a huge canvas. */
const MAX_PIXELS = 50_000_000;

export type UploadMediaInput = {
  bytes: Uint8Array;
  /** What the client called it: used in messages only; the type is read from the content. */
  filename?: string;
};

const isMediaType = (mime: string): mime is MediaType => (MEDIA_TYPES as readonly string[]).includes(mime);

/**
 * Stores an image a signed-in user uploaded and records it as a `media` row they own.
 * The type is decided by the bytes (a PNG named .jpg is a PNG; text named .png is
 * refused), the dimensions are read from the header, and the file is stored under a
 * fresh random key. If the row cannot be written the stored file is removed again, so a
 * failed upload leaves nothing behind. Call it outside a transaction.
 */
export async function uploadMedia(
  deps: Pick<Deps, "db" | "mediaStore" | "now" | "log">,
  actor: Actor,
  input: UploadMediaInput,
): Promise<MediaDto> {
  const { bytes } = input;
  const name = displayName(input.filename);
  if (bytes.byteLength === 0) throw invalidField("file", "media.empty", `${name} is empty.`);
  if (bytes.byteLength > MEDIA_MAX_BYTES) {
    throw invalidField(
      "file",
      "media.too_large",
      `${name} is ${megabytes(bytes.byteLength)} MB; images can be at most ${megabytes(MEDIA_MAX_BYTES)} MB.`,
      { maxBytes: MEDIA_MAX_BYTES },
    );
  }

  const { fileTypeFromBuffer, imageSize } = await imageLibraries();
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !isMediaType(detected.mime)) {
    throw invalidField(
      "file",
      "media.unsupported_type",
      `${name} is not a JPEG, PNG or WebP image${detected ? ` (its content is ${detected.mime})` : ""}. Upload a JPEG, PNG or WebP image.`,
      { detected: detected?.mime ?? null, allowed: [...MEDIA_TYPES] },
    );
  }
  const contentType = detected.mime;
  const { width, height } = readDimensions(imageSize, bytes, name, LABEL[contentType]);

  const now = deps.now();
  const key = [
    "u",
    String(now.getUTCFullYear()),
    String(now.getUTCMonth() + 1).padStart(2, "0"),
    `${randomUUID()}.${EXTENSION[contentType]}`,
  ].join("/");

  let stored: { key: string; url: string };
  try {
    stored = await deps.mediaStore.put(key, bytes, contentType);
  } catch (err) {
    deps.log.error({ err, key }, "media store refused an upload");
    throw new DomainError(
      "UNAVAILABLE",
      "media.store_unavailable",
      "Images cannot be stored right now. Try again in a moment.",
    );
  }

  try {
    const [row] = await deps.db
      .insert(media)
      .values({
        ownerId: actor.userId,
        storeKey: stored.key,
        url: stored.url,
        contentType,
        bytes: bytes.byteLength,
        width,
        height,
      })
      .returning();
    return toMediaDto(row!);
  } catch (error) {
    // Compensation: the file must not outlive the row that never was.
    await deps.mediaStore.delete(stored.key).catch((err) => {
      deps.log.error({ err, key: stored.key }, "could not remove a stored file after its media row failed");
    });
    throw error;
  }
}

/**
 * The sniffers, loaded at the first upload rather than at every start (with their readers,
 * ~11 MB of RSS in a process that may never receive an image).
 */
const imageLibraries = async () => {
  const [{ fileTypeFromBuffer }, { imageSize }] = await Promise.all([
    import("file-type"),
    import("image-size"),
  ]);
  return { fileTypeFromBuffer, imageSize };
};

function readDimensions(
  imageSize: typeof import("image-size").imageSize,
  bytes: Uint8Array,
  name: string,
  label: string,
): { width: number; height: number } {
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    // image-size reads through a view of the whole underlying ArrayBuffer: on a pooled or
    // sliced Buffer a header cut short would read a neighbour's bytes. Give it its own copy.
    size = imageSize(new Uint8Array(bytes));
  } catch {
    size = undefined;
  }
  if (!size?.width || !size.height) {
    throw invalidField(
      "file",
      "media.unreadable",
      `${name} starts like a ${label} image but cannot be read; it may be damaged or cut short.`,
    );
  }
  if (size.width * size.height > MAX_PIXELS) {
    throw invalidField(
      "file",
      "media.dimensions_too_large",
      `${name} is ${size.width}×${size.height} pixels; images can have at most ${MAX_PIXELS / 1_000_000} megapixels.`,
    );
  }
  // EXIF orientations 5–8 are rotated a quarter turn: browsers show them with sides swapped.
  const turned = (size.orientation ?? 1) >= 5;
  return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

function displayName(filename: string | undefined): string {
  const clean = filename
    ?.replace(/^.*[\\/]/, "")
    .replace(/[\p{Cc}\p{Cf}"]/gu, "")
    .trim()
    .slice(0, 80);
  return clean ? `"${clean}"` : "The file";
}

const megabytes = (n: number) => (Math.ceil((n / 1024 / 1024) * 10) / 10).toString();
