export type { CreateDbOptions, Database, DbHandle, DbTimeouts, Schema, Transaction } from "./client";
export { createDb, defaultDbTimeouts, migrationsFolder } from "./client";
export * from "./schema";
