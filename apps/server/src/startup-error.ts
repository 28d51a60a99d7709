import type { Config } from "@bazaar/core";

type ErrorLike = { code?: string; message?: string; errors?: ErrorLike[] };

const unreachable = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ECONNRESET",
]);

/** PostgreSQL's own codes for a wrong login or database name. */
const refused: Record<string, string> = {
  "28P01": "the password was refused",
  "28000": "the user may not log in",
  "3D000": "the database does not exist",
};

const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(not a URL)";
  }
};

/**
 * One line naming the setting at fault for the failures an operator can fix, instead of a
 * stack trace; null for anything else (a bug: the caller prints it whole).
 */
export function startupFailure(error: unknown, config: Config): string | null {
  const e = (error ?? {}) as ErrorLike;
  const code = e.code ?? e.errors?.[0]?.code;
  if (code === "EADDRINUSE")
    return `PORT ${config.port} on ${config.host} is in use (is Bazaar already running?): stop that process or set PORT`;
  if (code === "EADDRNOTAVAIL") return `HOST ${config.host} is not an address of this machine: set HOST`;
  if (config.databaseUrl) {
    const at = where(config.databaseUrl);
    if (code && unreachable.has(code)) return `DATABASE_URL: cannot reach PostgreSQL at ${at} (${code})`;
    if (code && refused[code])
      return `DATABASE_URL: PostgreSQL at ${at} refused the connection: ${refused[code]}`;
    if (/timeout.*connect|Connection terminated/i.test(e.message ?? ""))
      return `DATABASE_URL: PostgreSQL at ${at} did not answer in time`;
  }
  return null;
}
