import type { Deps } from "../platform/deps";

/** Images a product no longer uses are deleted from the store by a job, after the commit. */
export async function afterImagesRemoved(deps: Deps, mediaIds: string[]): Promise<void> {
  if (mediaIds.length === 0) return;
  deps.log.info({ mediaIds }, "images removed from a product");
}
