import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { deleteSessionOfUser, deleteSessionsOfUser, findSessionsOfUser } from "#db/queries/sessions";
import { getUserById } from "#db/queries/users";
import { notifications, users } from "#db/schema/index";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { passwordProblems } from "~/auth/password-policy";
import { recordAuditEvent, type AuditContext } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { THROTTLE } from "~/auth/throttle";
import { checkPasswordAttempt } from "./password-attempts.server";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { markRead } from "~/domain/notifications/notify.server";
import { fallbackLocale, type Locale } from "~/i18n/config";
import { env } from "~/utils/env.server";

/**
 * The signed-in user's own account: profile, password, sessions and in-app notifications. Every
 * function takes the user id from the session, never from the form, and scopes by it.
 */

/**
 * What identifies a session on the page. Session ids are bearer tokens (the cookie's value), so
 * the page gets a one-way digest of each instead; only the owner's sessions are matched against it.
 */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(`session-handle:${sessionId}`).digest("hex").slice(0, 32);
}

/** "Firefox 128 on Windows": the browser and system of a user agent, or null when unknown. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const version = (pattern: RegExp) => pattern.exec(ua)?.[1]?.split(".")[0];
  let browser: string | undefined;
  const browsers: [string, RegExp][] = [
    ["Edge", /Edg(?:e|A|iOS)?\/([\d.]+)/],
    ["Opera", /(?:OPR|Opera)\/([\d.]+)/],
    ["Samsung Internet", /SamsungBrowser\/([\d.]+)/],
    ["Firefox", /(?:Firefox|FxiOS)\/([\d.]+)/],
    ["Chrome", /(?:Chrome|CriOS)\/([\d.]+)/],
    ["Safari", /Version\/([\d.]+).*Safari\//],
  ];
  for (const [name, pattern] of browsers) {
    const v = version(pattern);
    if (v) {
      browser = `${name} ${v}`;
      break;
    }
  }
  const systems: [string, RegExp][] = [
    ["iOS", /iPhone|iPad|iPod/],
    ["Android", /Android/],
    ["Windows", /Windows/],
    ["macOS", /Mac OS X|Macintosh/],
    ["ChromeOS", /CrOS/],
    ["Linux", /Linux/],
  ];
  const system = systems.find(([, pattern]) => pattern.test(ua))?.[0];
  if (browser && system) return `${browser} · ${system}`;
  if (browser || system) return (browser ?? system)!;
  // Not a browser (a script, a test client): show it shortened rather than nothing.
  return ua.length > 40 ? `${ua.slice(0, 39)}…` : ua;
}

/** The profile page's view model: the user and their live sessions, the current one first. */
export async function getProfile(userId: string, currentSessionId: string) {
  const user = await getUserById(db(), userId);
  if (!user) throw new DomainError("not_found");
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  const absoluteLimit = env().SESSION_ABSOLUTE_HOURS * 3_600_000;
  const now = Date.now();
  const rows = await findSessionsOfUser(db(), userId);
  const live = rows.filter(
    (s) => s.id === currentSessionId || (now - s.lastSeenAt.getTime() <= idleLimit && now - s.createdAt.getTime() <= absoluteLimit),
  );
  live.sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId));
  return {
    user: { name: user.name, email: user.email, locale: user.locale, hasPassword: user.passwordHash !== null },
    sessions: live.map((s) => ({
      handle: sessionHandle(s.id),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ipAddress: s.ipAddress,
      browser: describeUserAgent(s.userAgent),
      isCurrent: s.id === currentSessionId,
    })),
  };
}

/** Changes the name and language; the language applies from the next page the user sees. */
export async function updateProfile(userId: string, input: { name?: string; locale: Locale }, context: AuditContext) {
  await db().transaction(async (tx) => {
    const user = await getUserById(tx, userId);
    if (!user) throw new DomainError("not_found");
    const changes: Record<string, string> = {};
    if (input.name !== undefined && user.name !== input.name) changes.name = input.name;
    if (user.locale !== input.locale) changes.locale = input.locale;
    if (Object.keys(changes).length === 0) return;
    await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "user.profile_updated",
      entityType: "user",
      entityId: userId,
      summary: changes,
    });
  });
}

