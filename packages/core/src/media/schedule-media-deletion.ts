import type { Deps } from "../platform/deps";

/**
 * Enqueues a `media.delete` job per id. Call it after the transaction that dropped the
 * references commits; ids still in use are skipped by the job, so passing extra is safe.
 */
export async function scheduleMediaDeletion(
  deps: Pick<Deps, "jobs">,
  mediaIds: readonly string[],
): Promise<void> {
  for (const mediaId of new Set(mediaIds)) {
    // No dedupe key: a finished job would swallow a later, needed one (an id skipped while
    // a pending edit used it must be deletable once the edit is approved).
    await deps.jobs.enqueue("media.delete", { mediaId });
  }
}
