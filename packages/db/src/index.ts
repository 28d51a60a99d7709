export type { CreateDbOptions, Database, DbHandle, Schema, Transaction } from "./client";
export { createDb, migrationsFolder } from "./client";
export * from "./schema";
