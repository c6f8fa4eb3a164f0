import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { organizations, partnerships, trainingAttestations, trainingRequirements, trainingRosterEntries, users } from "../schema/index";

/**
 * Training requirements (the client's), attestations and rosters (a partnership's). Every read
 * takes the tenant (the client's or the vendor's organization id) and puts it in the WHERE
 * clause, directly or through the partnership: an id of another tenant finds nothing.
 */

const requirementColumns = {
  id: trainingRequirements.id,
  clientOrgId: trainingRequirements.clientOrgId,
  topic: trainingRequirements.topic,
  title: trainingRequirements.title,
  description: trainingRequirements.description,
  frequencyMonths: trainingRequirements.frequencyMonths,
  minimumCoveragePercent: trainingRequirements.minimumCoveragePercent,
  appliesToRoles: trainingRequirements.appliesToRoles,
  appliesToPartnershipIds: trainingRequirements.appliesToPartnershipIds,
  namesRequired: trainingRequirements.namesRequired,
  archivedAt: trainingRequirements.archivedAt,
  lockVersion: trainingRequirements.lockVersion,
  createdAt: trainingRequirements.createdAt,
  updatedAt: trainingRequirements.updatedAt,
};

export type RequirementRow = Awaited<ReturnType<typeof findRequirementsForClient>>[number];

/** The client's requirements (archived ones only when asked), by title. */
export async function findRequirementsForClient(executor: Executor, clientOrgId: string, options: { includeArchived?: boolean } = {}) {
  return executor
    .select(requirementColumns)
    .from(trainingRequirements)
    .where(and(eq(trainingRequirements.clientOrgId, clientOrgId), options.includeArchived ? undefined : isNull(trainingRequirements.archivedAt)))
    .orderBy(asc(sql`${trainingRequirements.archivedAt} is not null`), asc(sql`lower(${trainingRequirements.title})`), asc(trainingRequirements.createdAt));
}

