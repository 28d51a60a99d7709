import {
  connections,
  dropDatabase,
  duration,
  freshDatabaseUrl,
  measure,
  printTable,
  startServer,
} from "./lib";

/**
 * `pnpm bench`: requests/s and latency of `auth.me` (JWT check, the live-session query, then the profile query)
 * against a bare Fastify route in the same run, so the ratio survives a slower machine.
 * Uses PostgreSQL when DATABASE_URL is set, else PGlite.
 */
const BENCH_DB = "bazaar_bench_auth";
const { child, info } = await startServer<Record<string, string>>("bench/serve.ts", {
  ...process.env,
  DATABASE_URL: await freshDatabaseUrl(BENCH_DB),
});
const { api, bare, accessToken, driver } = info;

try {
  const rows = [
    await measure("bare Fastify route", { url: `${bare}/bare` }),
    await measure("auth.me", {
      url: `${api}/trpc/auth.me`,
      headers: { authorization: `Bearer ${accessToken}` },
    }),
  ];
  printTable(
    `auth.me vs bare route — ${driver}, ${connections} connections, ${duration}s each, node ${process.version}`,
    rows,
  );
  console.log(`ratio auth.me / bare: ${((rows[1]!.rps / rows[0]!.rps) * 100).toFixed(1)}%\n`);
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await dropDatabase(BENCH_DB);
}