/** The language switch in the header: the profile's language, audited like any profile change. */
export function changeLocale(userId: string, locale: Locale, context: AuditContext) {
  return updateProfile(userId, { locale }, context);
}

/**
 * Ends one session of the user, with its audit event, in one transaction (the sign-out button).
 */
export async function signOut(userId: string, sessionId: string, context: AuditContext) {
  await db().transaction(async (tx) => {
    await deleteSessionOfUser(tx, userId, sessionId);
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "auth.signed_out",
      entityType: "user",
      entityId: userId,
    });
  });
}

/**
 * Sets a new password. The current one is required when the account has one (an account made
 * through an invitation or sign-in link may have none yet). Every other session is ended, so a
 * change made because of a stolen password locks the thief out, and the owner is told by e-mail.
 */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: { currentPassword?: string; newPassword: string },
  context: AuditContext,
): Promise<{ endedSessions: number }> {
  const user = await getUserById(db(), userId);
  if (!user) throw new DomainError("not_found");
  const currentHash = user.passwordHash;
  if (currentHash) {
    const attempt = await checkPasswordAttempt(user.email, context.ipAddress, async () =>
      !!input.currentPassword && verifyPassword(currentHash, input.currentPassword),
    );
    if (attempt.throttled) {
      throw new DomainError("limit_exceeded", "auth:signIn.throttled", { minutes: THROTTLE.windowMinutes });
    }
    if (!attempt.matches) {
      await db().transaction((tx) =>
        recordAuditEvent(tx, context, {
          organizationId: null,
          action: "user.password_change_failed",
          entityType: "user",
          entityId: userId,
        }),
      );
      throw new DomainError("invalid_input", "account:password.wrongCurrent");
    }
  }
  const problem = passwordProblems(input.newPassword, { email: user.email })[0];
  if (problem) throw new DomainError("invalid_input", problem);
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await db().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    const ended = await deleteSessionsOfUser(tx, userId, { exceptSessionId: currentSessionId });
    await enqueueEmail(tx, user.email, user.locale ?? fallbackLocale, { template: "password_changed", params: { name: user.name } });
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "user.password_changed",
      entityType: "user",
      entityId: userId,
      summary: { firstPassword: user.passwordHash === null, endedSessions: ended },
    });
    return ended;
  });
  afterCommitDeliverMail();
  return { endedSessions };
}

/**
 * Ends one of the user's own sessions, named by its handle. A handle that is not one of theirs
 * is not found. Returns whether it was the session the request came with.
 */
export async function revokeSession(
  userId: string,
  currentSessionId: string,
  handle: string,
  context: AuditContext,
): Promise<{ wasCurrent: boolean }> {
  const target = (await findSessionsOfUser(db(), userId)).find((s) => sessionHandle(s.id) === handle);
  if (!target) throw new DomainError("not_found");
  await db().transaction(async (tx) => {
    if (!(await deleteSessionOfUser(tx, userId, target.id))) throw new DomainError("not_found");
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "session.revoked",
      entityType: "user",
      entityId: userId,
      summary: { scope: "one", browser: describeUserAgent(target.userAgent) ?? "", ipAddress: target.ipAddress ?? "" },
    });
  });
  return { wasCurrent: target.id === currentSessionId };
}

/** Ends every session of the user, the current one included. */
export async function signOutEverywhere(userId: string, context: AuditContext): Promise<{ endedSessions: number }> {
  const endedSessions = await db().transaction(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, userId);
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "session.revoked",
      entityType: "user",
      entityId: userId,
      summary: { scope: "all", endedSessions: ended },
    });
    return ended;
  });
  return { endedSessions };
}

/** Marks one of the user's notifications as read; someone else's is not found. */
export async function markNotificationAsRead(userId: string, notificationId: string) {
  await db().transaction(async (tx) => {
    const [own] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.id, notificationId)))
      .limit(1);
    if (!own) throw new DomainError("not_found");
    await markRead(tx, userId, notificationId);
  });
}

/** Marks all of the user's unread notifications as read; returns how many there were. */
export async function markAllNotificationsAsRead(userId: string) {
  return markRead(db(), userId);
}
