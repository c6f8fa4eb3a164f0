import { db } from "#db/client.server";
import { lockPartnershipForClient, revokePartnerInvitations } from "#db/queries/partnerships";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { RequestMeta } from "~/domain/audit/record-event.server";

/**
 * Withdraws a pending partner invitation: its link stops working. The partnership stays in the
 * register as invited, so the client can send a new invitation or end it.
 */
export async function revokePartnerInvitation(input: {
  actor: Actor;
  partnershipId: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<void> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "partnership.invite")) throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  await db().transaction(async (tx) => {
    const partnership = await lockPartnershipForClient(tx, actor.organizationId, input.partnershipId);
    if (!partnership) throw new DomainError("not_found");
    if (partnership.status !== "invited") throw new DomainError("invalid_state", "orgs:invitation.notPending");
    const revoked = await revokePartnerInvitations(tx, actor.organizationId, partnership.id, now);
    if (revoked.length === 0) throw new DomainError("invalid_state", "orgs:invitation.notPending");
    for (const invitation of revoked) {
      await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
        organizationId: actor.organizationId,
        action: "invitation.revoked",
        entityType: "invitation",
        entityId: invitation.id,
        summary: { partnershipId: partnership.id, vendorDisplayName: partnership.vendorDisplayName },
      });
    }
  });
}
