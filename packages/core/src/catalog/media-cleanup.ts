import { scheduleMediaDeletion } from "../media";
import type { Deps } from "../platform/deps";

/**
 * Images a product no longer uses are deleted from the store by a job after the commit.
 * Passing an id that is still referenced elsewhere is safe: the job skips it.
 */
export async function afterImagesRemoved(deps: Deps, mediaIds: string[]): Promise<void> {
  if (mediaIds.length > 0) await scheduleMediaDeletion(deps, mediaIds);
}
