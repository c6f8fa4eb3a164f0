import { and, asc, desc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import {
  evidenceItems,
  evidenceLinks,
  evidenceVersions,
  organizations,
  partnerships,
  questionnaireAnswers,
  questionnaireRequests,
  users,
} from "#db/schema/index";

/** The current version's facts, as every list of evidence shows them. */
const evidenceSummaryColumns = {
  evidenceId: evidenceItems.id,
  vendorOrgId: evidenceItems.vendorOrgId,
  title: evidenceItems.title,
  kind: evidenceItems.kind,
  archivedAt: evidenceItems.archivedAt,
  versionId: evidenceVersions.id,
  version: evidenceVersions.version,
  fileName: evidenceVersions.fileName,
  contentType: evidenceVersions.contentType,
  sizeBytes: evidenceVersions.sizeBytes,
  sha256: evidenceVersions.sha256,
  issueDate: evidenceVersions.issueDate,
  validUntil: evidenceVersions.validUntil,
  uploadedAt: evidenceVersions.createdAt,
};

export type EvidenceSummaryRow = {
  evidenceId: string;
  vendorOrgId: string;
  title: string;
  kind: (typeof evidenceItems.kind.enumValues)[number];
  archivedAt: Date | null;
  versionId: string;
  version: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  issueDate: string | null;
  validUntil: string | null;
  uploadedAt: Date;
};

/**
 * Whether a link shows its document to the client. A link to an answer counts only once the
 * client may see that answer (confirmed, in a request submitted, returned or accepted): a file
 * the vendor attaches while drafting stays the vendor's until it submits.
 */
function clientSeesLink(targetType: SQL | AnyColumn, targetId: SQL | AnyColumn) {
  return sql`(${targetType} <> 'answer' or exists (
    select 1 from ${questionnaireAnswers} a join ${questionnaireRequests} r on r.id = a.request_id
    where a.id = ${targetId} and a.is_confirmed and r.status in ('submitted', 'returned', 'accepted')))`;
}

/** A vendor's evidence (not archived, unless asked), by title: the library and the pickers. */
export async function findVendorEvidence(
  executor: Executor,
  vendorOrgId: string,
  options: { includeArchived?: boolean } = {},
): Promise<EvidenceSummaryRow[]> {
  return executor
    .select(evidenceSummaryColumns)
    .from(evidenceItems)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(and(eq(evidenceItems.vendorOrgId, vendorOrgId), options.includeArchived ? undefined : isNull(evidenceItems.archivedAt)))
    .orderBy(asc(sql`lower(${evidenceItems.title})`));
}

/** One item of the vendor's, or undefined when it is another organization's. */
export async function getVendorEvidence(executor: Executor, vendorOrgId: string, evidenceId: string) {
  const [row] = await executor
    .select(evidenceSummaryColumns)
    .from(evidenceItems)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(and(eq(evidenceItems.id, evidenceId), eq(evidenceItems.vendorOrgId, vendorOrgId)));
  return row as EvidenceSummaryRow | undefined;
}

/**
 * An item a client may see: linked to at least one of the client's partnerships. Anything
 * else, including another tenant's evidence, is undefined (a 404 for the caller).
 */
export async function getClientVisibleEvidence(executor: Executor, clientOrgId: string, evidenceId: string) {
  const [row] = await executor
    .select(evidenceSummaryColumns)
    .from(evidenceItems)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(
      and(
        eq(evidenceItems.id, evidenceId),
        sql`exists (select 1 from ${evidenceLinks} l join ${partnerships} p on p.id = l.partnership_id
                    where l.evidence_id = ${evidenceItems.id} and p.client_org_id = ${clientOrgId}
                      and ${clientSeesLink(sql`l.target_type`, sql`l.target_id`)})`,
      ),
    );
  return row as EvidenceSummaryRow | undefined;
}

/** Evidence linked to each of the given targets (answers, agreements, attestations, …). */
export async function findEvidenceLinkedTo(
  executor: Executor,
  targetType: (typeof evidenceLinks.targetType.enumValues)[number],
  targetIds: readonly string[],
): Promise<Map<string, EvidenceSummaryRow[]>> {
  const byTarget = new Map<string, EvidenceSummaryRow[]>();
  if (targetIds.length === 0) return byTarget;
  const rows = await executor
    .select({ targetId: evidenceLinks.targetId, ...evidenceSummaryColumns })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(and(eq(evidenceLinks.targetType, targetType), inArray(evidenceLinks.targetId, [...targetIds])))
    .orderBy(asc(evidenceLinks.createdAt));
  for (const { targetId, ...row } of rows) {
    const list = byTarget.get(targetId) ?? [];
    list.push(row as EvidenceSummaryRow);
    byTarget.set(targetId, list);
  }
  return byTarget;
}

/** Every version of an item, newest first, with who uploaded it. */
export async function findEvidenceVersions(executor: Executor, evidenceId: string) {
  return executor
    .select({
      id: evidenceVersions.id,
      version: evidenceVersions.version,
      fileName: evidenceVersions.fileName,
      contentType: evidenceVersions.contentType,
      sizeBytes: evidenceVersions.sizeBytes,
      sha256: evidenceVersions.sha256,
      issueDate: evidenceVersions.issueDate,
      validUntil: evidenceVersions.validUntil,
      createdAt: evidenceVersions.createdAt,
      uploadedBy: users.name,
    })
    .from(evidenceVersions)
    .leftJoin(users, eq(users.id, evidenceVersions.uploadedByUserId))
    .where(eq(evidenceVersions.evidenceId, evidenceId))
    .orderBy(desc(evidenceVersions.version));
}

/** One version of an item by number (the file route's ?version=), or the current one. */
export async function getEvidenceVersion(executor: Executor, evidenceId: string, version: number | null) {
  const [row] = await executor
    .select({
      id: evidenceVersions.id,
      version: evidenceVersions.version,
      fileName: evidenceVersions.fileName,
      contentType: evidenceVersions.contentType,
      sizeBytes: evidenceVersions.sizeBytes,
      sha256: evidenceVersions.sha256,
    })
    .from(evidenceVersions)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceVersions.evidenceId))
    .where(
      and(
        eq(evidenceVersions.evidenceId, evidenceId),
        version === null ? eq(evidenceVersions.id, evidenceItems.currentVersionId) : eq(evidenceVersions.version, version),
      ),
    );
  return row;
}

