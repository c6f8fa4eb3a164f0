/**
 * Autosave under load: N vendor users, each saving its own answer of one shared request in a
 * loop through the built app (HTTP, Remix single-fetch action), against PostgreSQL. Prints
 * requests/s and latency percentiles, then checks in the database that no write was lost.
 */
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { closeDatabase, db, useDatabaseUrl } from "#db/client.server";
import { startEmbeddedPostgres } from "#db/embedded-postgres.server";
import { runMigrations } from "#db/migrate.server";
import { questionnaireAnswerHistory, questionnaireAnswers } from "#db/schema/index";
import type { TemplateContent } from "~/domain/questionnaires/model";
import { overrideEnv } from "~/utils/env.server";
import { addMembership, createOrganization, createPartnership, createUser } from "../factories/index";
import { createPublishedVersion, createRequest } from "../factories/questionnaire-requests";
import { sessionCookieFor } from "../helpers";

const SECRET = "bench-secret-of-sufficient-length";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function benchTemplate(questions: number): TemplateContent {
  return {
    title: { nl: "Autosave-benchmark", en: "Autosave benchmark" },
    sections: [
      {
        key: "bench",
        title: { nl: "Getallen", en: "Numbers" },
        questions: Array.from({ length: questions }, (_, i) => ({
          key: `bench.q${i}`,
          type: "number" as const,
          text: { nl: `Vraag ${i}`, en: `Question ${i}` },
          required: false,
          weight: 1,
          critical: false,
          min: 0,
          max: 1_000_000_000,
          integer: true,
        })),
      },
    ],
  };
}

/**
 * `pauseMs` 0 is a closed loop (each user saves again the moment the last save returns: the
 * server's capacity); a pause models debounced typing, one save per user every `pauseMs`.
 */
export async function benchAutosave(options: { users: number; seconds: number; port: number; pauseMs?: number }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-bench-pg-"));
  await chmod(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, durable: false });
  await pg.createDatabase("bench");
  const url = pg.url("bench");
  const base = `http://127.0.0.1:${options.port}`;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await runMigrations(url);
    overrideEnv({ SESSION_SECRET: SECRET, DATABASE_URL: undefined });
    useDatabaseUrl(url);

    const client = await createOrganization(db(), "client");
    const vendor = await createOrganization(db(), "vendor");
    const partnership = await createPartnership(db(), client.id, vendor.id);
    const { version } = await createPublishedVersion(db(), client.id, benchTemplate(options.users));
    const request = await createRequest(db(), partnership.id, version.id);
    const cookies: string[] = [];
    for (let i = 0; i < options.users; i++) {
      const user = await createUser(db(), { password: null });
      await addMembership(db(), user.id, vendor.id, "responder");
      cookies.push(await sessionCookieFor(user.id));
    }

    server = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE] : []), "--import", "tsx", "app/server/main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        APP_URL: base,
        SESSION_SECRET: SECRET,
        PORT: String(options.port),
        HOST: "127.0.0.1",
        SEED_DEMO_DATA: "never",
        RUN_JOBS: "false",
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/sign-in`)).ok) break;
      } catch {
        /* not yet */
      }
      if (i > 300) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }

    const actionUrl = `${base}/vendor/${vendor.id}/questionnaires/${request.id}.data`;
    const latencies: number[] = [];
    const successes = new Array<number>(options.users).fill(0);
    const lastValue = new Array<number>(options.users).fill(-1);
    let failures = 0;
    // The first seconds warm the server up (module loading, JIT); they are not measured.
    const warmUntil = performance.now() + 3000;
    const deadline = warmUntil + options.seconds * 1000;
    await Promise.all(
      cookies.map(async (cookie, user) => {
        // People do not type in step: paced users start at random moments and vary their pace.
        const pause = () => (options.pauseMs ? options.pauseMs * (0.75 + Math.random() * 0.5) : 0);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, Math.random() * options.pauseMs!));
        // Each user owns one answer; its version is the number of saves that succeeded.
        while (performance.now() < deadline) {
          const value = successes[user] + 1;
          const body = new URLSearchParams({
            intent: "save",
            questionKey: `bench.q${user}`,
            version: String(successes[user]),
            value: JSON.stringify(value),
          });
          const started = performance.now();
          const response = await fetch(actionUrl, {
            method: "POST",
            headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
            body,
          });
          await response.arrayBuffer();
          if (started >= warmUntil) latencies.push(performance.now() - started);
          if (response.ok) {
            successes[user]++;
            lastValue[user] = value;
          } else {
            failures++;
          }
          if (options.pauseMs) await new Promise((r) => setTimeout(r, pause()));
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const total = latencies.length;
    const mode = options.pauseMs ? `each saving every ${options.pauseMs} ms` : "closed loop";
    console.log(
      `autosave (${mode}): ${options.users} concurrent users, ${(total / options.seconds).toFixed(0)} saves/s, ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
        `p99 ${percentile(latencies, 99).toFixed(1)} ms, failed ${failures} of ${total}`,
    );

    // No lost write: every acknowledged save is the stored value, version and history.
    let lost = 0;
    for (let user = 0; user < options.users; user++) {
      const key = `bench.q${user}`;
      const [answer] = await db()
        .select()
        .from(questionnaireAnswers)
        .where(and(eq(questionnaireAnswers.requestId, request.id), eq(questionnaireAnswers.questionKey, key)));
      const [history] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(questionnaireAnswerHistory)
        .where(and(eq(questionnaireAnswerHistory.requestId, request.id), eq(questionnaireAnswerHistory.questionKey, key)));
      const ok =
        successes[user] === 0
          ? !answer
          : answer?.version === successes[user] && answer.value === lastValue[user] && history.n === successes[user];
      if (!ok) lost++;
    }
    console.log(
      lost === 0
        ? `autosave: verified, no write lost (${successes.reduce((a, b) => a + b, 0)} acknowledged saves)`
        : `autosave: ${lost} of ${options.users} answers do not match the acknowledged saves`,
    );
    return { lost, failures };
  } finally {
    if (server) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await closeDatabase();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
