import { auditLog, type Database } from "@bazaar/db";

export async function audit(
  db: Database,
  entry: {
    actorId: string | null;
    action: string;
    targetType: string;
    targetId?: string;
    data?: Record<string, unknown>;
  },
) {
  await db.insert(auditLog).values(entry);
}
