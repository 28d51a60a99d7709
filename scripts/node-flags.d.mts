// Types of node-flags.mjs for the TypeScript that imports it (apps/server/bench/memory.ts).
export declare const HEAP_FLAGS: string[];
export declare const SERVER_FLAGS: string[];
export declare const WORKER_FLAGS: string[];
export declare const RUNTIME_ENV: { MALLOC_ARENA_MAX: string };
