import type { Executor } from "#db/client.server";
import { outboxEmails } from "#db/schema/index";
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/config";
import { renderEmail, type EmailTemplate } from "./email-templates";
import { wakeMailer } from "./mail-queue.server";

/**
 * Puts an e-mail in the outbox inside the caller's transaction: if the change rolls back, no
 * mail goes out; if it commits, the mail is delivered by the job queue (and retried there).
 */
export async function enqueueEmail(
  tx: Executor,
  to: string,
  locale: Locale,
  email: EmailTemplate,
): Promise<string> {
  const t = await translator(locale);
  const rendered = renderEmail(t, email);
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      toAddress: to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      locale,
      template: email.template,
    })
    .returning({ id: outboxEmails.id });
  return row.id;
}

/** Call after the transaction that enqueued mail has committed. */
export function afterCommitDeliverMail() {
  wakeMailer();
}
