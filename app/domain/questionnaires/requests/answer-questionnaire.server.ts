import { db, type Executor } from "#db/client.server";
import {
  findAnswers,
  findMembersWithRoles,
  findReusableAnswers,
  getAnswer,
  getRequestForSide,
  markRequestStarted,
  insertAnswer,
  insertHistory,
  updateAnswer,
  updateAnswersReviewState,
  updateRequest,
  type RequestRow,
} from "#db/queries/questionnaire-requests";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { notify } from "~/domain/notifications/notify.server";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { isBlankAnswer, validateAnswer, validateSubmission, withoutHiddenAnswers, type AnswerIssue } from "../answers";
import { resolveVisibility } from "../conditions";
import { questionsOf } from "../model";
import { assertMayAnswerSection } from "./delegation.server";
import { resolveEvidenceAnswer, syncAnswerEvidenceLinks } from "./evidence-answers.server";
import { contextOf, countedAnswers, isEditable, isOpenStatus, todayInAmsterdam } from "./request-rules";

/** Who on the client's side hears that answers were submitted. */
export const CLIENT_RECIPIENT_ROLES = ["admin", "manager"];

/** The vendor's request, locked for the rest of the transaction; anyone else's: not found. */
async function lockVendorRequest(tx: Executor, actor: Actor, requestId: string): Promise<RequestRow> {
  const request = await getRequestForSide(tx, "vendor", actor.organizationId, requestId, { lock: true });
  if (!request) throw new DomainError("not_found");
  return request;
}

function requireVendor(actor: Actor, permission: "questionnaire.answer" | "questionnaire.submit") {
  if (actor.organizationKind !== "vendor" || !can(actor, permission)) throw new DomainError("forbidden");
}

const NO_META: RequestMeta = { ipAddress: null, userAgent: null };

const firstIssue = (issues: AnswerIssue[]) => new DomainError("invalid_input", issues[0].messageKey, issues[0].params);

export type SaveAnswerResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: { value: unknown; version: number; isConfirmed: boolean } };

/**
 * Saves one answer (autosave). `version` is the answer version the editor started from (0 for
 * a question not yet answered); if someone saved in between, nothing is written and the current
 * value and version come back, so the person can choose. Refused with a translated error, and
 * nothing written, when: the request is not open or (returned) the answer is not reopened, the
 * question is not in the version or not shown, the value has the wrong shape or breaks a bound.
 * A blank value clears the answer. Saving over a prefill confirms it. A contributor may only
 * save in a section assigned to them (403 otherwise).
 */
