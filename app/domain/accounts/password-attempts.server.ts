import { and, eq, gt, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { normalizeEmail } from "#db/queries/users";
import { signInAttempts } from "#db/schema/index";
import { isThrottled, THROTTLE } from "~/auth/throttle";

/**
 * Password guesses are counted per account and per address wherever a password is checked (the
 * sign-in form, the password change on the profile), so a stolen session cannot be used to guess
 * the current password faster than the sign-in form allows.
 */
export async function isPasswordGuessingThrottled(email: string, ipAddress: string | null): Promise<boolean> {
  const emailKey = normalizeEmail(email);
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [failures] = await db()
    .select({
      forAccount: sql<number>`count(*) filter (where ${signInAttempts.emailKey} = ${emailKey})::int`,
      forIp: sql<number>`count(*) filter (where ${signInAttempts.ipAddress} = ${ipAddress}::inet)::int`,
    })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  return isThrottled({
    forAccount: failures?.forAccount ?? 0,
    forIp: ipAddress ? (failures?.forIp ?? 0) : 0,
  });
}

export async function recordPasswordAttempt(
  executor: Executor,
  email: string,
  ipAddress: string | null,
  succeeded: boolean,
) {
  await executor.insert(signInAttempts).values({ emailKey: normalizeEmail(email), ipAddress, succeeded });
}
