import type { Database } from "#db/client.server";
import { insertEvent, unsafeFindLapsedProposalIds, unsafeLockProposal, updateEntry } from "#db/queries/subprocessors";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { hasLapsed } from "./register";
import { CLIENT_RECIPIENT_ROLES, VENDOR_RECIPIENT_ROLES } from "./register.server";

export type LapseOutcome = { subprocessorId: string; result: "approved" | "skipped" } | { subprocessorId: string; result: "failed"; error: string };

/**
 * The daily job: a proposal whose objection period ended before `today` without a decision is
 * approved by lapse (general written authorisation, art. 28(2) AVG). Idempotent: each proposal
 * is re-read under a lock and only a still-pending, still-lapsed one changes, so a second run on
 * the same day (or two instances at once) does nothing more.
 */
export async function approveLapsedProposals(database: Database, today: string): Promise<LapseOutcome[]> {
  const outcomes: LapseOutcome[] = [];
  for (const subprocessorId of await unsafeFindLapsedProposalIds(database, today)) {
    try {
      outcomes.push({ subprocessorId, result: await approveOne(database, subprocessorId, today) });
    } catch (error) {
      outcomes.push({ subprocessorId, result: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

async function approveOne(database: Database, subprocessorId: string, today: string): Promise<"approved" | "skipped"> {
  return database.transaction(async (tx) => {
    const entry = await unsafeLockProposal(tx, subprocessorId);
    if (!entry || !hasLapsed(entry.status, entry.objectionDeadline, today)) return "skipped";
    const updated = await updateEntry(tx, entry.id, { lockVersion: entry.lockVersion, status: "proposed" }, {
      status: "approved",
      decidedByUserId: null,
      decidedAt: new Date(),
      decisionComment: null,
    });
    if (!updated) return "skipped";
    await insertEvent(tx, { subprocessorId: entry.id, event: "approved_by_lapse", actorUserId: null });
    await recordAuditEvent(tx, { actorUserId: null, ipAddress: null, userAgent: null }, {
      organizationId: entry.clientOrgId,
      action: "subprocessor.approved_by_lapse",
      entityType: "subprocessor",
      entityId: entry.id,
      summary: { partnershipId: entry.partnershipId, vendorDisplayName: entry.vendorDisplayName, name: entry.name, objectionDeadline: entry.objectionDeadline },
    });
    const params = { name: entry.name, vendorName: entry.vendorDisplayName, clientName: entry.clientName, deadline: entry.objectionDeadline ?? "" };
    await notifyMembers(tx, {
      organizationId: entry.clientOrgId,
      roles: CLIENT_RECIPIENT_ROLES,
      messageKey: "subprocessors:notifications.lapsedClient",
      params,
      link: `/client/${entry.clientOrgId}/partners/${entry.partnershipId}/subprocessors`,
    });
    if (entry.vendorOrgId) {
      await notifyMembers(tx, {
        organizationId: entry.vendorOrgId,
        roles: VENDOR_RECIPIENT_ROLES,
        messageKey: "subprocessors:notifications.lapsedVendor",
        params,
        link: `/vendor/${entry.vendorOrgId}/clients/${entry.partnershipId}/subprocessors`,
      });
    }
    return "approved";
  });
}
