import { type Actor, authenticateBearer, DomainError, type Runtime, uploadMedia } from "@bazaar/core";
import { MEDIA_MAX_BYTES } from "@bazaar/schemas";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { routeErrorHandler, toDomainError } from "./http-errors";

const tooLarge = () =>
  new DomainError(
    "VALIDATION",
    "media.too_large",
    `Images can be at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB.`,
    {
      maxBytes: MEDIA_MAX_BYTES,
      fieldErrors: { file: [`Images can be at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB.`] },
    },
  );
const fileError = (reason: string, message: string) =>
  new DomainError("VALIDATION", reason, message, { fieldErrors: { file: [message] } });

/**
 * Image upload and, for the local store, the files themselves. An encapsulated plugin:
 * multipart parsing, the sign-in check and the error shape stay inside it.
 *
 * `POST /api/media` takes one multipart file field (any name), answers
 * `201 { media: MediaDto }`, and on failure `{ code, message, reason, fieldErrors?, details? }`
 * with 400 (not an image), 413 (too large), 401 (no or bad token), 415 (not multipart).
 */
export async function mediaRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { deps } = options.runtime;
  const actors = new WeakMap<FastifyRequest, Actor>();

  // Only multipart bodies here: anything else is refused with 415 before it is read.
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: { fileSize: MEDIA_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
  });

  app.setErrorHandler(routeErrorHandler("media request", multipartError));

  const requireSignIn = async (req: FastifyRequest) => {
    actors.set(req, await authenticateBearer(deps, bearerToken(req)));
  };

  app.post("/api/media", { onRequest: requireSignIn }, async (req, reply) => {
    const actor = actors.get(req)!;
    const { bytes, filename } = await readOneFile(req);
    const media = await uploadMedia(deps, actor, { bytes, filename });
    return reply.code(201).send({ media });
  });

  const dir = deps.mediaStore.localDir;
  if (dir) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: "/media/",
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: "ignore",
      // Keys are random and never reused: a URL's bytes never change.
      maxAge: "365d",
      immutable: true,
      setHeaders(reply) {
        reply.header("x-content-type-options", "nosniff");
        // Helmet's default (same-origin) would stop the web apps on other origins showing images.
        reply.header("cross-origin-resource-policy", "cross-origin");
        reply.header("content-security-policy", "default-src 'none'; sandbox");
      },
    });
  }
}

/** The request's one file, whole, or a clear 4xx: a cut-off or oversized body stores nothing. */
async function readOneFile(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!req.isMultipart())
    throw new DomainError("VALIDATION", "media.multipart_required", "Send the image as multipart/form-data.");
  try {
    const part = await req.file();
    if (!part) throw fileError("media.file_required", "Choose an image to upload.");
    return { bytes: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    // Everything that goes wrong while reading the body is the body's fault.
    throw (
      toDomainError(error, multipartError) ??
      fileError("media.upload_incomplete", "The upload was cut short or malformed. Try again.")
    );
  }
}

/** The multipart plugin's errors, each with its own reason; other errors are mapped as on every route. */
function multipartError(error: unknown): DomainError | undefined {
  switch ((error as { code?: unknown } | null)?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return tooLarge();
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return fileError("media.too_many_parts", "Upload one image at a time.");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new DomainError(
        "VALIDATION",
        "media.multipart_required",
        "Send the image as multipart/form-data.",
      );
    case "FST_MP_PREMATURE_CLOSE":
      return fileError("media.upload_incomplete", "The upload was cut short. Try again.");
  }
  return undefined;
}
