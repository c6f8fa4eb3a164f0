import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./global-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Browser tests run against the built app (`remix build` first), served by the real launcher
 * on a free port with a fresh database and the job queue on, as in production.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  // Evidence the browser uploads and files the tests store land in one folder of this run.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-e2e-data-"));
  project.provide("dataDir", dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseUrl,
      SEED_DEMO_DATA: "never",
      SMTP_URL: "",
      // A deployment-like run (external database) that still shows mail in the dev mailbox.
      DEV_MAILBOX: "on",
      SESSION_SECRET: "test-secret-of-sufficient-length",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => output.push(String(d)));
  server.stderr?.on("data", (d) => output.push(String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output.join("")}`);
    try {
      const response = await fetch(`${baseUrl}/sign-in`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide("databaseUrl", database.url);
  project.provide("baseUrl", baseUrl);
  return async () => {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await database.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  };
}
