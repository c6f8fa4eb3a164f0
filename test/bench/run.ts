/**
 * `npm run bench`: prints figures, asserts nothing. Needs a build (`npm run build`).
 * - cold start: empty DATA_DIR -> initdb, migrations, demo data, HTTP ready
 * - warm start: the same DATA_DIR again
 * - page latency: concurrent signed-in users loading their organization's home page
 * - autosave: 50 concurrent vendor users saving answers (see autosave.ts)
 * - upload: a 500 MB evidence file through the app, next to the disk's own speed (see upload.ts)
 */
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { benchAutosave } from "./autosave";
import { signIn as signInAs, startServer as startAppServer, stopServer } from "./server";
import { benchUpload } from "./upload";

const PORT = 3950;
const base = `http://127.0.0.1:${PORT}`;

const startServer = (dataDir: string) => startAppServer({ port: PORT, env: { DATABASE_URL: "", DATA_DIR: dataDir } });
const stop = stopServer;
const signIn = (email: string) => signInAs(base, email);

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
// Closed loop (each user saves again the moment the last save returns: a throughput test), then
// paced like people typing with autosave (one save per user per second).
await benchAutosave({ users: 50, seconds: 10, port: PORT + 1 });
await benchAutosave({ users: 50, seconds: 10, port: PORT + 3, pauseMs: 1000 });

// Issue 4's targets: at least half the raw disk speed, and RSS growth under 64 MB.
await benchUpload({ sizeMb: Number(process.env.BENCH_UPLOAD_MB ?? 500), port: PORT + 2 });
