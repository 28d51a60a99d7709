export type { CreateDbOptions, Database, DbHandle, DbTimeouts, Schema, Transaction } from "./client";
export { createDb, defaultDbTimeouts, migrationsFolder } from "./client";
export { buildPgliteTemplate, copyPgliteTemplate } from "./pglite-template";
export * from "./schema";
