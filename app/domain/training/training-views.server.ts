import { db } from "#db/client.server";
import { findEvidenceLinkedTo, findVendorEvidence } from "#db/queries/evidence";
import {
  findAttestationHistory,
  findLatestAttestations,
  findLiveRequirementsOfClients,
  findRequirementsForClient,
  findRosterSummaries,
  findTrainingPartnershipsForClient,
  findTrainingPartnershipsForVendor,
  getPartnershipOfClient,
  getRequirementForClient,
  getTrainingPartnershipForVendor,
  type AttestationRow,
  type RequirementRow,
} from "#db/queries/training";
import type { Actor } from "~/auth/policy";
import { DomainError } from "~/domain/errors";
import { expiryState } from "~/domain/evidence/expiry";
import { todayInDisplayZone } from "~/utils/dates";
import { appliesToPartnership, STATUS_SEVERITY, trainingStatus, type TrainingStatus } from "./rules";
import type { AttestationView, RequirementView } from "./view-models";

/**
 * The view models of the training screens: plain data, never whole rows, never agent names.
 * Every read is scoped to the actor's organization; anything else is not_found.
 */

const requirementView = (r: RequirementRow): RequirementView => ({
  id: r.id,
  topic: r.topic,
  title: r.title,
  description: r.description,
  frequencyMonths: r.frequencyMonths,
  minimumCoveragePercent: r.minimumCoveragePercent,
  appliesToRoles: r.appliesToRoles,
  appliesToPartnershipIds: r.appliesToPartnershipIds,
  namesRequired: r.namesRequired,
  archived: r.archivedAt !== null,
  lockVersion: r.lockVersion,
});

export interface CellView {
  applies: boolean;
  status: TrainingStatus | null;
  coveragePercent: number | null;
  validUntil: string | null;
}

const key = (partnershipId: string, requirementId: string) => `${partnershipId}:${requirementId}`;

function cellsFor(
  partnerships: { id: string }[],
  requirements: RequirementRow[],
  latest: { partnershipId: string; requirementId: string; periodEnd: string; firstCompletionDate: string | null; coveragePercent: number }[],
  today: string,
) {
  const byPair = new Map(latest.map((a) => [key(a.partnershipId, a.requirementId), a]));
  const cells: Record<string, CellView> = {};
  for (const p of partnerships) {
    for (const r of requirements) {
      if (!appliesToPartnership(r.appliesToPartnershipIds, p.id)) {
        cells[key(p.id, r.id)] = { applies: false, status: null, coveragePercent: null, validUntil: null };
        continue;
      }
      const attestation = byPair.get(key(p.id, r.id)) ?? null;
      const { status, validUntil } = trainingStatus(attestation, r, today);
      cells[key(p.id, r.id)] = { applies: true, status, coveragePercent: attestation?.coveragePercent ?? null, validUntil };
    }
  }
  return cells;
}

/** The client's training page: its requirements and the coverage matrix of its partnerships. */
export async function getClientTrainingOverview(actor: Actor, today = todayInDisplayZone()) {
  const executor = db();
  const [requirements, partnerships] = await Promise.all([
    findRequirementsForClient(executor, actor.organizationId, { includeArchived: true }),
    findTrainingPartnershipsForClient(executor, actor.organizationId),
  ]);
  const live = requirements.filter((r) => r.archivedAt === null);
  const latest = await findLatestAttestations(
    executor,
    partnerships.map((p) => p.id),
    live.map((r) => r.id),
  );
  const cells = cellsFor(partnerships, live, latest, today);
  return {
    requirements: requirements.map(requirementView),
    partnerships: partnerships.map((p) => ({ id: p.id, name: p.vendorDisplayName, services: p.services })),
    cells,
    partnershipNames: Object.fromEntries(partnerships.map((p) => [p.id, p.vendorDisplayName])),
  };
}

/** The requirement form's choices: the client's partnerships in training scope. */
export async function getRequirementFormOptions(actor: Actor) {
  const partnerships = await findTrainingPartnershipsForClient(db(), actor.organizationId);
  return { partnerships: partnerships.map((p) => ({ id: p.id, name: p.vendorDisplayName })) };
}

/** One requirement of the client's, for its edit page. */
export async function getClientRequirement(actor: Actor, requirementId: string) {
  const row = await getRequirementForClient(db(), actor.organizationId, requirementId);
  if (!row) throw new DomainError("not_found");
  return requirementView(row);
}

