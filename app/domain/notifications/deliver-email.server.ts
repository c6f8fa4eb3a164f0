import { asc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database } from "#db/client.server";
import { outboxEmails } from "#db/schema/index";
import { env, isDeployment } from "~/utils/env.server";

const MAX_ATTEMPTS = 5;
let cached: { url: string | undefined; transport: Transporter | null } | undefined;

function smtp(): Transporter | null {
  const url = env().SMTP_URL;
  let current = cached;
  if (!current || current.url !== url) {
    current = { url, transport: url ? nodemailer.createTransport(url) : null };
    cached = current;
  }
  return current.transport;
}

/**
 * Delivers pending outbox mail. Rows are claimed with SKIP LOCKED so several app instances (or a
 * retry racing a sweep) never send the same message twice. Without SMTP_URL the message counts as
 * delivered to the development mailbox page.
 */
export async function deliverPendingEmails(database: Database, batchSize = 20): Promise<number> {
  let delivered = 0;
  for (;;) {
    const sentNow = await database.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.status, "pending"))
        .orderBy(asc(outboxEmails.createdAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      let failed = 0;
      for (const mail of batch) {
        const attempt = { at: new Date().toISOString() } as { at: string; error?: string };
        let status: "sent" | "pending" | "failed" = "sent";
        const transport = smtp();
        try {
          // Without a mail server, mail counts as delivered only where the dev mailbox shows it.
          if (!transport && !isDevMailboxEnabled()) throw new Error("no mail server configured (SMTP_URL)");
          await transport?.sendMail({
            from: env().MAIL_FROM,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.textBody,
            html: mail.htmlBody,
          });
        } catch (error) {
          attempt.error = String(error).slice(0, 300);
          status = mail.attempts.length + 1 >= MAX_ATTEMPTS ? "failed" : "pending";
          failed++;
        }
        // Once a real mail server has it (or it was given up), the outbox keeps no usable link.
        const redact = !!transport && status !== "pending";
        await tx
          .update(outboxEmails)
          .set({
            status,
            sentAt: status === "sent" ? new Date() : null,
            ...(redact ? { textBody: redactTokens(mail.textBody), htmlBody: redactTokens(mail.htmlBody) } : {}),
            attempts: sql`${outboxEmails.attempts} || ${JSON.stringify([attempt])}::jsonb`,
          })
          .where(eq(outboxEmails.id, mail.id));
      }
      return { claimed: batch.length, failed };
    });
    delivered += sentNow.claimed - sentNow.failed;
    // A failing server is retried by the next sweep, not in a tight loop here.
    if (sentNow.claimed < batchSize || sentNow.failed > 0) return delivered;
  }
}

/**
 * E-mailed tokens (sign-in links, invitations) are 43-character base64url values at the end of a
 * path segment; the database keeps only their HMAC, and after delivery not the mail's copy either.
 */
export function redactTokens(body: string): string {
  return body.replace(/(\/(?:sign-in\/link|invitations)\/)[A-Za-z0-9_-]{43}/g, "$1[redacted]");
}

/** The development mailbox: never beside a real mail server, and off in a deployment unless asked. */
export function isDevMailboxEnabled(): boolean {
  const { SMTP_URL, DEV_MAILBOX } = env();
  if (SMTP_URL) return false;
  if (DEV_MAILBOX !== "auto") return DEV_MAILBOX === "on";
  return !isDeployment();
}
