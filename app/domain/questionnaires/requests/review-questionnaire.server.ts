import { db, type Executor } from "#db/client.server";
import {
  findAnswers,
  findMembersWithRoles,
  getAnswer,
  getRequestForSide,
  insertFinding,
  insertHistory,
  updateAnswer,
  updateAnswersReviewState,
  updateRequest,
  type RequestRow,
} from "#db/queries/questionnaire-requests";
import { can, type Action, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { notify } from "~/domain/notifications/notify.server";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { questionsOf } from "../model";
import { scoreQuestionnaire } from "../scoring";
import { VENDOR_RECIPIENT_ROLES } from "./send-questionnaire.server";
import { COMMENT_MAX, contextOf, countedAnswers, flaggedStates, reviewsOf, todayInAmsterdam } from "./request-rules";

export type Verdict = "accepted" | "rejected" | "clarification_requested";

function requireClient(actor: Actor, permission: Action) {
  if (actor.organizationKind !== "client" || !can(actor, permission)) throw new DomainError("forbidden");
}

async function lockSubmittedRequest(tx: Executor, actor: Actor, requestId: string, version?: number): Promise<RequestRow> {
  const request = await getRequestForSide(tx, "client", actor.organizationId, requestId, { lock: true });
  if (!request) throw new DomainError("not_found");
  if (version !== undefined && request.version !== version) throw new DomainError("conflict", "requests:errors.staleRequest");
  if (request.status !== "submitted") throw new DomainError("invalid_state", "requests:errors.notSubmitted");
  return request;
}

/**
 * A reviewer's verdict on one answer of a submitted request, with a comment (required to reject
 * or ask for clarification). Rejecting a critical answer can raise a finding in the same
 * transaction (`raiseFinding`), a plain record the findings capability builds on.
 */
export async function reviewAnswer(input: {
  actor: Actor;
  requestId: string;
  questionKey: string;
  verdict: Verdict;
  comment: string | null;
  raiseFinding?: boolean;
  locale: "nl" | "en";
  meta: RequestMeta;
}): Promise<{ findingId: string | null }> {
  const { actor, questionKey, verdict } = input;
  requireClient(actor, "questionnaire.review");
  const comment = input.comment?.trim() || null;
  if (verdict !== "accepted" && !comment) throw new DomainError("invalid_input", "requests:errors.commentRequired");
  if (comment && comment.length > COMMENT_MAX) throw new DomainError("invalid_input", "requests:errors.commentTooLong", { max: COMMENT_MAX });
  const audit = { actorUserId: actor.userId, ...input.meta };

  return db().transaction(async (tx) => {
    const request = await lockSubmittedRequest(tx, actor, input.requestId);
    const question = questionsOf(request.content).find((q) => q.question.key === questionKey)?.question;
    const answer = question ? await getAnswer(tx, request.id, questionKey) : undefined;
    if (!question || !answer || !answer.isConfirmed) throw new DomainError("invalid_input", "requests:errors.noAnswerToReview");
    const updated = await updateAnswer(tx, request.id, questionKey, null, {
      reviewState: verdict,
      reviewComment: comment,
      reviewedByUserId: actor.userId,
      reviewedAt: new Date(),
    });
    await insertHistory(tx, [
      { answerId: updated!.id, requestId: request.id, questionKey, kind: "reviewed", value: answer.value, version: updated!.version, reviewState: verdict, comment, changedByUserId: actor.userId },
    ]);
    await recordAuditEvent(tx, audit, {
      organizationId: actor.organizationId,
      action: "answer.reviewed",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { questionKey, verdict, comment },
    });
    let findingId: string | null = null;
    if (input.raiseFinding) {
      if (verdict !== "rejected" || !question.critical) throw new DomainError("invalid_input", "requests:errors.findingOnlyForCritical");
      const finding = await insertFinding(tx, {
        partnershipId: request.partnershipId,
        source: "questionnaire",
        requestId: request.id,
        questionKey,
        title: question.text[input.locale],
        description: comment,
        severity: "high",
        createdByUserId: actor.userId,
      });
      findingId = finding.id;
      await recordAuditEvent(tx, audit, {
        organizationId: actor.organizationId,
        action: "finding.created",
        entityType: "finding",
        entityId: finding.id,
        summary: { requestId: request.id, questionKey, severity: "high", source: "questionnaire" },
      });
    }
    return { findingId };
  });
}

/**
 * Sends the request back to the vendor. Only answers flagged rejected or "clarification
 * requested" reopen; the others stay locked. Refused when nothing is flagged.
 */
export async function returnRequest(input: { actor: Actor; requestId: string; version: number; meta: RequestMeta }) {
  const { actor } = input;
  requireClient(actor, "questionnaire.review");
  await db().transaction(async (tx) => {
    const request = await lockSubmittedRequest(tx, actor, input.requestId, input.version);
    const flagged = (await findAnswers(tx, request.id)).filter((a) => (flaggedStates as readonly string[]).includes(a.reviewState));
    if (flagged.length === 0) throw new DomainError("invalid_state", "requests:errors.nothingFlagged");
    await updateRequest(tx, request.id, { status: "returned" });
    await insertHistory(
      tx,
      flagged.map((a) => ({
        answerId: a.id,
        requestId: request.id,
        questionKey: a.questionKey,
        kind: "reopened" as const,
        value: a.value,
        version: a.version,
        reviewState: a.reviewState,
        comment: a.reviewComment,
        changedByUserId: actor.userId,
      })),
    );
    const vendorOrgId = request.vendorOrgId!;
    const recipients = await findMembersWithRoles(tx, vendorOrgId, VENDOR_RECIPIENT_ROLES);
    await notify(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        organizationId: vendorOrgId,
        messageKey: "requests:notifications.returned",
        params: { clientName: request.clientName, title: request.content.title.nl, titleEn: request.content.title.en, count: flagged.length },
        link: `/vendor/${vendorOrgId}/questionnaires/${request.id}`,
      })),
    );
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.returned",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { questionKeys: flagged.map((a) => a.questionKey) },
    });
  });
}

