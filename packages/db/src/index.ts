export { createDb, migrationsFolder } from "./client";
export type { CreateDbOptions, Database, DbHandle, Schema, Transaction } from "./client";
export * from "./schema";
