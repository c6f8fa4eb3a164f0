/**
 * The upload benchmark: one large evidence file streamed through the running app (multipart
 * parsing, type sniffing, SHA-256, storage), next to the speed at which this machine writes the
 * same bytes straight to the same disk, and how much the server's resident memory grew.
 */
import { chmod, mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { signIn, startServer, stopServer } from "./server";

const MB = 1024 * 1024;

/** One megabyte of PDF comment lines: the file is a valid PDF of any size. */
function paddingChunk(): Buffer {
  const line = `%${"x".repeat(1022)}\n`;
  return Buffer.from(line.repeat(MB / line.length));
}

const pdfHead = Buffer.from("%PDF-1.4\n");
const pdfTail = Buffer.from(
  "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

async function rawDiskWrite(dir: string, sizeMb: number): Promise<number> {
  const chunk = paddingChunk();
  const file = path.join(dir, "raw-write.bin");
  const handle = await open(file, "w");
  const started = performance.now();
  for (let i = 0; i < sizeMb; i++) await handle.write(chunk);
  await handle.close();
  const seconds = (performance.now() - started) / 1000;
  await rm(file);
  return sizeMb / seconds;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

export async function benchUpload(options: { sizeMb: number; port: number }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-bench-upload-"));
  await chmod(dataDir, 0o755);
  const server = await startServer({
    port: options.port,
    env: { DATABASE_URL: "", DATA_DIR: dataDir, MAX_UPLOAD_MB: String(options.sizeMb + 10), RUN_JOBS: "false" },
  });
  try {
    const cookie = await signIn(server.base, "fatima.elamrani@klantcontactnoord.example");
    const home = await fetch(`${server.base}/`, { headers: { cookie }, redirect: "manual" });
    const vendorBase = new URL(home.headers.get("location")!, server.base).pathname;

    const rawMbPerSecond = await rawDiskWrite(dataDir, options.sizeMb);

    const boundary = `----bench${Date.now()}`;
    const fields = [["title", "Benchmark recording"], ["kind", "report"]]
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("");
    const head = Buffer.from(
      `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const end = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = paddingChunk();
    const total = head.length + pdfHead.length + options.sizeMb * MB + pdfTail.length + end.length;
    let sent = 0;
    const parts = [head, pdfHead, ...Array.from({ length: options.sizeMb }, () => chunk), pdfTail, end];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts[sent++];
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });

    const pid = server.child.pid!;
    const baseline = await rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      rssOf(pid)
        .then((rss) => (peak = Math.max(peak, rss)))
        .catch(() => {});
    }, 25);
    const started = performance.now();
    const response = await fetch(`${server.base}${vendorBase}/evidence/upload`, {
      method: "POST",
      body,
      headers: {
        cookie,
        origin: server.base,
        accept: "application/json",
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(total),
      },
      duplex: "half",
    } as RequestInit);
    const answer = (await response.json()) as { ok: boolean };
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (!answer.ok) throw new Error(`upload refused: ${JSON.stringify(answer)}`);
    const appMbPerSecond = options.sizeMb / seconds;
    console.log(
      `upload of ${options.sizeMb} MB through the app: ${appMbPerSecond.toFixed(0)} MB/s ` +
        `(raw disk write of the same bytes: ${rawMbPerSecond.toFixed(0)} MB/s, ratio ${(appMbPerSecond / rawMbPerSecond).toFixed(2)}); ` +
        `server RSS growth ${((peak - baseline) / MB).toFixed(1)} MB (target: ratio >= 0.5, growth < 64 MB)`,
    );
  } finally {
    await stopServer(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
