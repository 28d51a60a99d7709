import { type Database, users } from "@bazaar/db";
import { eq } from "drizzle-orm";

export async function findUserByEmail(db: Database, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return u;
}

export async function findUserById(db: Database, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function userExists(db: Database, email: string): Promise<boolean> {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return u !== undefined;
}
