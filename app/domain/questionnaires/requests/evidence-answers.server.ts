import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { evidenceItems, evidenceLinks, evidenceVersions } from "#db/schema/index";
import type { Actor } from "~/auth/policy";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { linkEvidence, unlinkEvidence } from "~/domain/evidence/links.server";
import { DomainError } from "~/domain/errors";
import type { EvidenceAnswer } from "../answers";

/**
 * Evidence answers name versions of the vendor's own documents (`fileId` is an evidence
 * version id): the exact file given as the answer. The validity date is taken from that
 * version, never from what the browser sent. Versions of another organization's documents, or
 * of an archived document not already in the answer, are refused.
 */
export async function resolveEvidenceAnswer(
  tx: Executor,
  vendorOrgId: string,
  value: unknown,
  previous: unknown,
): Promise<{ value: EvidenceAnswer; evidenceIds: string[] }> {
  const files = (value as EvidenceAnswer | null)?.files;
  if (!Array.isArray(files)) throw new DomainError("invalid_input", "questionnaires:validation.answer.wrongType");
  const ids = files.map((f) => (f as { fileId?: unknown }).fileId);
  if (ids.some((id) => typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id))) {
    throw new DomainError("invalid_input", "requests:errors.evidenceUnknown");
  }
  const previousIds = new Set(((previous as EvidenceAnswer | null)?.files ?? []).map((f) => f.fileId));
  const rows = ids.length
    ? await tx
        .select({
          versionId: evidenceVersions.id,
          evidenceId: evidenceItems.id,
          validUntil: evidenceVersions.validUntil,
          archivedAt: evidenceItems.archivedAt,
        })
        .from(evidenceVersions)
        .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceVersions.evidenceId))
        .where(and(inArray(evidenceVersions.id, ids as string[]), eq(evidenceItems.vendorOrgId, vendorOrgId)))
    : [];
  const byId = new Map(rows.map((r) => [r.versionId, r]));
  const resolved = (ids as string[]).map((id) => {
    const row = byId.get(id);
    if (!row || (row.archivedAt && !previousIds.has(id))) throw new DomainError("invalid_input", "requests:errors.evidenceUnknown");
    return { fileId: id, ...(row.validUntil ? { validUntil: row.validUntil } : {}), evidenceId: row.evidenceId };
  });
  return {
    value: { files: resolved.map(({ evidenceId: _e, ...file }) => file) },
    evidenceIds: [...new Set(resolved.map((r) => r.evidenceId))],
  };
}

/**
 * Makes the answer's links match its files: the client of the request's partnership may see
 * exactly the documents the answer names (and whatever else is linked elsewhere).
 */
export async function syncAnswerEvidenceLinks(
  tx: Executor,
  input: { actor: Actor; meta: RequestMeta; partnershipId: string; answerId: string; evidenceIds: string[] },
) {
  const existing = await tx
    .select({ evidenceId: evidenceLinks.evidenceId })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.targetType, "answer"), eq(evidenceLinks.targetId, input.answerId)));
  const had = new Set(existing.map((e) => e.evidenceId));
  const wanted = new Set(input.evidenceIds);
  const link = { actor: input.actor, meta: input.meta, partnershipId: input.partnershipId, targetType: "answer" as const, targetId: input.answerId };
  for (const evidenceId of wanted) if (!had.has(evidenceId)) await linkEvidence(tx, { ...link, evidenceId });
  for (const evidenceId of had) if (!wanted.has(evidenceId)) await unlinkEvidence(tx, { ...link, evidenceId });
}
