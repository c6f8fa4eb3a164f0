import { sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { db } from "#db/client.server";
import { throttleEvents } from "#db/schema/index";
import { VERIFY_LIMIT } from "./verify-throttle";

const BUCKET = "verify";

/**
 * Counts an attempt from this address and says whether it is within the limit. Kept in
 * PostgreSQL, so all app instances share one count; a refused attempt is not counted, so an
 * address that waits is let in again once its earlier attempts leave the window.
 */
export async function allowVerifyAttempt(clientIp: string | null, executor: Executor = db(), limit: { perWindow: number; windowMinutes: number } = VERIFY_LIMIT): Promise<boolean> {
  const key = clientIp ?? "unknown";
  const rows = await executor.execute<{ allowed: boolean }>(sql`
    with recent as (
      select count(*)::int as n from ${throttleEvents}
      where bucket = ${BUCKET} and key = ${key} and created_at > now() - make_interval(mins => ${limit.windowMinutes})
    ), counted as (
      insert into ${throttleEvents} (bucket, key) select ${BUCKET}, ${key} from recent where n < ${limit.perWindow} returning 1
    )
    select (select n from recent) < ${limit.perWindow} as allowed`);
  return rows[0]?.allowed === true;
}

/** The daily clean-up: attempts older than a day no longer count for anything. */
export async function pruneThrottleEvents(executor: Executor = db()): Promise<number> {
  const removed = await executor.delete(throttleEvents).where(sql`${throttleEvents.createdAt} < now() - interval '1 day'`).returning({ id: throttleEvents.id });
  return removed.length;
}
