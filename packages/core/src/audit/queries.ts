import { auditLog, type Database, users } from "@bazaar/db";
import { eq } from "drizzle-orm";

/** Entries with their actor's name and email (null once the account is gone, or for the system). */
export function selectEntries(db: Database) {
  return db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      requestId: auditLog.requestId,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId));
}