/**
 * Where an item is used. `clientOrgId` narrows it to one client's partnerships: a client sees
 * only its own links, never that the same certificate also serves another client.
 */
export async function findEvidenceLinks(executor: Executor, evidenceId: string, clientOrgId?: string) {
  return executor
    .select({
      id: evidenceLinks.id,
      partnershipId: evidenceLinks.partnershipId,
      targetType: evidenceLinks.targetType,
      targetId: evidenceLinks.targetId,
      clientName: organizations.name,
      requestId: questionnaireAnswers.requestId,
      questionKey: questionnaireAnswers.questionKey,
      createdAt: evidenceLinks.createdAt,
    })
    .from(evidenceLinks)
    .innerJoin(partnerships, eq(partnerships.id, evidenceLinks.partnershipId))
    .innerJoin(organizations, eq(organizations.id, partnerships.clientOrgId))
    .leftJoin(
      questionnaireAnswers,
      and(eq(evidenceLinks.targetType, "answer"), eq(questionnaireAnswers.id, evidenceLinks.targetId)),
    )
    .where(
      and(
        eq(evidenceLinks.evidenceId, evidenceId),
        clientOrgId ? eq(partnerships.clientOrgId, clientOrgId) : undefined,
        clientOrgId ? clientSeesLink(evidenceLinks.targetType, evidenceLinks.targetId) : undefined,
      ),
    )
    .orderBy(asc(organizations.name), asc(evidenceLinks.createdAt));
}

/** How many links each of a vendor's items has, for the library list. */
export async function countEvidenceLinks(executor: Executor, vendorOrgId: string) {
  const rows = await executor
    .select({ evidenceId: evidenceLinks.evidenceId, count: sql<number>`count(*)::int` })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(eq(evidenceItems.vendorOrgId, vendorOrgId))
    .groupBy(evidenceLinks.evidenceId);
  return new Map(rows.map((r) => [r.evidenceId, r.count]));
}

/** Files named by answers: each version with its document's title, for showing an answer. */
export async function findEvidenceFiles(executor: Executor, vendorOrgId: string, versionIds: readonly string[]) {
  if (versionIds.length === 0) return [];
  return executor
    .select({
      versionId: evidenceVersions.id,
      evidenceId: evidenceItems.id,
      title: evidenceItems.title,
      fileName: evidenceVersions.fileName,
      version: evidenceVersions.version,
      validUntil: evidenceVersions.validUntil,
    })
    .from(evidenceVersions)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceVersions.evidenceId))
    .where(and(inArray(evidenceVersions.id, [...versionIds]), eq(evidenceItems.vendorOrgId, vendorOrgId)));
}

/**
 * Every document linked anywhere in one partnership (answers, agreements, shared as a whole…),
 * once each; for the client, only what it may see (see {@link clientSeesLink}).
 */
export async function findPartnershipEvidence(executor: Executor, partnershipId: string, viewer: "client" | "vendor"): Promise<EvidenceSummaryRow[]> {
  return executor
    .selectDistinctOn([evidenceItems.id], evidenceSummaryColumns)
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(
      and(
        eq(evidenceLinks.partnershipId, partnershipId),
        viewer === "client" ? clientSeesLink(evidenceLinks.targetType, evidenceLinks.targetId) : undefined,
      ),
    )
    .orderBy(evidenceItems.id);
}
