import { type PendingUpload, useMediaUploads } from "@bazaar/client";
import { useState } from "react";

export type Photo = { mediaId: string; url: string };
export type PendingPhoto = PendingUpload;

/** The photos of a form and everything its PhotoPicker needs. */
export function usePhotoField(initial: Photo[], max: number) {
  const [photos, setPhotos] = useState<Photo[]>(initial);
  const up = useMediaUploads({
    count: photos.length,
    max,
    noun: "photos",
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
