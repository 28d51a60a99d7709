import { type Database, media } from "@bazaar/db";
import { and, eq, inArray } from "drizzle-orm";
import { invalidField } from "../errors";

/**
 * Review photos must be uploads of the reviewer: another user's media id is refused as if it
 * did not exist, so ids cannot be probed. Returns the ids in the order given.
 */
export async function checkOwnPhotos(db: Database, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const own = await db
    .select({ id: media.id })
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.ownerId, userId)));
  const found = new Set(own.map((m) => m.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing)
    throw invalidField("photoIds", "review.photo_not_found", "A photo was not found among your uploads", {
      mediaId: missing,
    });
  return ids;
}
