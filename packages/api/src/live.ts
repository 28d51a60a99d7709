import type { Actor } from "@bazaar/core";
import type { AuthedContext } from "./context";

/**
 * A live stream that lasts only as long as the right to it. `recheck` (the same gates that
 * let the stream open: session live, account active, shop approved…) runs before every
 * event and every `deps.liveRecheckMs` while the stream is quiet; the first failure ends
 * the stream with that error, which the client receives like any other.
 */
export async function* whileAllowed<T>(
  ctx: AuthedContext,
  signal: AbortSignal | undefined,
  open: (signal: AbortSignal) => AsyncIterable<T>,
  recheck: (actor: Actor) => Promise<unknown>,
): AsyncGenerator<T> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let denied: unknown;
  const timer = setInterval(() => {
    recheck(ctx.actor).catch((error) => {
      denied = error;
      stop.abort();
    });
  }, ctx.deps.liveRecheckMs);
  try {
    for await (const event of open(stop.signal)) {
      await recheck(ctx.actor);
      yield event;
    }
    if (denied) throw denied;
  } finally {
    clearInterval(timer);
    signal?.removeEventListener("abort", onAbort);
    stop.abort();
  }
}
