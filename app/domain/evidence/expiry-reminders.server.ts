import { and, eq, gte, isNull, lte } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { evidenceExpiryReminders, evidenceItems, evidenceVersions } from "#db/schema/index";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { sideBase } from "~/domain/orgs/navigation";
import { addDays, daysBetween } from "~/utils/calendar-date";
import { formatCalendarDate } from "~/utils/dates";
import { appUrl } from "~/utils/http.server";
import { EXPIRY_REMINDER_DAYS, reminderDue } from "./expiry";

/** Who on the vendor's side is reminded: those who can upload the renewed document. */
const RECIPIENT_ROLES = ["admin", "responder"];

/**
 * The daily job: for each current document that expires within 30 days, the reminder of the
 * nearest threshold reached (30, 7 or 1 days ahead) goes out once, in-app and by e-mail in each
 * recipient's language. Recorded per version and threshold, so running twice sends once, and a
 * renewed document (a new version) starts afresh.
 */
export async function sendEvidenceExpiryReminders(database: Database, today: string): Promise<string[]> {
  const horizon = addDays(today, EXPIRY_REMINDER_DAYS[0]);
  const due = await database
    .select({
      versionId: evidenceVersions.id,
      validUntil: evidenceVersions.validUntil,
      evidenceId: evidenceItems.id,
      title: evidenceItems.title,
      vendorOrgId: evidenceItems.vendorOrgId,
    })
    .from(evidenceItems)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(and(isNull(evidenceItems.archivedAt), gte(evidenceVersions.validUntil, today), lte(evidenceVersions.validUntil, horizon)));

  const problems: string[] = [];
  let sent = false;
  for (const item of due) {
    const threshold = reminderDue(item.validUntil!, today);
    if (threshold === null) continue;
    try {
      await database.transaction(async (tx) => {
        const claimed = await tx
          .insert(evidenceExpiryReminders)
          .values({ evidenceVersionId: item.versionId, daysAhead: threshold })
          .onConflictDoNothing()
          .returning();
        if (claimed.length === 0) return;
        const days = daysBetween(today, item.validUntil!);
        const path = `${sideBase("vendor", item.vendorOrgId)}/evidence/${item.evidenceId}`;
        await notifyMembers(tx, {
          organizationId: item.vendorOrgId,
          roles: RECIPIENT_ROLES,
          messageKey: "evidence:notifications.expiring",
          params: { title: item.title, count: days, validUntil: item.validUntil! },
          link: path,
          email: (locale) => ({
            template: "evidence_expiring",
            params: { title: item.title, validUntil: formatCalendarDate(item.validUntil, locale), days, link: `${appUrl()}${path}` },
          }),
        });
        sent = true;
      });
    } catch (error) {
      problems.push(`reminder for ${item.versionId} failed: ${String(error)}`);
    }
  }
  if (sent) afterCommitDeliverMail();
  return problems;
}
