import PgBoss from "pg-boss";
import { db } from "#db/client.server";
import { deliverPendingEmails } from "~/domain/notifications/deliver-email.server";
import { registerMailWaker } from "~/domain/notifications/mail-queue.server";
import { sendEvidenceExpiryReminders } from "~/domain/evidence/expiry-reminders.server";
import { pruneThrottleEvents } from "~/domain/agreements/verify-throttle.server";
import { issueDueCadences } from "~/domain/questionnaires/requests/cadences.server";
import { approveLapsedProposals } from "~/domain/subprocessors/lapse.server";
import { sendTrainingLapseReminders } from "~/domain/training/lapse-reminders.server";
import { todayInDisplayZone } from "~/utils/dates";
import { runAgreementLifecycle } from "~/domain/agreements/lifecycle.server";

const MAIL_QUEUE = "mail.deliver";
const MAIL_SWEEP = "mail.sweep";

/**
 * Jobs that run once a day, in the morning in the Netherlands. Each must be idempotent: running
 * twice on one day does its work once. Features add their entry here.
 */
const dailyJobs: Array<{ queue: string; run: (today: string) => Promise<string[]> }> = [
  {
    queue: "training.lapse",
    run: async (today) => (await sendTrainingLapseReminders(db(), today)).problems,
  },
  {
    queue: "agreements.lifecycle",
    run: async (today) => {
      await runAgreementLifecycle(db(), today);
      return [];
    },
  },
  {
    queue: "throttle.prune",
    run: async () => {
      await pruneThrottleEvents(db());
      return [];
    },
  },
  {
    queue: "evidence.expiry",
    run: (today) => sendEvidenceExpiryReminders(db(), today),
  },
  {
    queue: "questionnaires.cadence",
    run: async (today) => {
      const outcomes = await issueDueCadences(db(), today);
      return outcomes.filter((o) => o.result === "failed").map((o) => `cadence ${o.cadenceId} failed: ${o.error}`);
    },
  },
  {
    queue: "subprocessors.lapse",
    run: async (today) => {
      const outcomes = await approveLapsedProposals(db(), today);
      return outcomes.flatMap((o) => (o.result === "failed" ? [`sub-processor ${o.subprocessorId} failed: ${o.error}`] : []));
    },
  },
];

/**
 * The Postgres-backed job queue (pg-boss), running inside the app process. Several instances
 * share the queue; pg-boss hands each job to one of them.
 */
export async function startJobs(databaseUrl: string, log: (message: string) => void) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: "pgboss" });
  boss.on("error", (error) => log(`job queue error: ${String(error)}`));
  await boss.start();
  for (const queue of [MAIL_QUEUE, MAIL_SWEEP, ...dailyJobs.map((j) => j.queue)]) await boss.createQueue(queue);
  await boss.work(MAIL_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await deliverPendingEmails(db());
  });
  await boss.work(MAIL_SWEEP, async () => {
    await deliverPendingEmails(db());
  });
  // The sweep catches mail whose wake-up was lost (a crash between commit and send).
  await boss.schedule(MAIL_SWEEP, "* * * * *", undefined, { tz: "Europe/Amsterdam" });
  for (const job of dailyJobs) {
    await boss.work(job.queue, async () => {
      for (const problem of await job.run(todayInDisplayZone())) log(`${job.queue}: ${problem}`);
    });
    await boss.schedule(job.queue, "0 7 * * *", undefined, { tz: "Europe/Amsterdam" });
  }
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
