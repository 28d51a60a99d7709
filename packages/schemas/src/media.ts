export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;
export const MEDIA_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export type MediaDto = {
  id: string;
  url: string;
  contentType: MediaType;
  bytes: number;
  width: number | null;
  height: number | null;
};
