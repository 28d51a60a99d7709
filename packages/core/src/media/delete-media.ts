import {
  type Database,
  media,
  messages,
  productImages,
  products,
  returns,
  reviews,
  sellers,
} from "@bazaar/db";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";

export type DeleteMediaResult = "deleted" | "missing" | "in_use";

/**
 * The `media.delete` job: removes a media row and its stored file, unless something still
 * points at it (a product image, a pending product edit, a shop logo), in which case it
 * is left alone (a review's or a return's photos count too, and a message's images). Idempotent: a missing row, or a row whose file is already gone, is fine.
 *
 * The row is locked while the references are checked, and the file is deleted before the
 * transaction commits: if the store fails, the row stays and the retried job tries again;
 * the lock keeps a new product image from taking a reference in between.
 */
export async function deleteMedia(
  deps: Pick<Deps, "db" | "mediaStore" | "log">,
  mediaId: string,
): Promise<DeleteMediaResult> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(media).where(eq(media.id, mediaId)).for("update");
    if (!row) return "missing";
    if (await isReferenced(tx, mediaId)) {
      deps.log.info({ mediaId }, "media still in use; not deleted");
      return "in_use";
    }
    await tx.delete(media).where(eq(media.id, mediaId));
    await deps.mediaStore.delete(row.storeKey);
    return "deleted";
  });
}

async function isReferenced(db: Database, mediaId: string): Promise<boolean> {
  const [image] = await db
    .select({ id: productImages.id })
    .from(productImages)
    .where(eq(productImages.mediaId, mediaId))
    .limit(1);
  if (image) return true;
  const [logo] = await db
    .select({ id: sellers.id })
    .from(sellers)
    .where(eq(sellers.logoMediaId, mediaId))
    .limit(1);
  if (logo) return true;
  const [pending] = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        isNotNull(products.revision),
        sql`${products.revision} -> 'imageIds' @> jsonb_build_array(${mediaId}::text)`,
      ),
    )
    .limit(1);
  if (pending) return true;
  const asJson = sql`jsonb_build_array(${mediaId}::text)`;
  const [reviewPhoto] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(sql`${reviews.photoIds} @> ${asJson}`)
    .limit(1);
  if (reviewPhoto) return true;
  const [returnPhoto] = await db
    .select({ id: returns.id })
    .from(returns)
    .where(sql`${returns.photoIds} @> ${asJson}`)
    .limit(1);
  if (returnPhoto) return true;
  const [messageImage] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(sql`${messages.imageIds} @> ${asJson}`)
    .limit(1);
  return Boolean(messageImage);
}
