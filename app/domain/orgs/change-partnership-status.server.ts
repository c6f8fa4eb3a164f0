import { db } from "#db/client.server";
import { lockPartnershipForClient, revokePartnerInvitations, updatePartnershipForClient } from "#db/queries/partnerships";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { canChangeStatus, type PartnershipStatus } from "./partnership-status";

/**
 * The client suspends, resumes or ends a partnership (same version check as an edit). Ending a
 * partnership that was never accepted also revokes its invitation, so the link dies with it.
 */
export async function changePartnershipStatus(input: {
  actor: Actor;
  partnershipId: string;
  version: number;
  status: PartnershipStatus;
  meta: RequestMeta;
  now?: Date;
}): Promise<{ version: number }> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "partnership.edit")) throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  return db().transaction(async (tx) => {
    const current = await lockPartnershipForClient(tx, actor.organizationId, input.partnershipId);
    if (!current) throw new DomainError("not_found");
    if (current.version !== input.version) throw new DomainError("conflict", "orgs:partnership.conflict");
    if (!canChangeStatus(current.status, input.status)) {
      throw new DomainError("invalid_state", "orgs:partnership.statusNotAllowed");
    }
    const updated = await updatePartnershipForClient(tx, actor.organizationId, current.id, current.version, {
      status: input.status,
    });
    if (!updated) throw new DomainError("conflict", "orgs:partnership.conflict");
    const revoked = input.status === "ended" ? await revokePartnerInvitations(tx, actor.organizationId, current.id, now) : [];
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "partnership.status_changed",
      entityType: "partnership",
      entityId: current.id,
      summary: {
        vendorDisplayName: current.vendorDisplayName,
        from: current.status,
        to: input.status,
        revokedInvitations: revoked.map((r) => r.id),
      },
    });
    return { version: updated.version };
  });
}
