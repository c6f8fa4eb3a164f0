import { and, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { unsafeFindLatestAttestationsOfLiveRequirements } from "#db/queries/training";
import { auditEvents } from "#db/schema/index";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { addDays, daysBetween } from "~/utils/calendar-date";
import { formatCalendarDate } from "~/utils/dates";
import { publicUrl } from "~/utils/env.server";
import { requirementTitles, VENDOR_RECIPIENT_ROLES } from "./requirements.server";
import { appliesToPartnership, attestationValidUntil, DUE_SOON_DAYS } from "./rules";

// Serializes reminders for one attestation across concurrent runs (a namespace for the lock key).
const REMINDER_LOCK = 4_242_077;

/**
 * The daily job: tells the vendor's admins and responders, once per attestation, that it lapses
 * within {@link DUE_SOON_DAYS} days (in-app and by e-mail, in their language). Idempotent: the
 * reminder's audit event ("training.lapse_reminded" on the attestation) is the record that it
 * went out, checked under a transaction-scoped lock, so a second run the same day sends nothing.
 */
export async function sendTrainingLapseReminders(database: Database, today: string): Promise<{ sent: number; problems: string[] }> {
  const latest = await unsafeFindLatestAttestationsOfLiveRequirements(database);
  const problems: string[] = [];
  let sent = 0;
  for (const row of latest) {
    if (!row.vendorOrgId || !appliesToPartnership(row.appliesToPartnershipIds, row.partnershipId)) continue;
    const validUntil = attestationValidUntil(row, row.frequencyMonths);
    if (validUntil < today || validUntil > addDays(today, DUE_SOON_DAYS)) continue;
    try {
      const didSend = await database.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK}, hashtext(${row.attestationId}))`);
        const [already] = await tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "training.lapse_reminded"), eq(auditEvents.entityId, row.attestationId)))
          .limit(1);
        if (already) return false;
        const vendorOrgId = row.vendorOrgId!;
        const titles = await requirementTitles(row);
        const days = daysBetween(today, validUntil);
        const path = `/vendor/${vendorOrgId}/training/${row.partnershipId}/${row.requirementId}`;
        const recipients = await notifyMembers(tx, {
          organizationId: vendorOrgId,
          roles: VENDOR_RECIPIENT_ROLES,
          messageKey: "training:notifications.lapsing",
          params: { clientName: row.clientName, title: titles.nl, titleEn: titles.en, validUntil },
          link: path,
          email: (locale) => ({
            template: "training_lapsing",
            params: { clientName: row.clientName, title: titles[locale], validUntil: formatCalendarDate(validUntil, locale), days, link: `${publicUrl()}${path}` },
          }),
        });
        await recordAuditEvent(tx, { actorUserId: null, actorLabel: "training-reminder", ipAddress: null, userAgent: null }, {
          organizationId: vendorOrgId,
          action: "training.lapse_reminded",
          entityType: "training_attestation",
          entityId: row.attestationId,
          summary: { partnershipId: row.partnershipId, requirementId: row.requirementId, validUntil, days, recipients: recipients.length },
        });
        return true;
      });
      if (didSend) sent++;
    } catch (error) {
      problems.push(`attestation ${row.attestationId}: ${String(error)}`);
    }
  }
  if (sent) afterCommitDeliverMail();
  return { sent, problems };
}
