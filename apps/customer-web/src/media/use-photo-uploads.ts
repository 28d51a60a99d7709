import { MediaUploadError, toFormError, useUploadMedia } from "@bazaar/client";
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from "@bazaar/schemas";
import { useEffect, useRef, useState } from "react";

export type Photo = { mediaId: string; url: string };

/** A file on its way up, previewed from memory until it lands or is dismissed. */
export type PendingPhoto = {
  key: string;
  name: string;
  preview: string;
  file: File;
  error: string | null;
  /** False when the server refused the file itself: sending it again would not help. */
  retryable: boolean;
};

const MB = 1024 * 1024;

/**
 * Photo uploads for a review or a return: files are checked (type, size, room left) before
 * any is sent, then sent one at a time so they land in the order chosen.
 */
export function usePhotoUploads(args: { count: number; max: number; onUploaded: (photo: Photo) => void }) {
  const { count, max, onUploaded } = args;
  const upload = useUploadMedia();
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const previews = useRef(new Set<string>());
  // Object URLs hold the file in memory until revoked.
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );
  const forget = (item: PendingPhoto) => {
    URL.revokeObjectURL(item.preview);
    previews.current.delete(item.preview);
    setPending((list) => list.filter((u) => u.key !== item.key));
  };

  const send = async (item: PendingPhoto) => {
    try {
      const media = await upload(item.file);
      onUploaded({ mediaId: media.id, url: media.url });
      forget(item);
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
    const room = max - count - pending.length;
    const accepted: PendingPhoto[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!(MEDIA_TYPES as readonly string[]).includes(file.type))
        refused.push(`${file.name} is not a JPEG, PNG or WebP image`);
      else if (file.size > MEDIA_MAX_BYTES)
        refused.push(`${file.name} is larger than ${MEDIA_MAX_BYTES / MB} MB`);
      else if (accepted.length >= room) refused.push(`${file.name} was left out: at most ${max} photos`);
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
    setPending((list) => [...list, ...accepted]);
    for (const item of accepted) await send(item);
  };

  const retry = (item: PendingPhoto) => {
    setPending((list) => list.map((u) => (u.key === item.key ? { ...u, error: null } : u)));
    void send({ ...item, error: null });
  };

  const busy = pending.some((u) => u.error === null);
  return { pending, notice, busy, add, retry, dismiss: forget };
}

/** The photos of a form and everything its PhotoPicker needs. */
export function usePhotoField(initial: Photo[], max: number) {
  const [photos, setPhotos] = useState<Photo[]>(initial);
  const up = usePhotoUploads({
    count: photos.length,
    max,
    onUploaded: (photo) => setPhotos((list) => [...list, photo]),
  });
  return {
    photos,
    busy: up.busy,
    picker: {
      photos,
      pending: up.pending,
      max,
      notice: up.notice,
      onAdd: (files: File[]) => void up.add(files),
      onRemove: (mediaId: string) => setPhotos((list) => list.filter((p) => p.mediaId !== mediaId)),
      onRetry: up.retry,
      onDismiss: up.dismiss,
    },
  };
}
