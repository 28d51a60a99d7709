import { MediaUploadError, toFormError, useUploadMedia } from "@bazaar/client";
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from "@bazaar/schemas";
import { useEffect, useRef, useState } from "react";

/** A file on its way up, previewed from memory until it lands or is dismissed. */
export type Upload = {
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
 * Uploads for an image list: files are checked (type, size, room left) before any is sent,
 * then sent one at a time so images land in the order chosen; each that lands joins the list.
 */
export function useImageUploads(args: {
  /** Images already in the list, which count against `max`. */
  count: number;
  max: number;
  onUploaded: (image: { mediaId: string; url: string }) => void;
  onBusy: ((busy: boolean) => void) | undefined;
}) {
  const { count, max, onUploaded, onBusy } = args;
  const upload = useUploadMedia();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = uploads.some((u) => u.error === null);

  useEffect(() => onBusy?.(busy), [busy, onBusy]);
  // Object URLs hold the file in memory until revoked.
  const previews = useRef(new Set<string>());
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const send = async (item: Upload) => {
    try {
      const media = await upload(item.file);
      onUploaded({ mediaId: media.id, url: media.url });
      setUploads((list) => list.filter((u) => u.key !== item.key));
      URL.revokeObjectURL(item.preview);
      previews.current.delete(item.preview);
    } catch (error) {
      const e = toFormError(error);
      const refused = error instanceof MediaUploadError && error.status !== null && error.status < 500;
      setUploads((list) =>
        list.map((u) =>
          u.key === item.key ? { ...u, error: e.fieldErrors.file ?? e.message, retryable: !refused } : u,
        ),
      );
    }
  };

  const add = async (files: File[]) => {
    setNotice(null);
    const room = max - count - uploads.length;
    const accepted: Upload[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!(MEDIA_TYPES as readonly string[]).includes(file.type))
        refused.push(`${file.name} is not a JPEG, PNG or WebP image`);
      else if (file.size > MEDIA_MAX_BYTES)
        refused.push(`${file.name} is larger than ${MEDIA_MAX_BYTES / MB} MB`);
      else if (accepted.length >= room) refused.push(`${file.name} was left out: at most ${max} images`);
      else {
        const preview = URL.createObjectURL(file);
        previews.current.add(preview);
        accepted.push({
          key: `${Date.now()}-${accepted.length}-${file.name}`,
          name: file.name,
          preview,
          file,
          error: null,
          retryable: true,
        });
      }
    }
    if (refused.length) setNotice(refused.join(". "));
    setUploads((list) => [...list, ...accepted]);
    // One at a time, so images land in the order they were chosen.
    for (const item of accepted) await send(item);
  };

  const retry = (item: Upload) => {
    setUploads((list) => list.map((u) => (u.key === item.key ? { ...u, error: null } : u)));
    void send({ ...item, error: null });
  };
  const dismiss = (item: Upload) => {
    URL.revokeObjectURL(item.preview);
    previews.current.delete(item.preview);
    setUploads((list) => list.filter((u) => u.key !== item.key));
  };

  return { uploads, notice, add, retry, dismiss };
}
