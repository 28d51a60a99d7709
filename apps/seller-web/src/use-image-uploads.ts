import { useMediaUploads } from "@bazaar/client";
import { useEffect } from "react";

/**
 * Uploads for a product's image list (the shared queue: screened, previewed, one at a time),
 * telling the form whether any is still running so it can wait for them.
 */
export function useImageUploads(args: {
  /** Images already in the list, which count against `max`. */
  count: number;
  max: number;
  onUploaded: (image: { mediaId: string; url: string }) => void;
  onBusy: ((busy: boolean) => void) | undefined;
}) {
  const { onBusy, ...rest } = args;
  const { pending, notice, busy, add, retry, dismiss } = useMediaUploads({ ...rest, noun: "images" });
  useEffect(() => onBusy?.(busy), [busy, onBusy]);
  return { uploads: pending, notice, add, retry, dismiss };
}
