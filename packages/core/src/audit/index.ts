/**
 * The audit log's reading side, for admins. Entries are written by `audit()` in
 * platform/audit.ts, from every use case that changes what admins and sellers manage
 * (and, for a mutation whose use case wrote none, by the API's generic entry). The
 * table refuses updates and deletes: nothing here or anywhere else rewrites an entry.
 */
export { diffSides } from "./audit-dto";
export { getAuditEntry } from "./get-audit-entry";
export { listAuditLog } from "./list-audit-log";
