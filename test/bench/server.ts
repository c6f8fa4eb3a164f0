import { spawn, type ChildProcess } from "node:child_process";

/** The built app, started as in production, on a port of the benchmark's choosing. */
export async function startServer(options: { port: number; env: Record<string, string> }) {
  const base = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", NODE_ENV: "production", SMTP_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(log);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base, ms: performance.now() - started };
}

export async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A demo user's session cookie, through the real sign-in form. */
export async function signIn(base: string, email: string, password = "Welkom-demo-2026"): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password }),
  });
  return response.headers.get("set-cookie")!.split(";")[0];
}
