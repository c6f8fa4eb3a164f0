import type { Executor } from "#db/client.server";
import {
  claimReminder,
  findSentReminders,
  lockAgreement,
  unsafeFindEndingInForce,
  unsafeFindLapsedInForce,
  updateAgreement,
} from "#db/queries/agreements";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { publicUrl } from "~/utils/env.server";
import { addDays } from "~/utils/calendar-date";
import { formatCalendarDate } from "~/utils/dates";
import { CLIENT_SIGNER_ROLES } from "./sign-agreement.server";
import { dueReminders, REMINDER_DAYS } from "./status";

const SYSTEM = { actorUserId: null, actorLabel: "agreement_lifecycle", ipAddress: null, userAgent: null };

/** Who hears of an agreement's end on each side (the client's signers, the vendor's admins), client first. */
function bothSides(row: { clientOrgId: string; vendorOrgId: string | null; clientName: string; vendorDisplayName: string }) {
  return [
    { orgId: row.clientOrgId, roles: CLIENT_SIGNER_ROLES, base: `/client/${row.clientOrgId}`, partnerName: row.vendorDisplayName },
    { orgId: row.vendorOrgId!, roles: ["admin"], base: `/vendor/${row.vendorOrgId}`, partnerName: row.clientName },
  ];
}

/**
 * The daily job: agreements in force past their end date become expired (an audit event without
 * a user), and the 60/30/7-day reminders before an end date go to the client's admins and
 * managers and the vendor's admins, once each (agreement_reminders makes a second run a no-op).
 */
export async function runAgreementLifecycle(executor: Executor, today: string): Promise<{ expired: string[]; reminded: { agreementId: string; days: number }[] }> {
  const expired: string[] = [];
  for (const row of await unsafeFindLapsedInForce(executor, today)) {
    const changed = await executor.transaction(async (tx) => {
      const agreement = await lockAgreement(tx, row.agreement.id);
      if (!agreement || agreement.status !== "in_force" || !agreement.endDate || agreement.endDate >= today) return false;
      await updateAgreement(tx, agreement.id, { status: "expired", endedAt: new Date() });
      for (const side of bothSides(row)) {
        await notifyMembers(tx, {
          organizationId: side.orgId,
          roles: side.roles,
          messageKey: "agreements:notifications.expired",
          params: { title: agreement.title },
          link: `${side.base}/agreements/${agreement.id}`,
        });
      }
      await recordAuditEvent(tx, SYSTEM, {
        organizationId: row.clientOrgId,
        action: "agreement.expired",
        entityType: "agreement",
        entityId: agreement.id,
        summary: { endDate: agreement.endDate, partnershipId: agreement.partnershipId },
      });
      return true;
    });
    if (changed) expired.push(row.agreement.id);
  }

  const reminded: { agreementId: string; days: number }[] = [];
  const horizon = addDays(today, Math.max(...REMINDER_DAYS));
  for (const row of await unsafeFindEndingInForce(executor, today, horizon)) {
    const endDate = row.agreement.endDate!;
    const due = dueReminders(endDate, today, await findSentReminders(executor, row.agreement.id));
    for (const days of due) {
      const sent = await executor.transaction(async (tx) => {
        if (!(await claimReminder(tx, row.agreement.id, days))) return false;
        for (const side of bothSides(row)) {
          const path = `${side.base}/agreements/${row.agreement.id}`;
          await notifyMembers(tx, {
            organizationId: side.orgId,
            roles: side.roles,
            messageKey: "agreements:notifications.ending",
            params: { title: row.agreement.title, partnerName: side.partnerName, endDate, days },
            link: path,
            email: (locale) => ({
              template: "agreement_ending",
              params: { title: row.agreement.title, partnerName: side.partnerName, endDate: formatCalendarDate(endDate, locale), days, link: `${publicUrl()}${path}` },
            }),
          });
        }
        return true;
      });
      if (sent) reminded.push({ agreementId: row.agreement.id, days });
    }
  }
  if (reminded.length > 0) afterCommitDeliverMail();
  return { expired, reminded };
}