/**
 * Accepts the whole request and fixes its score: answers still pending count as accepted (and
 * become reusable for "answer once"), rejected ones earn nothing. Refused while a clarification
 * is outstanding: that needs a return first.
 */
export async function acceptRequest(input: { actor: Actor; requestId: string; version: number; meta: RequestMeta; today?: string }) {
  const { actor } = input;
  requireClient(actor, "questionnaire.accept");
  const today = input.today ?? todayInAmsterdam();
  return db().transaction(async (tx) => {
    const request = await lockSubmittedRequest(tx, actor, input.requestId, input.version);
    const before = await findAnswers(tx, request.id);
    if (before.some((a) => a.reviewState === "clarification_requested")) throw new DomainError("invalid_state", "requests:errors.clarificationOpen");
    const now = new Date();
    const accepted = (await updateAnswersReviewState(tx, request.id, ["pending"], "accepted")).filter((a) =>
      before.some((b) => b.id === a.id && b.isConfirmed),
    );
    await insertHistory(
      tx,
      accepted.map((a) => ({ answerId: a.id, requestId: request.id, questionKey: a.questionKey, kind: "reviewed" as const, value: a.value, version: a.version, reviewState: "accepted" as const, changedByUserId: actor.userId })),
    );
    const answers = await findAnswers(tx, request.id);
    const context = contextOf(request);
    const result = scoreQuestionnaire(request.content, countedAnswers(answers), reviewsOf(answers), context, today);
    await updateRequest(tx, request.id, {
      status: "accepted",
      acceptedAt: now,
      acceptedByUserId: actor.userId,
      score: result.score,
      scoreDetail: { ...result, scoredOn: today } as unknown as Record<string, unknown>,
    });
    const vendorOrgId = request.vendorOrgId!;
    const recipients = await findMembersWithRoles(tx, vendorOrgId, VENDOR_RECIPIENT_ROLES);
    await notify(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        organizationId: vendorOrgId,
        messageKey: "requests:notifications.accepted",
        params: { clientName: request.clientName, title: request.content.title.nl, titleEn: request.content.title.en },
        link: `/vendor/${vendorOrgId}/questionnaires/${request.id}`,
      })),
    );
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.accepted",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { score: result.score, capped: result.capped, failedCriticals: result.failedCriticals },
    });
    return { score: result.score };
  });
}
