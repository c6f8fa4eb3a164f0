import { db } from "#db/client.server";
import { getLatestPartnerInvitation, lockPartnershipForClient, renewPartnerInvitation } from "#db/queries/partnerships";
import { can, type Actor } from "~/auth/policy";
import { newEmailToken } from "~/auth/tokens.server";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { formatDateTime } from "~/utils/dates";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { invitationExpiry, invitationLink } from "./partner-invitation";

/**
 * Sends the partner invitation again with a new link and a fresh validity period. The old
 * token's hash is overwritten, so the earlier link stops working. Also revives a revoked or
 * expired invitation, as long as the partnership is still waiting for the vendor.
 */
export async function resendPartnerInvitation(input: {
  actor: Actor;
  partnershipId: string;
  clientName: string;
  inviterName: string;
  appUrl: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<{ invitationId: string }> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "partnership.invite")) throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  const result = await db().transaction(async (tx) => {
    const partnership = await lockPartnershipForClient(tx, actor.organizationId, input.partnershipId);
    if (!partnership) throw new DomainError("not_found");
    if (partnership.status !== "invited") throw new DomainError("invalid_state", "orgs:invitation.notPending");
    const invitation = await getLatestPartnerInvitation(tx, actor.organizationId, partnership.id);
    if (!invitation || invitation.acceptedAt) throw new DomainError("invalid_state", "orgs:invitation.notPending");
    const { token, tokenHash } = newEmailToken();
    const expiresAt = invitationExpiry(now);
    const renewed = await renewPartnerInvitation(tx, actor.organizationId, invitation.id, {
      tokenHash,
      expiresAt,
      invitedByUserId: actor.userId,
    });
    if (!renewed) throw new DomainError("invalid_state", "orgs:invitation.notPending");
    await enqueueEmail(tx, invitation.email, invitation.locale, {
      template: "partner_invitation",
      params: {
        clientName: input.clientName,
        inviterName: input.inviterName,
        link: invitationLink(input.appUrl, token),
        expiresAt: formatDateTime(expiresAt, invitation.locale),
      },
    });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "invitation.resent",
      entityType: "invitation",
      entityId: invitation.id,
      summary: {
        partnershipId: partnership.id,
        email: invitation.email,
        wasRevoked: invitation.revokedAt !== null,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { invitationId: invitation.id };
  });
  afterCommitDeliverMail();
  return result;
}
