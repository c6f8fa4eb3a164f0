import { db } from "#db/client.server";
import { getAgreementForClient, getAgreementForVendor, insertComment, lockAgreement, updateAgreement } from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { canCommentOn, canTerminate } from "./status";
import { CLIENT_SIGNER_ROLES } from "./sign-agreement.server";

/**
 * A comment on an open agreement, from either side. A vendor's comment may ask for changes: the
 * agreement then shows as changes_requested and the client's signers are told.
 */
export async function commentOnAgreement(input: { actor: Actor; agreementId: string; body: string; requestsChanges: boolean; meta: RequestMeta; appUrl: string }) {
  const { actor } = input;
  if (!can(actor, "agreement.comment")) throw new DomainError("forbidden");
  const side = actor.organizationKind === "vendor" ? "vendor" : actor.organizationKind === "client" ? "client" : null;
  if (!side) throw new DomainError("forbidden");
  const requestsChanges = side === "vendor" && input.requestsChanges;
  let mailed = false;
  await db().transaction(async (tx) => {
    const scoped =
      side === "vendor" ? await getAgreementForVendor(tx, actor.organizationId, input.agreementId) : await getAgreementForClient(tx, actor.organizationId, input.agreementId);
    if (!scoped) throw new DomainError("not_found");
    const agreement = (await lockAgreement(tx, scoped.agreement.id))!;
    if (!canCommentOn(agreement.status)) throw new DomainError("invalid_state", "agreements:errors.closed");
    // Once the vendor has signed, asking for changes would contradict the signature.
    if (requestsChanges && agreement.status === "signed_by_vendor") throw new DomainError("invalid_state", "agreements:errors.alreadySigned");
    await insertComment(tx, { agreementId: agreement.id, authorUserId: actor.userId, authorSide: side, body: input.body, requestsChanges });
    if (requestsChanges) await updateAgreement(tx, agreement.id, { status: "changes_requested" });
    const otherOrgId = side === "vendor" ? scoped.clientOrgId : scoped.vendorOrgId!;
    const path = side === "vendor" ? `/client/${otherOrgId}/agreements/${agreement.id}` : `/vendor/${otherOrgId}/agreements/${agreement.id}`;
    const recipients = await notifyMembers(tx, {
      organizationId: otherOrgId,
      roles: side === "vendor" ? CLIENT_SIGNER_ROLES : ["admin", "responder"],
      messageKey: requestsChanges ? "agreements:notifications.changesRequested" : "agreements:notifications.commented",
      params: { title: agreement.title, partnerName: side === "vendor" ? scoped.vendorDisplayName : scoped.clientName },
      link: path,
      email: requestsChanges
        ? () => ({
            template: "agreement_changes_requested",
            params: { vendorName: scoped.vendorDisplayName, title: agreement.title, link: `${input.appUrl}${path}` },
          })
        : undefined,
    });
    if (requestsChanges) mailed = recipients.length > 0;
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: requestsChanges ? "agreement.changes_requested" : "agreement.commented",
      entityType: "agreement",
      entityId: agreement.id,
      summary: { side, length: input.body.length },
    });
  });
  if (mailed) afterCommitDeliverMail();
}

/** The client ends an agreement in force early, with a reason; the vendor's admins are told. */
export async function terminateAgreement(input: { actor: Actor; agreementId: string; reason: string; lockVersion: number; meta: RequestMeta }) {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "agreement.terminate")) throw new DomainError("forbidden");
  await db().transaction(async (tx) => {
    const scoped = await getAgreementForClient(tx, actor.organizationId, input.agreementId);
    if (!scoped) throw new DomainError("not_found");
    const agreement = (await lockAgreement(tx, scoped.agreement.id))!;
    if (agreement.lockVersion !== input.lockVersion) throw new DomainError("conflict", "agreements:errors.stale");
    if (!canTerminate(agreement.status)) throw new DomainError("invalid_state", "agreements:errors.notTerminable");
    await updateAgreement(tx, agreement.id, { status: "terminated", endedAt: new Date() });
    await insertComment(tx, { agreementId: agreement.id, authorUserId: actor.userId, authorSide: "client", body: input.reason, requestsChanges: false });
    const vendorOrgId = scoped.vendorOrgId!;
    await notifyMembers(tx, {
      organizationId: vendorOrgId,
      roles: ["admin"],
      messageKey: "agreements:notifications.terminated",
      params: { clientName: scoped.clientName, title: agreement.title },
      link: `/vendor/${vendorOrgId}/agreements/${agreement.id}`,
    });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "agreement.terminated",
      entityType: "agreement",
      entityId: agreement.id,
      summary: { reason: input.reason, partnershipId: agreement.partnershipId },
    });
  });
}
