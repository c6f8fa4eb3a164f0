import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Executor } from "../client.server";
import { sessions } from "../schema/index";

/**
 * Session rows of one user. Every function takes the user and puts it in the WHERE clause, so a
 * session id of someone else never matches. The ids are bearer tokens: callers must not hand
 * them to a page.
 */
export async function findSessionsOfUser(executor: Executor, userId: string) {
  return executor
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Deletes one session of the user; returns whether there was one. */
export async function deleteSessionOfUser(executor: Executor, userId: string, sessionId: string) {
  const deleted = await executor
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Deletes every session of the user, or every one but `exceptSessionId`; returns how many. */
export async function deleteSessionsOfUser(executor: Executor, userId: string, options: { exceptSessionId?: string } = {}) {
  const scope = options.exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, options.exceptSessionId))
    : eq(sessions.userId, userId);
  const deleted = await executor.delete(sessions).where(scope).returning({ id: sessions.id });
  return deleted.length;
}
