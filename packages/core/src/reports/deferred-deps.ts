import type { Database } from "@bazaar/db";
import type { JobQueue } from "@bazaar/jobs";
import type { Deps } from "../platform/deps";

/**
 * Deps for calling another domain's use case inside our transaction. `db` is the
 * transaction, so its writes commit or roll back with the case decision; what it would
 * release after its own commit (jobs such as an email send, cache bumps, live events) is
 * held here and released by `release()` only once ours has committed. Sent before that, an
 * email job could look for its outbox row before it exists, and a cache bump could let a
 * reader cache the old state again.
 */
export function deferredDeps(deps: Deps, tx: Database) {
  const pending: (() => Promise<void>)[] = [];
  const enqueue = (async (...args: Parameters<JobQueue["enqueue"]>) => {
    pending.push(() => deps.jobs.enqueue(...args));
  }) as JobQueue["enqueue"];
  const scoped: Deps = {
    ...deps,
    db: tx,
    jobs: { enqueue },
    // Reads inside the transaction must see its writes, never a cached answer.
    cache: {
      wrap: (_ns, _key, _ttl, load) => load(),
      bump: async (ns) => {
        pending.push(() => deps.cache.bump(ns));
      },
      invalidate: async (ns, tags) => {
        pending.push(() => deps.cache.invalidate(ns, tags));
      },
    },
    live: {
      ...deps.live,
      publish: async (channel, event) => {
        pending.push(() => deps.live.publish(channel, event));
      },
    },
  };
  return {
    deps: scoped,
    async release() {
      for (const effect of pending)
        await effect().catch((err) =>
          deps.log.error({ err }, "an effect of a report decision was not released"),
        );
    },
  };
}
