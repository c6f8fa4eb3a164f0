import { db, type Transaction } from "#db/client.server";
import {
  findActivePartnershipsForClient,
  findMembersWithRoles,
  getSendableVersionForClient,
  insertRequest,
} from "#db/queries/questionnaire-requests";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { notify } from "~/domain/notifications/notify.server";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { isLocale } from "~/i18n/config";
import { formatCalendarDate } from "~/utils/dates";
import { isIsoDate } from "~/utils/calendar-date";
import { MAX_PARTNERSHIPS_PER_SEND, MESSAGE_MAX, todayInAmsterdam } from "./request-rules";

/** Who on the vendor's side hears of a new or returned questionnaire. */
export const VENDOR_RECIPIENT_ROLES = ["admin", "responder"];

export interface SendQuestionnaireInput {
  actor: Actor;
  clientName: string;
  appUrl: string;
  meta: RequestMeta;
  templateVersionId: string;
  partnershipIds: string[];
  dueDate: string;
  message: string | null;
  today?: string;
}

/**
 * Sends one published template version to one or many of the client's active partnerships, in
 * one transaction: a request per partnership frozen to that version, an in-app notification and
 * an e-mail (in each recipient's language) to the vendor's admins and responders, an audit event
 * per request. Any refusal writes nothing.
 */
export async function sendQuestionnaire(input: SendQuestionnaireInput): Promise<{ requestIds: string[] }> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "questionnaire.send")) throw new DomainError("forbidden");
  const today = input.today ?? todayInAmsterdam();
  if (!isIsoDate(input.dueDate)) throw new DomainError("invalid_input", "requests:errors.dueDateInvalid");
  if (input.dueDate < today) throw new DomainError("invalid_input", "requests:errors.dueDatePast");
  const message = input.message?.trim() || null;
  if (message && message.length > MESSAGE_MAX) throw new DomainError("invalid_input", "requests:errors.messageTooLong", { max: MESSAGE_MAX });
  const ids = [...new Set(input.partnershipIds)];
  if (ids.length === 0) throw new DomainError("invalid_input", "requests:errors.noPartnerships");
  if (ids.length > MAX_PARTNERSHIPS_PER_SEND) throw new DomainError("limit_exceeded", "requests:errors.tooManyPartnerships", { max: MAX_PARTNERSHIPS_PER_SEND });
  const sender: Sender = { kind: "user", userId: actor.userId };

  const result = await db().transaction(async (tx) => {
    const version = await getSendableVersionForClient(tx, actor.organizationId, input.templateVersionId);
    if (!version) throw new DomainError("invalid_input", "requests:errors.versionUnavailable");
    const targets = await findActivePartnershipsForClient(tx, actor.organizationId, ids);
    // Another client's, an invited or an ended partnership: refused alike, nothing revealed.
    if (targets.length !== ids.length) throw new DomainError("invalid_input", "requests:errors.partnershipUnavailable");
    const requestIds = await sendVersionInTransaction(tx, {
      sender,
      clientOrgId: actor.organizationId,
      clientName: input.clientName,
      appUrl: input.appUrl,
      meta: input.meta,
      version,
      targets,
      dueDate: input.dueDate,
      message,
    });
    return { requestIds };
  });
  afterCommitDeliverMail();
  return result;
}

/** Who sends: a person, or the system on a schedule (a recurring cadence). */
export type Sender = { kind: "user"; userId: string } | { kind: "system"; label: "cadence" };

export interface SendVersionInput {
  sender: Sender;
  clientOrgId: string;
  clientName: string;
  appUrl: string;
  meta: RequestMeta;
  /** A published version the client may send, already checked by the caller. */
  version: { id: string; version: number; content: { title: { nl: string; en: string } } };
  /** Active, linked partnerships of the client, already checked by the caller. */
  targets: { id: string; vendorOrgId: string | null; vendorDisplayName: string }[];
  dueDate: string;
  message: string | null;
  cadenceId?: string | null;
}

/**
 * The writes of a send, inside the caller's transaction: a request per target, the vendor's
 * in-app notifications and e-mails, and a `questionnaire.sent` audit event per request. The
 * caller checks rights and input and calls {@link afterCommitDeliverMail} after commit.
 */
export async function sendVersionInTransaction(tx: Transaction, input: SendVersionInput): Promise<string[]> {
  const { sender, version } = input;
  const audit =
    sender.kind === "user"
      ? { actorUserId: sender.userId, ...input.meta }
      : { actorUserId: null, actorLabel: sender.label, ...input.meta };
  const requestIds: string[] = [];
  for (const target of input.targets) {
    const vendorOrgId = target.vendorOrgId!;
    const request = await insertRequest(tx, {
      partnershipId: target.id,
      templateVersionId: version.id,
      status: "sent",
      dueDate: input.dueDate,
      message: input.message,
      sentByUserId: sender.kind === "user" ? sender.userId : null,
      cadenceId: input.cadenceId ?? null,
    });
    requestIds.push(request.id);
    const path = `/vendor/${vendorOrgId}/questionnaires/${request.id}`;
    const recipients = await findMembersWithRoles(tx, vendorOrgId, VENDOR_RECIPIENT_ROLES);
    await notify(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        organizationId: vendorOrgId,
        messageKey: "requests:notifications.sent",
        params: { clientName: input.clientName, title: version.content.title.nl, titleEn: version.content.title.en, dueDate: input.dueDate },
        link: path,
      })),
    );
    for (const recipient of recipients) {
      const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
      await enqueueEmail(tx, recipient.email, locale, {
        template: "questionnaire_sent",
        params: {
          clientName: input.clientName,
          title: version.content.title[locale],
          dueDate: formatCalendarDate(input.dueDate, locale),
          link: `${input.appUrl}${path}`,
        },
      });
    }
    await recordAuditEvent(tx, audit, {
      organizationId: input.clientOrgId,
      action: "questionnaire.sent",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: {
        partnershipId: target.id,
        vendorDisplayName: target.vendorDisplayName,
        templateVersionId: version.id,
        title: version.content.title.nl,
        version: version.version,
        dueDate: input.dueDate,
        ...(input.cadenceId ? { cadenceId: input.cadenceId } : {}),
      },
    });
  }
  return requestIds;
}