export async function saveAnswer(input: {
  actor: Actor;
  requestId: string;
  questionKey: string;
  version: number;
  value: unknown;
  today?: string;
  /** Where the save came from, for the audit events of evidence it attaches. */
  meta?: RequestMeta;
}): Promise<SaveAnswerResult> {
  const { actor, questionKey } = input;
  requireVendor(actor, "questionnaire.answer");
  const today = input.today ?? todayInAmsterdam();
  // Set inside the transaction when this save starts the request (see below).
  let started: RequestRow["id"] | null = null;
  const result = await db().transaction(async (tx): Promise<SaveAnswerResult> => {
    // Shared: colleagues' saves run side by side; submit, return and accept wait for them.
    const request = await getRequestForSide(tx, "vendor", actor.organizationId, input.requestId, { lock: "share" });
    if (!request) throw new DomainError("not_found");
    if (!isOpenStatus(request.status)) throw new DomainError("invalid_state", "requests:errors.notOpen");
    const entry = questionsOf(request.content).find(({ question }) => question.key === questionKey);
    if (!entry) throw new DomainError("invalid_input", "questionnaires:validation.answer.unknownQuestion");
    const { question } = entry;
    await assertMayAnswerSection(tx, actor, request.id, entry.section.key);
    const stored = await findAnswers(tx, request.id);
    const current = stored.find((a) => a.questionKey === questionKey);
    if (!isEditable(request.status, current)) throw new DomainError("invalid_state", "requests:errors.answerLocked");

    // Evidence answers name the vendor's own files; their dates come from storage, not the form.
    let given = input.value;
    let evidenceIds: string[] | null = null;
    if (question.type === "evidence") {
      evidenceIds = [];
      if (!isBlankAnswer(given)) {
        const resolved = await resolveEvidenceAnswer(tx, actor.organizationId, given, current?.value);
        given = resolved.value;
        evidenceIds = resolved.evidenceIds;
      }
    }

    const answers = { ...countedAnswers(stored), [questionKey]: given };
    const context = contextOf(request);
    if (!resolveVisibility(request.content, answers, context).questions.has(questionKey)) {
      throw new DomainError("invalid_input", "questionnaires:validation.answer.hiddenQuestionAnswered");
    }
    const isBlank = isBlankAnswer(given);
    if (!isBlank) {
      const issues = validateAnswer(question, given, today);
      if (issues.length > 0) throw firstIssue(issues);
    }
    const value = isBlank ? null : given;

    const conflict = (row: { value: unknown; version: number; isConfirmed: boolean }): SaveAnswerResult => ({
      status: "conflict",
      current: { value: row.value, version: row.version, isConfirmed: row.isConfirmed },
    });

    let version: number;
    let answerId: string;
    if (!current) {
      if (input.version !== 0) throw new DomainError("conflict", "requests:errors.staleAnswer");
      const inserted = await insertAnswer(tx, { requestId: request.id, questionKey, value, updatedByUserId: actor.userId, isConfirmed: true });
      // Cannot happen under the request lock, but a lost race must never overwrite silently.
      if (!inserted) return conflict((await getAnswer(tx, request.id, questionKey))!);
      await insertHistory(tx, [{ answerId: inserted.id, requestId: request.id, questionKey, kind: "saved", value, version: inserted.version, changedByUserId: actor.userId }]);
      version = inserted.version;
      answerId = inserted.id;
    } else {
      if (current.version !== input.version) return conflict(current);
      const updated = await updateAnswer(tx, request.id, questionKey, input.version, { value, isConfirmed: true, updatedByUserId: actor.userId });
      if (!updated) return conflict((await getAnswer(tx, request.id, questionKey))!);
      await insertHistory(tx, [{ answerId: updated.id, requestId: request.id, questionKey, kind: "saved", value, version: updated.version, changedByUserId: actor.userId }]);
      version = updated.version;
      answerId = updated.id;
    }
    if (evidenceIds) {
      await syncAnswerEvidenceLinks(tx, { actor, meta: input.meta ?? NO_META, partnershipId: request.partnershipId, answerId, evidenceIds });
    }
    started = request.status === "sent" ? request.id : null;
    return { status: "saved", version };
  });
  // After commit, in its own statement: saves share the request row, and upgrading that shared
  // lock inside two saves at once would deadlock. A refused save leaves the status alone.
  if (result.status === "saved" && started) await markRequestStarted(db(), started);
  return result;
}

/**
 * The vendor takes over a prefilled answer as its own: only then does it count. The value is
 * checked again against this version and today's date, as for any save.
 */
export async function confirmPrefill(input: {
  actor: Actor;
  requestId: string;
  questionKey: string;
  version: number;
  today?: string;
  meta?: RequestMeta;
}): Promise<SaveAnswerResult> {
  const { actor, questionKey } = input;
  requireVendor(actor, "questionnaire.answer");
  const today = input.today ?? todayInAmsterdam();
  return db().transaction(async (tx) => {
    const request = await lockVendorRequest(tx, actor, input.requestId);
    if (!isOpenStatus(request.status)) throw new DomainError("invalid_state", "requests:errors.notOpen");
    const current = await getAnswer(tx, request.id, questionKey);
    if (!current || current.isConfirmed) throw new DomainError("invalid_state", "requests:errors.nothingToConfirm");
    if (current.version !== input.version) return { status: "conflict", current: { value: current.value, version: current.version, isConfirmed: current.isConfirmed } };
    const entry = questionsOf(request.content).find((q) => q.question.key === questionKey)!;
    await assertMayAnswerSection(tx, actor, request.id, entry.section.key);
    const question = entry.question;
    // A reused certificate is shared with this client only now, as the vendor confirms it; its
    // dates are read again from storage, and an archived document is no longer offered.
    let value = current.value;
    let evidenceIds: string[] | null = null;
    if (question.type === "evidence") {
      const resolved = await resolveEvidenceAnswer(tx, actor.organizationId, value, null);
      value = resolved.value;
      evidenceIds = resolved.evidenceIds;
    }
    const issues = validateAnswer(question, value, today);
    if (issues.length > 0) throw firstIssue(issues);
    const updated = await updateAnswer(tx, request.id, questionKey, input.version, { value, isConfirmed: true, updatedByUserId: actor.userId });
    await insertHistory(tx, [{ answerId: updated!.id, requestId: request.id, questionKey, kind: "confirmed", value, version: updated!.version, changedByUserId: actor.userId }]);
    if (evidenceIds) {
      await syncAnswerEvidenceLinks(tx, { actor, meta: input.meta ?? NO_META, partnershipId: request.partnershipId, answerId: updated!.id, evidenceIds });
    }
    if (request.status === "sent") await updateRequest(tx, request.id, { status: "in_progress" });
    return { status: "saved", version: updated!.version };
  });
}

