import { and, asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { findEvidenceLinks, findEvidenceVersions, getClientVisibleEvidence, getVendorEvidence, type EvidenceSummaryRow } from "#db/queries/evidence";
import { organizations, partnerships } from "#db/schema/index";
import type { Actor } from "~/auth/policy";
import { DomainError } from "~/domain/errors";

/** What a detail page shows of a document, for either side. */
function detail(item: EvidenceSummaryRow) {
  return {
    id: item.evidenceId,
    title: item.title,
    kind: item.kind,
    archived: item.archivedAt !== null,
    current: {
      version: item.version,
      fileName: item.fileName,
      contentType: item.contentType,
      sizeBytes: item.sizeBytes,
      sha256: item.sha256,
      issueDate: item.issueDate,
      validUntil: item.validUntil,
    },
  };
}

async function versionsOf(evidenceId: string) {
  const rows = await findEvidenceVersions(db(), evidenceId);
  return rows.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
}

/** The vendor's own document with all versions and every place it is used. */
export async function vendorEvidenceDetail(actor: Actor, evidenceId: string) {
  const item = await getVendorEvidence(db(), actor.organizationId, evidenceId);
  if (!item) throw new DomainError("not_found");
  const [versions, links, clients] = await Promise.all([
    versionsOf(evidenceId),
    findEvidenceLinks(db(), evidenceId),
    db()
      .select({ partnershipId: partnerships.id, clientName: organizations.name })
      .from(partnerships)
      .innerJoin(organizations, eq(organizations.id, partnerships.clientOrgId))
      .where(and(eq(partnerships.vendorOrgId, actor.organizationId)))
      .orderBy(asc(organizations.name)),
  ]);
  return { ...detail(item), versions, links: links.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })), clients };
}

/**
 * A document as a client sees it: only when the vendor linked it to one of the client's
 * partnerships, and only those links (never that it also serves another client).
 */
export async function clientEvidenceDetail(actor: Actor, evidenceId: string) {
  const item = await getClientVisibleEvidence(db(), actor.organizationId, evidenceId);
  if (!item) throw new DomainError("not_found");
  const [versions, links, vendor] = await Promise.all([
    versionsOf(evidenceId),
    findEvidenceLinks(db(), evidenceId, actor.organizationId),
    db().select({ name: organizations.name }).from(organizations).where(eq(organizations.id, item.vendorOrgId)),
  ]);
  return {
    ...detail(item),
    vendorName: vendor[0]?.name ?? "",
    versions: versions.map(({ uploadedBy: _uploader, ...v }) => v),
    links: links.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
  };
}
