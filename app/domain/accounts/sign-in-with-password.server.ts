import { db } from "#db/client.server";
import { normalizeEmail, getUserByEmail } from "#db/queries/users";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { THROTTLE } from "~/auth/throttle";
import { checkPasswordAttempt } from "./password-attempts.server";
import { DomainError } from "~/domain/errors";
import { recordAuditEvent, type AuditContext } from "~/domain/audit/record-event.server";

/**
 * Checks a password sign-in. Every outcome looks the same to the caller ("invalid
 * credentials") whether the account exists or not; after too many failures it is refused
 * (throttled) even with the right password, until the window has passed.
 */
export async function signInWithPassword(
  input: { email: string; password: string },
  meta: AuditContext,
): Promise<{ userId: string }> {
  const emailKey = normalizeEmail(input.email);
  const user = await getUserByEmail(db(), emailKey);
  const attempt = await checkPasswordAttempt(emailKey, meta.ipAddress, async () =>
    user?.passwordHash
      ? verifyPassword(user.passwordHash, input.password)
      : // Same work for an unknown account, so timing does not tell which e-mails exist.
        (await verifyPassword(await dummyPasswordHash(), input.password), false),
  );
  if (attempt.throttled) {
    await db().transaction(async (tx) => {
      await recordAuditEvent(tx, { ...meta, actorLabel: emailKey }, {
        organizationId: null,
        action: "auth.sign_in_throttled",
        entityType: "user",
      });
    });
    throw new DomainError("limit_exceeded", "auth:signIn.throttled", { minutes: THROTTLE.windowMinutes });
  }
  const valid = attempt.matches;

  await db().transaction(async (tx) => {
    await recordAuditEvent(tx, { ...meta, actorUserId: valid ? user!.id : null, actorLabel: emailKey }, {
      organizationId: null,
      action: valid ? "auth.signed_in" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      summary: { method: "password" },
    });
  });
  if (!valid || !user) throw new DomainError("invalid_input", "auth:signIn.invalid");
  return { userId: user.id };
}
