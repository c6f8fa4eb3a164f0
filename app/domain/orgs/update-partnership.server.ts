import { db } from "#db/client.server";
import { lockPartnershipForClient, updatePartnershipForClient } from "#db/queries/partnerships";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { registerChanges } from "./partnership-changes";
import type { RegisterValues } from "./partnership-form";
import { registerFields } from "./partnership-profile";
import { isEditable } from "./partnership-status";

/**
 * The client edits the register fields of one of its partnerships. Optimistic concurrency: the
 * edit is based on the version the editor saw; if anyone saved in between, nothing is written
 * and the editor is told (conflict), never silently overwritten.
 */
export async function updatePartnership(input: {
  actor: Actor;
  partnershipId: string;
  version: number;
  values: RegisterValues;
  meta: RequestMeta;
}): Promise<{ version: number; changedFields: string[] }> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "partnership.edit")) throw new DomainError("forbidden");
  const { suggestedTier, ...next } = registerFields(input.values);
  return db().transaction(async (tx) => {
    const current = await lockPartnershipForClient(tx, actor.organizationId, input.partnershipId);
    if (!current) throw new DomainError("not_found");
    if (current.version !== input.version) throw new DomainError("conflict", "orgs:partnership.conflict");
    if (!isEditable(current.status)) throw new DomainError("invalid_state", "orgs:partnership.notEditable");
    const changes = registerChanges(current, next);
    const changedFields = Object.keys(changes);
    if (changedFields.length === 0) return { version: current.version, changedFields };
    const updated = await updatePartnershipForClient(tx, actor.organizationId, current.id, current.version, next);
    // The row is locked, so this only fails if the lock did not hold; refuse rather than guess.
    if (!updated) throw new DomainError("conflict", "orgs:partnership.conflict");
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "partnership.updated",
      entityType: "partnership",
      entityId: current.id,
      summary: { vendorDisplayName: next.vendorDisplayName, changes, suggestedTier, version: updated.version },
    });
    return { version: updated.version, changedFields };
  });
}
