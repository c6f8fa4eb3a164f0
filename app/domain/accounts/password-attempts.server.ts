import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { normalizeEmail } from "#db/queries/users";
import { signInAttempts } from "#db/schema/index";
import { isThrottled, THROTTLE } from "~/auth/throttle";

/**
 * Password guesses are counted per account and per address wherever a password is checked (the
 * sign-in form, the password change on the profile), so a stolen session cannot be used to guess
 * the current password faster than the sign-in form allows.
 *
 * The check runs under a lock per account, held from counting to recording: parallel guesses at
 * one account queue behind each other and each sees the outcome of the ones before, so the limit
 * holds under concurrency. Only decided attempts are stored, so colleagues signing in at the same
 * moment from one office address never count against each other.
 */
export type CheckedAttempt = { throttled: true } | { throttled: false; matches: boolean };

export async function checkPasswordAttempt(
  email: string,
  ipAddress: string | null,
  verify: () => Promise<boolean>,
): Promise<CheckedAttempt> {
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
    const matches = await verify();
    await tx.insert(signInAttempts).values({ emailKey, ipAddress, succeeded: matches });
    return { throttled: false as const, matches };
  });
}
