import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { evidenceItems } from "#db/schema/index";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { EvidenceKind } from "./evidence-form";
import { linkEvidence, unlinkEvidence } from "./links.server";

function assertManager(actor: Actor) {
  if (actor.organizationKind !== "vendor") throw new DomainError("not_found");
  if (!can(actor, "evidence.manage")) throw new DomainError("forbidden");
}

/** Renames a document or changes its kind; its files and links stay. */
export async function editEvidence(input: { actor: Actor; meta: RequestMeta; evidenceId: string; title: string; kind: EvidenceKind }) {
  const { actor } = input;
  assertManager(actor);
  await db().transaction(async (tx) => {
    const [before] = await tx
      .select({ title: evidenceItems.title, kind: evidenceItems.kind })
      .from(evidenceItems)
      .where(and(eq(evidenceItems.id, input.evidenceId), eq(evidenceItems.vendorOrgId, actor.organizationId)))
      .for("update");
    if (!before) throw new DomainError("not_found", "evidence:errors.notFound");
    if (before.title === input.title && before.kind === input.kind) return;
    await tx
      .update(evidenceItems)
      .set({ title: input.title, kind: input.kind, updatedAt: new Date() })
      .where(eq(evidenceItems.id, input.evidenceId));
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "evidence.edited",
      entityType: "evidence",
      entityId: input.evidenceId,
      summary: { before, after: { title: input.title, kind: input.kind } },
    });
  });
}

/**
 * Archives a document (no new links, hidden from pickers) or restores it. Existing links stay,
 * so a client keeps seeing what it was shown.
 */
export async function setEvidenceArchived(input: { actor: Actor; meta: RequestMeta; evidenceId: string; archived: boolean }) {
  const { actor } = input;
  assertManager(actor);
  await db().transaction(async (tx) => {
    const [item] = await tx
      .update(evidenceItems)
      .set({ archivedAt: input.archived ? new Date() : null, updatedAt: new Date() })
      .where(
        and(
          eq(evidenceItems.id, input.evidenceId),
          eq(evidenceItems.vendorOrgId, actor.organizationId),
          input.archived ? isNull(evidenceItems.archivedAt) : isNotNull(evidenceItems.archivedAt),
        ),
      )
      .returning({ title: evidenceItems.title });
    if (!item) {
      const [exists] = await tx
        .select({ id: evidenceItems.id })
        .from(evidenceItems)
        .where(and(eq(evidenceItems.id, input.evidenceId), eq(evidenceItems.vendorOrgId, actor.organizationId)));
      if (!exists) throw new DomainError("not_found", "evidence:errors.notFound");
      return; // already in the asked state: nothing to do
    }
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: input.archived ? "evidence.archived" : "evidence.restored",
      entityType: "evidence",
      entityId: input.evidenceId,
      summary: { title: item.title },
    });
  });
}

/** Shares a document with the client of one partnership as a whole (not tied to an answer). */
export async function shareEvidence(input: { actor: Actor; meta: RequestMeta; evidenceId: string; partnershipId: string; share: boolean }) {
  assertManager(input.actor);
  const link = { ...input, targetType: "partnership" as const, targetId: input.partnershipId };
  await db().transaction(async (tx) => {
    if (input.share) await linkEvidence(tx, link);
    else await unlinkEvidence(tx, link);
  });
}
