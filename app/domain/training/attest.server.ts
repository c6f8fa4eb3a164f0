import { db } from "#db/client.server";
import { findLiveRequirementsOfClients, getTrainingPartnershipForVendor, insertAttestation, insertRosterEntries } from "#db/queries/training";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { linkEvidence } from "~/domain/evidence/links.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { isIsoDate } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import type { AttestInput } from "./forms";
import { requirementTitles } from "./requirements.server";
import { rosterCoverage, type RosterIssue } from "./roster";
import { parseRosterFile } from "./roster-file.server";
import { appliesToPartnership, coveragePercent } from "./rules";

/** Who on the client's side hears of a new attestation. */
export const CLIENT_RECIPIENT_ROLES = ["admin", "manager"];

export interface AttestInputWithContext {
  actor: Actor;
  vendorName: string;
  meta: RequestMeta;
  partnershipId: string;
  requirementId: string;
  values: AttestInput;
  roster: { fileName: string; bytes: Uint8Array } | null;
  today?: string;
}

export type AttestResult = { status: "attested"; attestationId: string; coveragePercent: number } | { status: "invalid_roster"; issues: RosterIssue[] };

/**
 * Whether the vendor may attest this requirement on this partnership at all: its own partnership,
 * in scope, and a live requirement of that client that applies. Anything else is not_found.
 * Routes call it before reading the form, so a foreign id is a 404 whatever the input.
 */
export async function assertAttestable(actor: Actor, partnershipId: string, requirementId: string) {
  const partnership = await getTrainingPartnershipForVendor(db(), actor.organizationId, partnershipId);
  if (!partnership) throw new DomainError("not_found");
  const live = await findLiveRequirementsOfClients(db(), [partnership.clientOrgId]);
  if (!live.some((r) => r.id === requirementId && appliesToPartnership(r.appliesToPartnershipIds, partnership.id))) throw new DomainError("not_found");
}

const invalid = (key: string, params?: Record<string, string | number>) => new DomainError("invalid_input", `training:errors.${key}`, params);

/**
 * Records a vendor's attestation for one requirement on one partnership, all or nothing: the
 * counts typed in, or those a valid roster proves (every bad row reported, nothing stored), the
 * roster rows (names only where the requirement asks for them), an optional evidence link, an
 * in-app notification to the client's admins and managers, and the audit event.
 */
