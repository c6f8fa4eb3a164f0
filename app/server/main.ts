import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { closeDatabase, db, openDatabase } from "#db/client.server";
import { runMigrations } from "#db/migrate.server";
import { isDatabaseEmpty, seedDemoData, demoSignInHelp } from "#db/seed/demo";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { syncAgreementLibrary } from "~/domain/agreements/templates.server";
import { env } from "~/utils/env.server";
import { createApp } from "./app";
import { startJobs } from "./jobs.server";

/**
 * Start-up: database (external or embedded), migrations, demo data on a fresh embedded
 * database, the job queue, then HTTP. Stops everything cleanly on SIGTERM/SIGINT.
 */
const log = (message: string) => console.log(`[portal] ${message}`);
const started = performance.now();
const config = env();

const { url, isEmbedded } = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
});
log(isEmbedded ? `embedded PostgreSQL running, data in ${path.resolve(config.DATA_DIR)}` : "using DATABASE_URL");
await runMigrations(url);
// The standard questionnaire library is product data: every start brings it up to date.
await syncStandardLibrary(db());
await syncAgreementLibrary(db());

const seedWanted =
  config.SEED_DEMO_DATA === "always" || (config.SEED_DEMO_DATA === "auto" && isEmbedded);
if (seedWanted && (await isDatabaseEmpty(db()))) {
  await seedDemoData(db());
  log("demo data loaded");
}

const jobs = config.RUN_JOBS ? await startJobs(url, log) : null;

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const server = createApp(build).listen(config.PORT, config.HOST, () => {
  const appUrl = config.APP_URL ?? `http://localhost:${config.PORT}`;
  log(`ready in ${Math.round(performance.now() - started)} ms at ${appUrl}`);
  if (seedWanted) for (const line of demoSignInHelp(appUrl)) log(line);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal} received, stopping`);
  const forceExit = setTimeout(() => process.exit(1), 10_000);
  forceExit.unref();
  server.close();
  server.closeAllConnections();
  await jobs?.stop().catch(() => {});
  await closeDatabase().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
