import type { media } from "@bazaar/db";
import type { MediaDto, MediaType } from "@bazaar/schemas";

export const toMediaDto = (row: typeof media.$inferSelect): MediaDto => ({
  id: row.id,
  url: row.url,
  contentType: row.contentType as MediaType,
  bytes: row.bytes,
  width: row.width,
  height: row.height,
});
