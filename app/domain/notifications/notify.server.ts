import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { notifications } from "#db/schema/index";

export interface NotificationInput {
  userId: string;
  organizationId: string | null;
  messageKey: string;
  params?: Record<string, string | number>;
  link?: string | null;
}

/** In-app notifications are stored as i18n keys, so each reader sees them in their language. */
export async function notify(tx: Executor, inputs: NotificationInput[]) {
  if (inputs.length === 0) return;
  await tx.insert(notifications).values(
    inputs.map((n) => ({
      userId: n.userId,
      organizationId: n.organizationId,
      messageKey: n.messageKey,
      params: n.params ?? {},
      link: n.link ?? null,
    })),
  );
}

export async function countUnread(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function findNotifications(executor: Executor, userId: string, limit = 50) {
  return executor
    .select({
      id: notifications.id,
      messageKey: notifications.messageKey,
      params: notifications.params,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks one (or, without an id, every) notification of the user as read. */
export async function markRead(executor: Executor, userId: string, notificationId?: string) {
  const scope = notificationId
    ? and(eq(notifications.userId, userId), eq(notifications.id, notificationId))
    : eq(notifications.userId, userId);
  const updated = await executor
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(scope, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