/** One requirement of the client's; undefined for another client's. `lock` takes the row for update. */
export async function getRequirementForClient(executor: Executor, clientOrgId: string, requirementId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(requirementColumns)
    .from(trainingRequirements)
    .where(and(eq(trainingRequirements.clientOrgId, clientOrgId), eq(trainingRequirements.id, requirementId)))
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export async function insertRequirement(executor: Executor, values: typeof trainingRequirements.$inferInsert) {
  const [row] = await executor.insert(trainingRequirements).values(values).returning(requirementColumns);
  return row;
}

/** Updates when the version still matches; undefined when someone else changed it first. */
export async function updateRequirement(
  executor: Executor,
  clientOrgId: string,
  requirementId: string,
  lockVersion: number,
  values: Partial<typeof trainingRequirements.$inferInsert>,
) {
  const [row] = await executor
    .update(trainingRequirements)
    .set({ ...values, lockVersion: sql`${trainingRequirements.lockVersion} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(trainingRequirements.clientOrgId, clientOrgId),
        eq(trainingRequirements.id, requirementId),
        eq(trainingRequirements.lockVersion, lockVersion),
      ),
    )
    .returning(requirementColumns);
  return row;
}

/** Partnerships training applies to: linked to a vendor organization, not invited, not ended. */
const inTrainingScope = and(sql`${partnerships.vendorOrgId} is not null`, inArray(partnerships.status, ["active", "suspended"]));

/** The client's partnerships in training scope, by vendor name. */
export async function findTrainingPartnershipsForClient(executor: Executor, clientOrgId: string) {
  return executor
    .select({
      id: partnerships.id,
      vendorOrgId: partnerships.vendorOrgId,
      vendorDisplayName: partnerships.vendorDisplayName,
      services: partnerships.services,
      status: partnerships.status,
    })
    .from(partnerships)
    .where(and(eq(partnerships.clientOrgId, clientOrgId), inTrainingScope))
    .orderBy(asc(sql`lower(${partnerships.vendorDisplayName})`));
}

/** Which of the ids are the client's partnerships (any status): to check a requirement's scope. */
export async function findClientPartnershipIds(executor: Executor, clientOrgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.clientOrgId, clientOrgId), inArray(partnerships.id, ids)));
  return rows.map((r) => r.id);
}

/** One partnership of the client (any status), with its vendor's name. */
export async function getPartnershipOfClient(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ id: partnerships.id, vendorOrgId: partnerships.vendorOrgId, vendorDisplayName: partnerships.vendorDisplayName, services: partnerships.services })
    .from(partnerships)
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(partnerships.id, partnershipId)))
    .limit(1);
  return row;
}

const clientOrg = aliasedTable(organizations, "client_org");

/** The vendor's partnerships in training scope, with the client's name. */
export async function findTrainingPartnershipsForVendor(executor: Executor, vendorOrgId: string) {
  return executor
    .select({
      id: partnerships.id,
      clientOrgId: partnerships.clientOrgId,
      clientName: clientOrg.name,
      services: partnerships.services,
      status: partnerships.status,
    })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(partnerships.vendorOrgId, vendorOrgId), inTrainingScope))
    .orderBy(asc(sql`lower(${clientOrg.name})`));
}

/** One partnership of the vendor in training scope; `lock` shares it against a concurrent end. */
export async function getTrainingPartnershipForVendor(executor: Executor, vendorOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ id: partnerships.id, clientOrgId: partnerships.clientOrgId, clientName: clientOrg.name, services: partnerships.services, status: partnerships.status })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(partnerships.vendorOrgId, vendorOrgId), eq(partnerships.id, partnershipId), inTrainingScope))
    .limit(1);
  return row;
}

/** The live (not archived) requirements of the given clients. */
export async function findLiveRequirementsOfClients(executor: Executor, clientOrgIds: string[]) {
  if (clientOrgIds.length === 0) return [];
  return executor
    .select(requirementColumns)
    .from(trainingRequirements)
    .where(and(inArray(trainingRequirements.clientOrgId, clientOrgIds), isNull(trainingRequirements.archivedAt)))
    .orderBy(asc(sql`lower(${trainingRequirements.title})`));
}

const attestedBy = aliasedTable(users, "attested_by");

const attestationColumns = {
  id: trainingAttestations.id,
  partnershipId: trainingAttestations.partnershipId,
  requirementId: trainingAttestations.requirementId,
  periodStart: trainingAttestations.periodStart,
  periodEnd: trainingAttestations.periodEnd,
  agentsInScope: trainingAttestations.agentsInScope,
  agentsTrained: trainingAttestations.agentsTrained,
  firstCompletionDate: trainingAttestations.firstCompletionDate,
  lastCompletionDate: trainingAttestations.lastCompletionDate,
  trainingProvider: trainingAttestations.trainingProvider,
  passMarkPercent: trainingAttestations.passMarkPercent,
  attestingOfficerName: trainingAttestations.attestingOfficerName,
  attestingOfficerRole: trainingAttestations.attestingOfficerRole,
  coveragePercent: trainingAttestations.coveragePercent,
  hasRoster: trainingAttestations.hasRoster,
  attestedAt: trainingAttestations.attestedAt,
  attestedByName: attestedBy.name,
};

export type AttestationRow = Awaited<ReturnType<typeof findAttestationHistory>>[number];

/**
 * The latest attestation of every (partnership, requirement) pair among the given ones. The
 * caller passes partnership ids it has already scoped to its tenant.
 */
export async function findLatestAttestations(executor: Executor, partnershipIds: string[], requirementIds: string[]) {
  if (partnershipIds.length === 0 || requirementIds.length === 0) return [];
  return executor
    .selectDistinctOn([trainingAttestations.partnershipId, trainingAttestations.requirementId], attestationColumns)
    .from(trainingAttestations)
    .leftJoin(attestedBy, eq(attestedBy.id, trainingAttestations.attestedByUserId))
    .where(and(inArray(trainingAttestations.partnershipId, partnershipIds), inArray(trainingAttestations.requirementId, requirementIds)))
    .orderBy(trainingAttestations.partnershipId, trainingAttestations.requirementId, desc(trainingAttestations.attestedAt), desc(trainingAttestations.createdAt));
}

/** Every attestation of one pair, newest first: the history. The caller scoped both ids. */
export async function findAttestationHistory(executor: Executor, partnershipId: string, requirementId: string) {
  return executor
    .select(attestationColumns)
    .from(trainingAttestations)
    .leftJoin(attestedBy, eq(attestedBy.id, trainingAttestations.attestedByUserId))
    .where(and(eq(trainingAttestations.partnershipId, partnershipId), eq(trainingAttestations.requirementId, requirementId)))
    .orderBy(desc(trainingAttestations.attestedAt), desc(trainingAttestations.createdAt));
}

export async function insertAttestation(executor: Executor, values: typeof trainingAttestations.$inferInsert) {
  const [row] = await executor.insert(trainingAttestations).values(values).returning({ id: trainingAttestations.id, attestedAt: trainingAttestations.attestedAt });
  return row;
}

export async function insertRosterEntries(executor: Executor, rows: (typeof trainingRosterEntries.$inferInsert)[]) {
  // Chunks keep each statement well under PostgreSQL's parameter limit.
  for (let i = 0; i < rows.length; i += 500) await executor.insert(trainingRosterEntries).values(rows.slice(i, i + 500));
}

/** Per attestation and role: rows on the roster. Never names: the summary clients always see. */
export async function findRosterSummaries(executor: Executor, attestationIds: string[]) {
  if (attestationIds.length === 0) return [];
  return executor
    .select({
      attestationId: trainingRosterEntries.attestationId,
      role: trainingRosterEntries.role,
      course: trainingRosterEntries.course,
      courseVersion: trainingRosterEntries.courseVersion,
      rows: sql<number>`count(*)::int`,
      agents: sql<number>`count(distinct ${trainingRosterEntries.agentRef})::int`,
    })
    .from(trainingRosterEntries)
    .where(inArray(trainingRosterEntries.attestationId, attestationIds))
    .groupBy(trainingRosterEntries.attestationId, trainingRosterEntries.role, trainingRosterEntries.course, trainingRosterEntries.courseVersion)
    .orderBy(trainingRosterEntries.attestationId, trainingRosterEntries.role, trainingRosterEntries.course);
}

/** The rows of one attestation's roster (the caller scoped the attestation), by agent. */
export async function findRosterEntries(executor: Executor, attestationId: string) {
  return executor
    .select({
      agentRef: trainingRosterEntries.agentRef,
      agentName: trainingRosterEntries.agentName,
      role: trainingRosterEntries.role,
      course: trainingRosterEntries.course,
      courseVersion: trainingRosterEntries.courseVersion,
      completionDate: trainingRosterEntries.completionDate,
      scorePercent: trainingRosterEntries.scorePercent,
    })
    .from(trainingRosterEntries)
    .where(eq(trainingRosterEntries.attestationId, attestationId))
    .orderBy(asc(trainingRosterEntries.agentRef), asc(trainingRosterEntries.course));
}

/**
 * For the daily reminder job only: the latest attestation of every live requirement on every
 * partnership in training scope, across all tenants. "unsafe" because it takes no tenant: the
 * job acts for the system, and only notifies each partnership's own vendor.
 */
export async function unsafeFindLatestAttestationsOfLiveRequirements(executor: Executor) {
  return executor
    .selectDistinctOn([trainingAttestations.partnershipId, trainingAttestations.requirementId], {
      attestationId: trainingAttestations.id,
      partnershipId: trainingAttestations.partnershipId,
      requirementId: trainingAttestations.requirementId,
      periodEnd: trainingAttestations.periodEnd,
      firstCompletionDate: trainingAttestations.firstCompletionDate,
      coveragePercent: trainingAttestations.coveragePercent,
      vendorOrgId: partnerships.vendorOrgId,
      clientName: clientOrg.name,
      topic: trainingRequirements.topic,
      title: trainingRequirements.title,
      frequencyMonths: trainingRequirements.frequencyMonths,
      appliesToPartnershipIds: trainingRequirements.appliesToPartnershipIds,
    })
    .from(trainingAttestations)
    .innerJoin(partnerships, eq(partnerships.id, trainingAttestations.partnershipId))
    .innerJoin(trainingRequirements, and(eq(trainingRequirements.id, trainingAttestations.requirementId), eq(trainingRequirements.clientOrgId, partnerships.clientOrgId)))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(isNull(trainingRequirements.archivedAt), inTrainingScope))
    .orderBy(trainingAttestations.partnershipId, trainingAttestations.requirementId, desc(trainingAttestations.attestedAt), desc(trainingAttestations.createdAt));
}
