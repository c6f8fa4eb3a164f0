import { db } from "#db/client.server";
import { findEvidenceFiles, findVendorEvidence } from "#db/queries/evidence";
import type { EvidenceFileView } from "~/domain/evidence/view-models";

/** The version ids that evidence answers name. */
function fileIdsOf(values: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    const files = (value as { files?: { fileId?: unknown }[] } | null)?.files;
    if (Array.isArray(files)) for (const f of files) if (typeof f?.fileId === "string") ids.add(f.fileId);
  }
  return [...ids];
}

/** The facts of every file the answers name, by version id, for showing them with their validity. */
export async function evidenceFilesOf(vendorOrgId: string | null, values: readonly unknown[]): Promise<Record<string, EvidenceFileView>> {
  if (!vendorOrgId) return {};
  const rows = await findEvidenceFiles(db(), vendorOrgId, fileIdsOf(values));
  return Object.fromEntries(rows.map((r) => [r.versionId, r]));
}

/** What the vendor can attach: the current version of each document it has not archived. */
export async function evidenceChoices(vendorOrgId: string): Promise<EvidenceFileView[]> {
  const items = await findVendorEvidence(db(), vendorOrgId);
  return items.map((i) => ({ versionId: i.versionId, evidenceId: i.evidenceId, title: i.title, fileName: i.fileName, version: i.version, validUntil: i.validUntil }));
}
