import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { getUserByEmail, normalizeEmail } from "#db/queries/users";
import { loginTokens, users } from "#db/schema/index";
import { hashEmailToken, isWellFormedToken, newEmailToken } from "~/auth/tokens.server";
import { recordAuditEvent, type AuditContext, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";

export const MAGIC_LINK = {
  validMinutes: 15,
  /** At most this many links per account per window; further requests send nothing. */
  maxPerWindow: 3,
  windowMinutes: 15,
} as const;


/**
 * Sends a one-time sign-in link to the address if it belongs to an account. The caller gets the
 * same (empty) answer either way, so the form does not tell who has an account; the work behind
 * it differs a little (a known address also gets a token and a mail), a timing difference we
 * accept. Beyond the per-account limit it silently sends nothing.
 */
export async function requestMagicLink(
  email: string,
  meta: RequestMeta,
  baseUrl: string,
  /** Where to go after signing in (an own path, checked again when the link is used). */
  returnTo?: string,
): Promise<void> {
  const emailKey = normalizeEmail(email);
  const user = await getUserByEmail(db(), emailKey);
  const context: AuditContext = { ...meta, actorUserId: null, actorLabel: emailKey };
  if (!user) {
    await db().transaction((tx) =>
      recordAuditEvent(tx, context, { organizationId: null, action: "auth.magic_link_requested", entityType: "user" }),
    );
    return;
  }
  const { token, tokenHash } = newEmailToken();
  const sent = await db().transaction(async (tx) => {
    // Serializes requests for one account so concurrent ones cannot all pass the limit.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("no key update");
    const since = new Date(Date.now() - MAGIC_LINK.windowMinutes * 60_000);
    const [recent] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(loginTokens)
      .where(and(eq(loginTokens.userId, user.id), eq(loginTokens.purpose, "magic_link"), gt(loginTokens.createdAt, since)));
    if ((recent?.count ?? 0) >= MAGIC_LINK.maxPerWindow) {
      await recordAuditEvent(tx, context, {
        organizationId: null,
        action: "auth.magic_link_throttled",
        entityType: "user",
        entityId: user.id,
      });
      return false;
    }
    await tx.insert(loginTokens).values({
      userId: user.id,
      purpose: "magic_link",
      tokenHash,
      expiresAt: new Date(Date.now() + MAGIC_LINK.validMinutes * 60_000),
    });
    await enqueueEmail(tx, user.email, user.locale ?? "nl", {
      template: "magic_link",
      params: {
        link: `${baseUrl}/sign-in/link/${token}${returnTo ? `?redirectTo=${encodeURIComponent(returnTo)}` : ""}`,
        minutes: MAGIC_LINK.validMinutes,
      },
    });
    await recordAuditEvent(tx, context, {
      organizationId: null,
      action: "auth.magic_link_requested",
      entityType: "user",
      entityId: user.id,
    });
    return true;
  });
  if (sent) afterCommitDeliverMail();
}

const invalidLink = () => new DomainError("expired", "auth:magicLink.invalid");

/**
 * Read-only check for the confirmation page: whether the link could still be used. Never
 * consumes it, because mail scanners open links before the person does.
 */
export async function isMagicLinkUsable(token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const [row] = await db()
    .select({ id: loginTokens.id })
    .from(loginTokens)
    .where(
      and(
        eq(loginTokens.tokenHash, hashEmailToken(token)),
        eq(loginTokens.purpose, "magic_link"),
        isNull(loginTokens.usedAt),
        gt(loginTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Uses a sign-in link: once, before it expires. A forged, expired or already used link is
 * refused with one and the same error; a malformed one never reaches the database.
 */
export async function consumeMagicLink(token: string, meta: RequestMeta): Promise<{ userId: string }> {
  if (!isWellFormedToken(token)) throw invalidLink();
  // A refusal is recorded too, so the transaction commits and the error is thrown after it.
  const result = await db().transaction(async (tx) => {
    const [claimed] = await tx
      .update(loginTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(loginTokens.tokenHash, hashEmailToken(token)),
          eq(loginTokens.purpose, "magic_link"),
          isNull(loginTokens.usedAt),
          gt(loginTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: loginTokens.userId });
    if (!claimed) {
      await recordAuditEvent(tx, { ...meta, actorUserId: null }, {
        organizationId: null,
        action: "auth.magic_link_rejected",
        entityType: "user",
      });
      return null;
    }
    await recordAuditEvent(tx, { ...meta, actorUserId: claimed.userId }, {
      organizationId: null,
      action: "auth.signed_in",
      entityType: "user",
      entityId: claimed.userId,
      summary: { method: "magic_link" },
    });
    return { userId: claimed.userId };
  });
  if (!result) throw invalidLink();
  return result;
}
