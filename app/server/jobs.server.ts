import PgBoss from "pg-boss";
import { db } from "#db/client.server";
import { deliverPendingEmails } from "~/domain/notifications/deliver-email.server";
import { registerMailWaker } from "~/domain/notifications/mail-queue.server";
import { issueDueCadences } from "~/domain/questionnaires/requests/cadences.server";
import { todayInDisplayZone } from "~/utils/dates";

const MAIL_QUEUE = "mail.deliver";
const MAIL_SWEEP = "mail.sweep";
const CADENCE = "questionnaires.cadence";

/**
 * The Postgres-backed job queue (pg-boss), running inside the app process. Several instances
 * share the queue; pg-boss hands each job to one of them.
 */
export async function startJobs(databaseUrl: string, log: (message: string) => void) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: "pgboss" });
  boss.on("error", (error) => log(`job queue error: ${String(error)}`));
  await boss.start();
  for (const queue of [MAIL_QUEUE, MAIL_SWEEP, CADENCE]) await boss.createQueue(queue);
  await boss.work(MAIL_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await deliverPendingEmails(db());
  });
  await boss.work(MAIL_SWEEP, async () => {
    await deliverPendingEmails(db());
  });
  // The sweep catches mail whose wake-up was lost (a crash between commit and send).
  await boss.schedule(MAIL_SWEEP, "* * * * *", undefined, { tz: "Europe/Amsterdam" });
  // Recurring questionnaires: once a day, in the morning in the Netherlands. Running twice sends once.
  await boss.work(CADENCE, async () => {
    const outcomes = await issueDueCadences(db(), todayInDisplayZone());
    for (const o of outcomes) if (o.result === "failed") log(`cadence ${o.cadenceId} failed: ${o.error}`);
  });
  await boss.schedule(CADENCE, "0 7 * * *", undefined, { tz: "Europe/Amsterdam" });
  registerMailWaker(() => {
    boss.send(MAIL_QUEUE, {}).catch((e) => log(`enqueue failed: ${e}`));
  });
  return {
    stop: async () => {
      registerMailWaker(undefined);
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