export async function attestTraining(input: AttestInputWithContext): Promise<AttestResult> {
  const { actor, values } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "training.attest")) throw new DomainError("forbidden");
  const today = input.today ?? todayInDisplayZone();
  if (!isIsoDate(values.periodStart) || !isIsoDate(values.periodEnd)) throw invalid("dateInvalid");
  if (values.periodEnd < values.periodStart) throw invalid("periodOrder");
  if (values.periodEnd > today) throw invalid("periodInFuture");
  if (values.mode === "roster" && !input.roster) throw invalid("rosterMissing");
  if (values.mode === "counts" && input.roster) throw invalid("rosterWithCounts");

  const partnership = await getTrainingPartnershipForVendor(db(), actor.organizationId, input.partnershipId);
  if (!partnership) throw new DomainError("not_found");
  const [requirement] = (await findLiveRequirementsOfClients(db(), [partnership.clientOrgId])).filter(
    (r) => r.id === input.requirementId && appliesToPartnership(r.appliesToPartnershipIds, partnership.id),
  );
  if (!requirement) throw new DomainError("not_found");
  const passMark = values.passMarkPercent ?? null;

  let counts: { agentsInScope: number; agentsTrained: number; firstCompletionDate: string | null; lastCompletionDate: string | null };
  let rosterRows: Awaited<ReturnType<typeof parseRosterFile>> | null = null;
  if (values.mode === "roster") {
    rosterRows = await parseRosterFile(input.roster!.bytes, input.roster!.fileName, { namesRequired: requirement.namesRequired, today });
    if (!rosterRows.ok) return { status: "invalid_roster", issues: rosterRows.issues };
    const coverage = rosterCoverage(rosterRows.rows, requirement, passMark, today);
    if (coverage.agentsInScope === 0) return { status: "invalid_roster", issues: [{ line: 0, messageKey: "training:roster.errors.noneInScope" }] };
    counts = coverage;
  } else {
    counts = typedCounts(values, today);
  }
  const coverage = coveragePercent(counts.agentsInScope, counts.agentsTrained);

  const attestationId = await db().transaction(async (tx) => {
    // Re-read inside the transaction: a partnership ended or a requirement archived meanwhile refuses.
    const current = await getTrainingPartnershipForVendor(tx, actor.organizationId, input.partnershipId);
    if (!current) throw new DomainError("not_found");
    const live = (await findLiveRequirementsOfClients(tx, [current.clientOrgId])).some((r) => r.id === requirement.id);
    if (!live) throw new DomainError("not_found");
    const row = await insertAttestation(tx, {
      partnershipId: current.id,
      requirementId: requirement.id,
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      agentsInScope: counts.agentsInScope,
      agentsTrained: counts.agentsTrained,
      firstCompletionDate: counts.firstCompletionDate,
      lastCompletionDate: counts.lastCompletionDate,
      trainingProvider: values.trainingProvider,
      passMarkPercent: passMark,
      attestingOfficerName: values.attestingOfficerName,
      attestingOfficerRole: values.attestingOfficerRole,
      coveragePercent: coverage,
      hasRoster: rosterRows !== null,
      attestedByUserId: actor.userId,
    });
    if (rosterRows?.ok) {
      await insertRosterEntries(
        tx,
        rosterRows.rows.map((r) => ({
          attestationId: row.id,
          agentRef: r.agentRef,
          agentName: requirement.namesRequired ? r.agentName : null,
          role: r.role,
          course: r.course,
          courseVersion: r.courseVersion,
          completionDate: r.completionDate,
          scorePercent: r.scorePercent,
        })),
      );
    }
    if (values.evidenceId) {
      // Archived or another organization's evidence: a form error, not a missing page.
      await linkEvidence(tx, {
        actor,
        meta: input.meta,
        evidenceId: values.evidenceId,
        partnershipId: current.id,
        targetType: "attestation",
        targetId: row.id,
      }).catch((error: unknown) => {
        throw error instanceof DomainError && error.code === "not_found" ? invalid("evidenceUnavailable") : error;
      });
    }
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "training.attested",
      entityType: "training_attestation",
      entityId: row.id,
      summary: {
        partnershipId: current.id,
        clientName: current.clientName,
        requirementId: requirement.id,
        topic: requirement.topic,
        title: requirement.title,
        periodStart: values.periodStart,
        periodEnd: values.periodEnd,
        agentsInScope: counts.agentsInScope,
        agentsTrained: counts.agentsTrained,
        coveragePercent: coverage,
        hasRoster: rosterRows !== null,
        rosterRows: rosterRows?.ok ? rosterRows.rows.length : 0,
        attestingOfficerName: values.attestingOfficerName,
        ...(values.evidenceId ? { evidenceId: values.evidenceId } : {}),
      },
    });
    const titles = await requirementTitles(requirement);
    await notifyMembers(tx, {
      organizationId: current.clientOrgId,
      roles: CLIENT_RECIPIENT_ROLES,
      messageKey: "training:notifications.attested",
      params: { vendorName: input.vendorName, title: titles.nl, titleEn: titles.en, coverage: String(coverage) },
      link: `/client/${current.clientOrgId}/training/${requirement.id}/${current.id}`,
    });
    return row.id;
  });
  return { status: "attested", attestationId, coveragePercent: coverage };
}

/** The typed-in counts with their checks: trained agents need completion dates, nobody trained needs none. */
function typedCounts(values: AttestInput, today: string) {
  if (values.agentsInScope === undefined) throw invalid("countsRequired");
  const agentsInScope = values.agentsInScope;
  const agentsTrained = values.agentsTrained ?? 0;
  if (agentsTrained > agentsInScope) throw invalid("trainedAboveScope");
  const first = values.firstCompletionDate ?? null;
  const last = values.lastCompletionDate ?? null;
  if (agentsTrained === 0) {
    if (first || last) throw invalid("datesWithoutTrained");
    return { agentsInScope, agentsTrained, firstCompletionDate: null, lastCompletionDate: null };
  }
  if (!first || !last) throw invalid("completionDatesRequired");
  if (!isIsoDate(first) || !isIsoDate(last) || first < "1900-01-01") throw invalid("dateInvalid");
  if (last < first) throw invalid("completionOrder");
  if (last > today) throw invalid("completionInFuture");
  return { agentsInScope, agentsTrained, firstCompletionDate: first, lastCompletionDate: last };
}
