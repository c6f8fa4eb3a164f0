import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { outboxEmails } from "#db/schema/index";
import { deliverPendingEmails } from "~/domain/notifications/deliver-email.server";
import { enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { wakeMailer } from "~/domain/notifications/mail-queue.server";
import { startJobs } from "~/server/jobs.server";
import { overrideEnv } from "~/utils/env.server";
import { db } from "../helpers";

/** A real SMTP server on loopback that records what it receives and refuses one address. */
const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refused")) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => (raw += chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo[0]?.address ?? "", raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  overrideEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
});

afterAll(async () => {
  overrideEnv({ SMTP_URL: undefined });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function enqueue(to: string) {
  return db().transaction((tx) =>
    enqueueEmail(tx, to, "nl", { template: "magic_link", params: { link: "http://portal.test/x", minutes: 15 } }),
  );
}

async function rowOf(id: string) {
  const [row] = await db().select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return row;
}

describe("mail delivery through SMTP_URL", () => {
  it("sends outbox mail in the recipient's language and marks it sent", async () => {
    const to = `delivered-${Date.now()}@example.test`;
    const id = await enqueue(to);
    await deliverPendingEmails(db());
    const mail = received.find((m) => m.to === to);
    expect(mail?.raw).toContain("Subject: Uw aanmeldlink voor de Compliance Portal");
    expect((await rowOf(id)).status).toBe("sent");
  });

  it("removes the token from the stored copy once a mail server has the message", async () => {
    const to = `token-${Date.now()}@example.test`;
    const token = "A".repeat(43);
    const id = await db().transaction((tx) =>
      enqueueEmail(tx, to, "en", { template: "magic_link", params: { link: `http://portal.test/sign-in/link/${token}?redirectTo=/x`, minutes: 15 } }),
    );
    await deliverPendingEmails(db());
    expect(received.find((m) => m.to === to)?.raw).toContain(token);
    const row = await rowOf(id);
    expect(row.textBody).not.toContain(token);
    expect(row.htmlBody).not.toContain(token);
    expect(row.textBody).toContain("/sign-in/link/[redacted]?redirectTo=/x");
  });

  it("keeps refused mail pending with the error, and gives up after five attempts", async () => {
    const id = await enqueue(`refused-${Date.now()}@example.test`);
    await deliverPendingEmails(db());
    let row = await rowOf(id);
    expect(row.status).toBe("pending");
    expect(row.attempts[0].error).toContain("550");
    for (let i = 0; i < 4; i++) await deliverPendingEmails(db());
    row = await rowOf(id);
    expect(row.status).toBe("failed");
    expect(row.attempts).toHaveLength(5);
  });

  it("does not send mail whose transaction rolled back", async () => {
    const to = `rolled-back-${Date.now()}@example.test`;
    await expect(
      db().transaction(async (tx) => {
        await enqueueEmail(tx, to, "en", { template: "magic_link", params: { link: "http://portal.test/x", minutes: 15 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await deliverPendingEmails(db());
    expect(received.some((m) => m.to === to)).toBe(false);
  });

  it("delivers through the job queue (pg-boss) when woken after commit", async () => {
    const jobs = await startJobs(inject("databaseUrl"), () => {});
    try {
      const to = `queued-${Date.now()}@example.test`;
      const id = await enqueue(to);
      wakeMailer();
      const deadline = Date.now() + 15_000;
      while ((await rowOf(id)).status !== "sent" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await rowOf(id)).status).toBe("sent");
      expect(received.some((m) => m.to === to)).toBe(true);
    } finally {
      await jobs.stop();
    }
  });
});

describe("without a mail server", () => {
  it("keeps mail pending in a deployment whose dev mailbox is off, instead of pretending it was sent", async () => {
    overrideEnv({ SMTP_URL: undefined, DEV_MAILBOX: "off" });
    try {
      const id = await enqueue(`nowhere-${Date.now()}@example.test`);
      await deliverPendingEmails(db());
      const row = await rowOf(id);
      expect(row.status).toBe("pending");
      expect(row.attempts[0].error).toContain("no mail server configured");
    } finally {
      overrideEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, DEV_MAILBOX: undefined });
      await deliverPendingEmails(db());
    }
  });
});
