import type { Executor } from "#db/client.server";
import { findMembersWithRoles } from "#db/queries/memberships";
import { isLocale, type Locale } from "~/i18n/config";
import type { EmailTemplate } from "./email-templates";
import { enqueueEmail } from "./enqueue-email.server";
import { notify } from "./notify.server";

export interface NotifyMembersInput {
  organizationId: string;
  roles: string[];
  messageKey: string;
  params?: Record<string, string | number>;
  /** The in-app path the notification (and, usually, the e-mail) points to. */
  link: string;
  /** The e-mail for one recipient, built in their language; leave it out for in-app only. */
  email?: (locale: Locale) => EmailTemplate;
}

/**
 * Tells the members of an organization with the given roles: an in-app notification each and,
 * when asked, an e-mail in each recipient's language (Dutch when theirs is unknown), all inside
 * the caller's transaction. Returns the recipients; the caller calls afterCommitDeliverMail().
 */
export async function notifyMembers(tx: Executor, input: NotifyMembersInput) {
  const recipients = await findMembersWithRoles(tx, input.organizationId, input.roles);
  await notify(
    tx,
    recipients.map((r) => ({
      userId: r.userId,
      organizationId: input.organizationId,
      messageKey: input.messageKey,
      params: input.params,
      link: input.link,
    })),
  );
  if (input.email) {
    for (const r of recipients) {
      const locale: Locale = isLocale(r.locale) ? r.locale : "nl";
      await enqueueEmail(tx, r.email, locale, input.email(locale));
    }
  }
  return recipients;
}
