import { and, eq } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { getVendorEvidence } from "#db/queries/evidence";
import { evidenceLinks, partnerships } from "#db/schema/index";
import type { Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";

export type EvidenceLinkTarget = (typeof evidenceLinks.targetType.enumValues)[number];

export interface EvidenceLinkInput {
  /** The vendor user linking their own organization's evidence. */
  actor: Actor;
  meta: RequestMeta;
  evidenceId: string;
  partnershipId: string;
  targetType: EvidenceLinkTarget;
  targetId: string;
}

/**
 * Shares one of the vendor's documents with the client of one partnership by attaching it to
 * something there (an answer, an agreement, an attestation). Call it inside the transaction that
 * checked the target belongs to that partnership. Linking twice is a no-op. Evidence of another
 * organization or a partnership of another vendor: not found; archived evidence: refused.
 */
export async function linkEvidence(tx: Executor, input: EvidenceLinkInput): Promise<{ created: boolean }> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor") throw new DomainError("not_found");
  const evidence = await getVendorEvidence(tx, actor.organizationId, input.evidenceId);
  if (!evidence) throw new DomainError("not_found", "evidence:errors.notFound");
  if (evidence.archivedAt) throw new DomainError("invalid_state", "evidence:errors.archived");
  const [partnership] = await tx
    .select({ id: partnerships.id, clientOrgId: partnerships.clientOrgId })
    .from(partnerships)
    .where(and(eq(partnerships.id, input.partnershipId), eq(partnerships.vendorOrgId, actor.organizationId)));
  if (!partnership) throw new DomainError("not_found");
  const inserted = await tx
    .insert(evidenceLinks)
    .values({
      evidenceId: evidence.evidenceId,
      partnershipId: partnership.id,
      targetType: input.targetType,
      targetId: input.targetId,
      createdByUserId: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: evidenceLinks.id });
  if (inserted.length === 0) return { created: false };
  await recordAuditEvent(
    tx,
    { actorUserId: actor.userId, ...input.meta },
    {
      organizationId: actor.organizationId,
      action: "evidence.linked",
      entityType: "evidence",
      entityId: evidence.evidenceId,
      summary: { title: evidence.title, target: input.targetType, targetId: input.targetId, partnershipId: partnership.id },
    },
  );
  return { created: true };
}

/** Removes a link (the document stays in the vendor's library). Unlinking what is not linked is a no-op. */
export async function unlinkEvidence(tx: Executor, input: EvidenceLinkInput): Promise<{ removed: boolean }> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor") throw new DomainError("not_found");
  const evidence = await getVendorEvidence(tx, actor.organizationId, input.evidenceId);
  if (!evidence) throw new DomainError("not_found", "evidence:errors.notFound");
  const removed = await tx
    .delete(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.evidenceId, evidence.evidenceId),
        eq(evidenceLinks.partnershipId, input.partnershipId),
        eq(evidenceLinks.targetType, input.targetType),
        eq(evidenceLinks.targetId, input.targetId),
      ),
    )
    .returning({ id: evidenceLinks.id });
  if (removed.length === 0) return { removed: false };
  await recordAuditEvent(
    tx,
    { actorUserId: actor.userId, ...input.meta },
    {
      organizationId: actor.organizationId,
      action: "evidence.unlinked",
      entityType: "evidence",
      entityId: evidence.evidenceId,
      summary: { title: evidence.title, target: input.targetType, targetId: input.targetId, partnershipId: input.partnershipId },
    },
  );
  return { removed: true };
}
