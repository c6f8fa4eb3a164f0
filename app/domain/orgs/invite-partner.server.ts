import { db } from "#db/client.server";
import {
  findOpenPartnerInvitationByEmail,
  insertPartnerInvitation,
  insertPartnership,
  lockPartnerInvitationsOfClient,
} from "#db/queries/partnerships";
import { can, type Actor } from "~/auth/policy";
import { newEmailToken } from "~/auth/tokens.server";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { formatDateTime } from "~/utils/dates";
import { invitationExpiry, invitationLink } from "./partner-invitation";
import type { InvitePartnerValues } from "./partnership-form";
import { registerFields } from "./partnership-profile";


/**
 * The client registers a contact center and invites its contact person: the partnership
 * (status invited, no vendor organization yet), the invitation, the e-mail in the language
 * chosen for it and the audit events commit together or not at all.
 */
export async function invitePartner(input: {
  actor: Actor;
  clientName: string;
  inviterName: string;
  appUrl: string;
  meta: RequestMeta;
  values: InvitePartnerValues;
  now?: Date;
}): Promise<{ partnershipId: string; invitationId: string }> {
  const { actor, values } = input;
  if (actor.organizationKind !== "client" || !can(actor, "partnership.invite")) throw new DomainError("forbidden");
  const now = input.now ?? new Date();
  const fields = registerFields(values);
  const { suggestedTier, ...stored } = fields;
  const audit = { actorUserId: actor.userId, ...input.meta };

  const result = await db().transaction(async (tx) => {
    // One open invitation per address: two would link the same contact center twice.
    await lockPartnerInvitationsOfClient(tx, actor.organizationId);
    if (await findOpenPartnerInvitationByEmail(tx, actor.organizationId, values.email, now)) {
      throw new DomainError("invalid_state", "orgs:invite.alreadyInvited", { email: values.email });
    }
    const partnership = await insertPartnership(tx, {
      ...stored,
      clientOrgId: actor.organizationId,
      vendorOrgId: null,
      status: "invited",
    });
    const { token, tokenHash } = newEmailToken();
    const expiresAt = invitationExpiry(now);
    const invitation = await insertPartnerInvitation(tx, {
      organizationId: actor.organizationId,
      partnershipId: partnership.id,
      email: values.email,
      locale: values.locale,
      tokenHash,
      invitedByUserId: actor.userId,
      expiresAt,
    });
    await enqueueEmail(tx, values.email, values.locale, {
      template: "partner_invitation",
      params: {
        clientName: input.clientName,
        inviterName: input.inviterName,
        link: invitationLink(input.appUrl, token),
        expiresAt: formatDateTime(expiresAt, values.locale),
      },
    });
    await recordAuditEvent(tx, audit, {
      organizationId: actor.organizationId,
      action: "partnership.created",
      entityType: "partnership",
      entityId: partnership.id,
      summary: {
        vendorDisplayName: stored.vendorDisplayName,
        services: stored.services,
        dataCategories: stored.dataCategories,
        countries: stored.countries,
        riskTier: stored.riskTier,
        suggestedTier,
        riskReasons: stored.riskReasons,
      },
    });
    await recordAuditEvent(tx, audit, {
      organizationId: actor.organizationId,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      summary: { kind: "partner", partnershipId: partnership.id, email: values.email, locale: values.locale, expiresAt: expiresAt.toISOString() },
    });
    return { partnershipId: partnership.id, invitationId: invitation.id };
  });
  afterCommitDeliverMail();
  return result;
}
