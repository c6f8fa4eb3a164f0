/**
 * `npm run bench`: prints figures, asserts nothing. Needs a build (`npm run build`).
 * - cold start: empty DATA_DIR -> initdb, migrations, demo data, HTTP ready
 * - warm start: the same DATA_DIR again
 * - page latency: concurrent signed-in users loading their organization's home page
 * - autosave: 50 concurrent vendor users saving answers (see autosave.ts)
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { benchAutosave } from "./autosave";

const PORT = 3950;
const base = `http://127.0.0.1:${PORT}`;

async function startServer(dataDir: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production", SMTP_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(log);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, ms: performance.now() - started };
}

async function stop(child: ReturnType<typeof spawn>) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: "Welkom-demo-2026" }),
  });
  return response.headers.get("set-cookie")!.split(";")[0];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(label: string, url: string, cookies: string[], seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        if (!response.ok) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}: ${cookies.length} concurrent, ${(latencies.length / seconds).toFixed(0)} req/s, ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors}`,
  );
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-bench-"));
await chmod(dataDir, 0o755);
try {
  const cold = await startServer(dataDir);
  console.log(`cold start (initdb + migrations + demo data + ready): ${cold.ms.toFixed(0)} ms`);
  await stop(cold.child);
  const warm = await startServer(dataDir);
  console.log(`warm start (existing data): ${warm.ms.toFixed(0)} ms`);
  const t = performance.now();
  const cookie = await signIn("anna.devries@voltera.example");
  console.log(`password sign-in (argon2id verify + session): ${(performance.now() - t).toFixed(0)} ms`);
  const home = await fetch(`${base}/`, { headers: { cookie }, redirect: "manual" });
  const clientHome = `${base}${new URL(home.headers.get("location")!, base).pathname}`;
  const cookies = [cookie, ...(await Promise.all(Array.from({ length: 19 }, () => signIn("mark.jansen@voltera.example"))))];
  await load("client home page (server-rendered)", clientHome, cookies, 8);
  await stop(warm.child);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// Issue 3's target: p95 under 50 ms at 50 concurrent vendor users.
await benchAutosave({ users: 50, seconds: 10, port: PORT + 1 });