export type SubmitResult = { status: "submitted" } | { status: "invalid"; errors: Record<string, AnswerIssue[]> };

/**
 * Submits the answers and locks them. Only confirmed answers to shown questions count (hidden
 * answers stay stored but are ignored; unconfirmed prefills are offers, not answers); every shown
 * required question must be answered and every answer valid, else nothing changes and the
 * problems per question come back. Answers the reviewer had flagged go back to "pending".
 */
export async function submitRequest(input: { actor: Actor; requestId: string; meta: RequestMeta; today?: string }): Promise<SubmitResult> {
  const { actor } = input;
  requireVendor(actor, "questionnaire.submit");
  const today = input.today ?? todayInAmsterdam();
  return db().transaction(async (tx) => {
    const request = await lockVendorRequest(tx, actor, input.requestId);
    if (!isOpenStatus(request.status)) throw new DomainError("invalid_state", "requests:errors.notOpen");
    const context = contextOf(request);
    const answers = withoutHiddenAnswers(request.content, countedAnswers(await findAnswers(tx, request.id)), context);
    const validation = validateSubmission(request.content, answers, context, today);
    if (!validation.isValid) return { status: "invalid", errors: validation.errors };

    const wasReturned = request.status === "returned";
    await updateRequest(tx, request.id, { status: "submitted", submittedAt: new Date(), submittedByUserId: actor.userId });
    if (wasReturned) await updateAnswersReviewState(tx, request.id, ["rejected", "clarification_requested"], "pending");
    const recipients = await findMembersWithRoles(tx, request.clientOrgId, CLIENT_RECIPIENT_ROLES);
    await notify(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        organizationId: request.clientOrgId,
        messageKey: "requests:notifications.submitted",
        params: { vendorName: request.vendorDisplayName, title: request.content.title.nl, titleEn: request.content.title.en },
        link: `/client/${request.clientOrgId}/questionnaires/${request.id}`,
      })),
    );
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.submitted",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { clientName: request.clientName, title: request.content.title.nl, answers: Object.keys(answers).length, resubmitted: wasReturned },
    });
    return { status: "submitted" };
  });
}

/**
 * "Answer once". When the vendor opens a request it can still fill in (sent or in progress), each
 * question without an answer is offered the latest accepted answer with the same key that this
 * vendor gave in another request, unconfirmed, until the vendor confirms it.
 *
 * Decision: an answer flows from a source request to a target request only when BOTH
 * partnerships have answer reuse enabled (the vendor's switch per client means "this client's
 * answers may be reused, and this client may benefit from reuse"). Only the value is copied;
 * the client of the target never sees where it came from (prefilledFromAnswerId stays internal,
 * and "prefilled" history entries are not shown to clients). Values that do not fit the target
 * question (another type, other options, out of bounds) are not offered. Evidence is offered
 * when its files are still the vendor's current, unarchived documents and valid today; it is
 * shared with this client only when the vendor confirms. Idempotent: an existing answer row is
 * never touched.
 */
export async function prefillRequest(input: { actor: Actor; requestId: string; today?: string }): Promise<number> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "questionnaire.answer")) return 0;
  const today = input.today ?? todayInAmsterdam();
  return db().transaction(async (tx) => {
    const request = await lockVendorRequest(tx, actor, input.requestId);
    if (request.status !== "sent" && request.status !== "in_progress") return 0;
    if (!request.answerReuseEnabled) return 0;
    const existing = new Set((await findAnswers(tx, request.id)).map((a) => a.questionKey));
    const open = questionsOf(request.content).filter(({ question }) => !existing.has(question.key));
    const sources = await findReusableAnswers(tx, actor.organizationId, request.id, open.map(({ question }) => question.key));
    let count = 0;
    for (const source of sources) {
      const question = open.find((q) => q.question.key === source.questionKey)!.question;
      let value = source.value;
      if (isBlankAnswer(value)) continue;
      if (question.type === "evidence") {
        const resolved = await resolveEvidenceAnswer(tx, actor.organizationId, value, null).catch(() => null);
        if (!resolved) continue;
        value = resolved.value;
      }
      if (validateAnswer(question, value, today).length > 0) continue;
      const inserted = await insertAnswer(tx, {
        requestId: request.id,
        questionKey: source.questionKey,
        value,
        prefilledFromAnswerId: source.id,
        isConfirmed: false,
        // No person chose this value yet.
        updatedByUserId: null,
      });
      if (!inserted) continue;
      await insertHistory(tx, [{ answerId: inserted.id, requestId: request.id, questionKey: source.questionKey, kind: "prefilled", value, version: inserted.version, changedByUserId: null }]);
      count++;
    }
    return count;
  });
}
