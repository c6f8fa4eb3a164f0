import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { users } from "../schema/index";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function getUserByEmail(executor: Executor, email: string) {
  const [row] = await executor
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return row;
}

export async function getUserById(executor: Executor, id: string) {
  const [row] = await executor.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}
