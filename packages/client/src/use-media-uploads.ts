import { MEDIA_MAX_BYTES, MEDIA_TYPES } from "@bazaar/schemas";
import { useEffect, useRef, useState } from "react";
import { toFormError } from "./form-error";
import { MediaUploadError, useUploadMedia } from "./upload-media";

/** A file on its way up, previewed from memory until it lands or is dismissed. */
export type PendingUpload = {
  key: string;
  name: string;
  preview: string;
  file: File;
  error: string | null;
  /** False when the server refused the file itself: sending it again would not help. */
  retryable: boolean;
};

export const MB = 1024 * 1024;

/**
 * Which of the chosen files may go up, checked before any is sent: a JPEG, PNG or WebP image,
 * within the size limit, and only as many as there is room for. `noun` names the things in
 * the refusals ("photos", "images").
 */
export function screenFiles(
  files: readonly File[],
  room: number,
  max: number,
  noun: string,
): { accepted: File[]; refused: string[] } {
  const accepted: File[] = [];
  const refused: string[] = [];
  for (const file of files) {
    if (!(MEDIA_TYPES as readonly string[]).includes(file.type))
      refused.push(`${file.name} is not a JPEG, PNG or WebP image`);
    else if (file.size > MEDIA_MAX_BYTES)
      refused.push(`${file.name} is larger than ${MEDIA_MAX_BYTES / MB} MB`);
    else if (accepted.length >= room) refused.push(`${file.name} was left out: at most ${max} ${noun}`);
    else accepted.push(file);
  }
  return { accepted, refused };
}

/**
 * Uploads for a list of media (a review's or a return's photos, a product's images): files are
 * screened before any is sent, previewed from memory, then sent one at a time so they land in
 * the order chosen; each that lands is handed to `onUploaded`.
 */
export function useMediaUploads(args: {
  /** Items already in the list, which count against `max`. */
  count: number;
  max: number;
  noun: string;
  onUploaded: (media: { mediaId: string; url: string }) => void;
}) {
  const { count, max, noun, onUploaded } = args;
  const upload = useUploadMedia();
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const previews = useRef(new Set<string>());
  // Object URLs hold the file in memory until revoked.
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );
  const dismiss = (item: PendingUpload) => {
    URL.revokeObjectURL(item.preview);
    previews.current.delete(item.preview);
    setPending((list) => list.filter((u) => u.key !== item.key));
  };

  const send = async (item: PendingUpload) => {
    try {
      const media = await upload(item.file);
      onUploaded({ mediaId: media.id, url: media.url });
      dismiss(item);
    } catch (error) {
      const e = toFormError(error);
      const refused = error instanceof MediaUploadError && error.status !== null && error.status < 500;
      setPending((list) =>
        list.map((u) =>
          u.key === item.key ? { ...u, error: e.fieldErrors.file ?? e.message, retryable: !refused } : u,
        ),
      );
    }
  };

  const add = async (files: File[]) => {
    setNotice(null);
    const screened = screenFiles(files, max - count - pending.length, max, noun);
    const accepted = screened.accepted.map((file, i): PendingUpload => {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      return {
        key: `${Date.now()}-${i}-${file.name}`,
        name: file.name,
        preview,
        file,
        error: null,
        retryable: true,
      };
    });
    if (screened.refused.length) setNotice(screened.refused.join(". "));
    setPending((list) => [...list, ...accepted]);
    // One at a time, so they land in the order they were chosen.
    for (const item of accepted) await send(item);
  };

  const retry = (item: PendingUpload) => {
    setPending((list) => list.map((u) => (u.key === item.key ? { ...u, error: null } : u)));
    void send({ ...item, error: null });
  };

  const busy = pending.some((u) => u.error === null);
  return { pending, notice, busy, add, retry, dismiss };
}
