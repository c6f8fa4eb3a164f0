import { and, eq, gt, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { normalizeEmail } from "#db/queries/users";
import { signInAttempts } from "#db/schema/index";
import { isThrottled, THROTTLE } from "~/auth/throttle";

/**
 * Password guesses are counted per account and per address wherever a password is checked (the
 * sign-in form, the password change on the profile), so a stolen session cannot be used to guess
 * the current password faster than the sign-in form allows.
 *
 * An attempt is recorded as a failure *before* the (slow) password check, under a lock per
 * account: parallel guesses queue behind each other and each sees the ones before it, so the limit
 * holds for concurrent requests too. A correct password turns its row into a success.
 */
export type AttemptReservation = { throttled: true } | { throttled: false; attemptId: string };

export async function reservePasswordAttempt(email: string, ipAddress: string | null): Promise<AttemptReservation> {
  const emailKey = normalizeEmail(email);
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`password-attempt:${emailKey}`}))`);
    const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
    const [failures] = await tx
      .select({
        forAccount: sql<number>`count(*) filter (where ${signInAttempts.emailKey} = ${emailKey})::int`,
        forIp: sql<number>`count(*) filter (where ${signInAttempts.ipAddress} = ${ipAddress}::inet)::int`,
      })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
    if (isThrottled({ forAccount: failures?.forAccount ?? 0, forIp: ipAddress ? (failures?.forIp ?? 0) : 0 })) {
      return { throttled: true as const };
    }
    const [row] = await tx
      .insert(signInAttempts)
      .values({ emailKey, ipAddress, succeeded: false })
      .returning({ id: signInAttempts.id });
    return { throttled: false as const, attemptId: row.id };
  });
}

/** The password was right: the reserved attempt no longer counts as a failure. */
export async function markAttemptSucceeded(executor: Executor, attemptId: string) {
  await executor.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}
