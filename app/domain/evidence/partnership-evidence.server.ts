import { db } from "#db/client.server";
import { findPartnershipEvidence } from "#db/queries/evidence";

/**
 * What a partnership page shows of evidence: documents linked within that partnership, sorted
 * by title. The caller has already checked that the actor may see the partnership.
 */
export async function partnershipEvidence(partnershipId: string, viewer: "client" | "vendor") {
  const rows = await findPartnershipEvidence(db(), partnershipId, viewer);
  return rows
    .map((r) => ({ evidenceId: r.evidenceId, title: r.title, kind: r.kind, validUntil: r.validUntil }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
