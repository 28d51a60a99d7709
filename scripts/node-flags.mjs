// How the built API and worker are launched: the Node flags and environment `npm start`
// (scripts/run.mjs) gives them, in one place, so apps/server/bench/memory.ts measures the
// process users run. The `start` scripts of apps/server and apps/worker spell the same flags
// out for `pnpm start` (package.json cannot import); the memory bench says when they differ.

/**
 * V8's heap sized for a server process (#14). On a machine with gigabytes free, V8 sizes its
 * heap for throughput: the young generation grew to 32 MB and the old one to two to four times
 * what was live before it collected, so the API sat at 225-300 MB under reads with ~80 MB
 * live. A 4 MB semi-space and an old space grown 30% past what is live keep it under 150 MB on
 * PostgreSQL for the same CPU per request (bench/reads.ts, bench/memory.ts).
 */
export const HEAP_FLAGS = ["--max-semi-space-size=4", "--heap-growing-percent=30"];

/**
 * The API's flags. Embedded PGlite's WebAssembly compiled per function on first call, not all
 * up front: ~30 MB less RSS at start for the same start time.
 */
export const SERVER_FLAGS = ["--wasm-lazy-compilation", ...HEAP_FLAGS];

export const WORKER_FLAGS = HEAP_FLAGS;

/**
 * Environment of the API and the worker. MALLOC_ARENA_MAX=2: glibc's malloc gave the
 * process's threads arenas of their own that held ~10 MB more.
 */
export const RUNTIME_ENV = { MALLOC_ARENA_MAX: "2" };
