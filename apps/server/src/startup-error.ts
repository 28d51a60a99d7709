import type { Config } from "@bazaar/core";

type ErrorLike = {
  code?: string;
  message?: string;
  path?: string;
  name?: string;
  errno?: number;
  errors?: ErrorLike[];
};

/** PGlite's file system (Emscripten's) throws its own errno numbers, without a code. */
const emscriptenCodes: Record<number, string> = {
  2: "EACCES",
  20: "EEXIST",
  51: "ENOSPC",
  54: "ENOTDIR",
  63: "EPERM",
  69: "EROFS",
};

/** What the file system answers when a directory cannot be made or written. */
const unwritable: Record<string, string> = {
  ENOTDIR: "a file is in the way",
  EEXIST: "a file is in the way",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
};

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
  if (code && unwritable[code] && e.path?.startsWith(config.dataDir))
    return `DATA_DIR ${config.dataDir}: cannot write ${e.path} (${unwritable[code]}): set DATA_DIR to a writable directory`;
  const pgliteCode = e.name === "ErrnoError" && e.errno !== undefined ? emscriptenCodes[e.errno] : undefined;
  if (!config.databaseUrl && pgliteCode)
    return `DATA_DIR ${config.dataDir}: the embedded database cannot use ${config.dataDir}/pglite (${unwritable[pgliteCode]}): set DATA_DIR to a writable directory`;
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