async function historyOf(partnershipId: string, requirementId: string, today: string): Promise<AttestationView[]> {
  const executor = db();
  const rows = await findAttestationHistory(executor, partnershipId, requirementId);
  const ids = rows.map((r) => r.id);
  const [summaries, evidence] = await Promise.all([findRosterSummaries(executor, ids), findEvidenceLinkedTo(executor, "attestation", ids)]);
  return rows.map((r: AttestationRow) => ({
    id: r.id,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    agentsInScope: r.agentsInScope,
    agentsTrained: r.agentsTrained,
    coveragePercent: r.coveragePercent,
    firstCompletionDate: r.firstCompletionDate,
    lastCompletionDate: r.lastCompletionDate,
    trainingProvider: r.trainingProvider,
    passMarkPercent: r.passMarkPercent,
    attestingOfficerName: r.attestingOfficerName,
    attestingOfficerRole: r.attestingOfficerRole,
    hasRoster: r.hasRoster,
    attestedAt: r.attestedAt.toISOString(),
    attestedByName: r.attestedByName,
    roster: summaries
      .filter((s) => s.attestationId === r.id)
      .map(({ role, course, courseVersion, rows: count, agents }) => ({ role, course, courseVersion, rows: count, agents })),
    evidence: (evidence.get(r.id) ?? []).map((e) => ({ id: e.evidenceId, title: e.title, validUntil: e.validUntil, expiry: expiryState(e.validUntil, today) })),
  }));
}

function statusOf(history: AttestationView[], requirement: RequirementView, today: string) {
  const latest = history[0] ?? null;
  return trainingStatus(latest, requirement, today);
}

/** The client's drill-down: one requirement on one of its partnerships, with every attestation. */
export async function getClientAttestationHistory(actor: Actor, requirementId: string, partnershipId: string, today = todayInDisplayZone()) {
  const [requirement, partnership] = await Promise.all([
    getRequirementForClient(db(), actor.organizationId, requirementId),
    getPartnershipOfClient(db(), actor.organizationId, partnershipId),
  ]);
  if (!requirement || !partnership) throw new DomainError("not_found");
  const history = await historyOf(partnership.id, requirement.id, today);
  const view = requirementView(requirement);
  return {
    requirement: view,
    partnership: { id: partnership.id, name: partnership.vendorDisplayName },
    applies: appliesToPartnership(requirement.appliesToPartnershipIds, partnership.id) && !view.archived,
    ...statusOf(history, view, today),
    history,
  };
}

/** The vendor's training page: per client, the requirements that apply and their status. */
export async function getVendorTrainingOverview(actor: Actor, today = todayInDisplayZone()) {
  const executor = db();
  const partnerships = await findTrainingPartnershipsForVendor(executor, actor.organizationId);
  const requirements = await findLiveRequirementsOfClients(executor, [...new Set(partnerships.map((p) => p.clientOrgId))]);
  const latest = await findLatestAttestations(
    executor,
    partnerships.map((p) => p.id),
    requirements.map((r) => r.id),
  );
  return {
    clients: partnerships.map((p) => {
      const own = requirements.filter((r) => r.clientOrgId === p.clientOrgId && appliesToPartnership(r.appliesToPartnershipIds, p.id));
      const cells = cellsFor([p], own, latest, today);
      const items = own
        .map((r) => ({ requirement: requirementView(r), ...cells[key(p.id, r.id)] }))
        .sort((a, b) => STATUS_SEVERITY[b.status!] - STATUS_SEVERITY[a.status!]);
      return { partnershipId: p.id, clientName: p.clientName, items };
    }),
  };
}

/** The vendor's attest page: the requirement, its status, the history and the evidence picker. */
export async function getVendorAttestPage(actor: Actor, partnershipId: string, requirementId: string, today = todayInDisplayZone()) {
  const executor = db();
  const partnership = await getTrainingPartnershipForVendor(executor, actor.organizationId, partnershipId);
  if (!partnership) throw new DomainError("not_found");
  const [requirement] = (await findLiveRequirementsOfClients(executor, [partnership.clientOrgId])).filter(
    (r) => r.id === requirementId && appliesToPartnership(r.appliesToPartnershipIds, partnership.id),
  );
  if (!requirement) throw new DomainError("not_found");
  const view = requirementView(requirement);
  const [history, evidence] = await Promise.all([historyOf(partnership.id, requirement.id, today), findVendorEvidence(executor, actor.organizationId)]);
  return {
    partnership: { id: partnership.id, clientName: partnership.clientName },
    requirement: view,
    ...statusOf(history, view, today),
    history,
    evidenceOptions: evidence.map((e) => ({ id: e.evidenceId, title: e.title, validUntil: e.validUntil, expiry: expiryState(e.validUntil, today) })),
    today,
  };
}
