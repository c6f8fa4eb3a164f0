import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { findMembersWithRoles, getRequestForSide, type RequestRow } from "#db/queries/questionnaire-requests";
import { questionnaireComments, users } from "#db/schema/index";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { notify } from "~/domain/notifications/notify.server";
import { questionsOf } from "../model";
import { getSectionAssignee } from "./delegation.server";

/**
 * Comments per question: a conversation between the two sides of one partnership about a
 * request. Reads and writes of `questionnaire_comments` go through a request read with the
 * actor's side in the WHERE clause (client: the partnership's client, vendor: its vendor), so an
 * id from another tenant is "not found".
 */

export const COMMENT_BODY_MAX = 2_000;

/** Who on the vendor's side hears of a client's comment (plus the section's assignee). */
const VENDOR_RECIPIENT_ROLES = ["admin", "responder"];
/** Who on the client's side hears of a vendor's comment. */
const CLIENT_RECIPIENT_ROLES = ["admin", "manager", "reviewer"];

/** Clients comment when they may review, vendors when they may answer. */
export function canComment(actor: Actor) {
  if (actor.organizationKind === "client") return can(actor, "questionnaire.review");
  if (actor.organizationKind === "vendor") return can(actor, "questionnaire.answer");
  return false;
}

function sideOf(actor: Actor): "client" | "vendor" {
  if (actor.organizationKind === "client" || actor.organizationKind === "vendor") return actor.organizationKind;
  throw new DomainError("not_found");
}

/** Each side sees the other by the name it knows: the client's name, the vendor's display name. */
const organizationName = (request: RequestRow, organizationId: string) =>
  organizationId === request.clientOrgId ? request.clientName : request.vendorDisplayName;

/**
 * Adds a comment to one question of a request the actor's organization can see. The body is
 * trimmed and must be 1..2000 characters; the question must be in the request's version. The
 * other side hears of it in-app (client comment: the vendor's admins, responders and the
 * section's assignee; vendor comment: the client's admins, managers and reviewers), each with a
 * link to their own screen. Refused with nothing written otherwise.
 */
export async function addComment(input: { actor: Actor; requestId: string; questionKey: string; body: string; meta: RequestMeta }) {
  const { actor, questionKey } = input;
  const side = sideOf(actor);
  if (!canComment(actor)) throw new DomainError("forbidden");
  const body = input.body.trim();
  if (body.length === 0) throw new DomainError("invalid_input", "requests:comments.errors.bodyRequired");
  if (body.length > COMMENT_BODY_MAX) throw new DomainError("invalid_input", "requests:comments.errors.bodyTooLong", { max: COMMENT_BODY_MAX });

  return db().transaction(async (tx) => {
    const request = await getRequestForSide(tx, side, actor.organizationId, input.requestId);
    if (!request) throw new DomainError("not_found");
    const entry = questionsOf(request.content).find(({ question }) => question.key === questionKey);
    if (!entry) throw new DomainError("invalid_input", "questionnaires:validation.answer.unknownQuestion");

    const [comment] = await tx
      .insert(questionnaireComments)
      .values({ requestId: request.id, questionKey, authorUserId: actor.userId, authorOrgId: actor.organizationId, body })
      .returning({ id: questionnaireComments.id });

    const otherOrgId = side === "client" ? request.vendorOrgId : request.clientOrgId;
    if (otherOrgId) {
      const recipients = new Set(
        (await findMembersWithRoles(tx, otherOrgId, side === "client" ? VENDOR_RECIPIENT_ROLES : CLIENT_RECIPIENT_ROLES)).map((m) => m.userId),
      );
      if (side === "client") {
        const assignee = await getSectionAssignee(tx, request.id, entry.section.key);
        if (assignee) recipients.add(assignee);
      }
      const link = side === "client" ? `/vendor/${otherOrgId}/questionnaires/${request.id}` : `/client/${otherOrgId}/questionnaires/${request.id}`;
      await notify(
        tx,
        [...recipients].map((userId) => ({
          userId,
          organizationId: otherOrgId,
          messageKey: "requests:comments.notification",
          params: {
            organizationName: organizationName(request, actor.organizationId),
            title: request.content.title.nl,
            titleEn: request.content.title.en,
          },
          link,
        })),
      );
    }
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.commented",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { questionKey, commentId: comment.id },
    });
    return { id: comment.id };
  });
}

export interface CommentView {
  id: string;
  body: string;
  authorName: string | null;
  organizationName: string;
  isOwnSide: boolean;
  createdAt: Date;
}

/**
 * The comments of a request the actor's organization can see, per question key, oldest first,
 * with the author's name and organization (the two sides of one partnership see each other's).
 */
export async function findCommentsByQuestion(actor: Actor, requestId: string): Promise<Record<string, CommentView[]>> {
  const request = await getRequestForSide(db(), sideOf(actor), actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  const rows = await db()
    .select({
      id: questionnaireComments.id,
      questionKey: questionnaireComments.questionKey,
      body: questionnaireComments.body,
      authorOrgId: questionnaireComments.authorOrgId,
      authorName: users.name,
      createdAt: questionnaireComments.createdAt,
    })
    .from(questionnaireComments)
    .leftJoin(users, eq(users.id, questionnaireComments.authorUserId))
    .where(eq(questionnaireComments.requestId, request.id))
    .orderBy(asc(questionnaireComments.createdAt), asc(questionnaireComments.id));
  const byQuestion: Record<string, CommentView[]> = {};
  for (const row of rows) {
    (byQuestion[row.questionKey] ??= []).push({
      id: row.id,
      body: row.body,
      authorName: row.authorName,
      organizationName: organizationName(request, row.authorOrgId),
      isOwnSide: row.authorOrgId === actor.organizationId,
      createdAt: row.createdAt,
    });
  }
  return byQuestion;
}
