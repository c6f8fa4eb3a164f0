import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { evidenceItems, evidenceLinks, evidenceVersions, partnerships } from "#db/schema/index";

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

/** A vendor's evidence (not archived), newest title first: the library and the pickers. */
export async function findVendorEvidence(executor: Executor, vendorOrgId: string): Promise<EvidenceSummaryRow[]> {
  return executor
    .select(evidenceSummaryColumns)
    .from(evidenceItems)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceItems.currentVersionId))
    .where(and(eq(evidenceItems.vendorOrgId, vendorOrgId), isNull(evidenceItems.archivedAt)))
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
                    where l.evidence_id = ${evidenceItems.id} and p.client_org_id = ${clientOrgId})`,
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
