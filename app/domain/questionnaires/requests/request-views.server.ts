import { db } from "#db/client.server";
import {
  findActivePartnershipsForClient,
  findAnswers,
  findHistory,
  findRequestsForSide,
  findSendableVersionsForClient,
  getAnswerReuseForVendor,
  getRequestForSide,
  setAnswerReuseForVendor,
} from "#db/queries/questionnaire-requests";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { resolveVisibility } from "../conditions";
import { scoreQuestionnaire, type QuestionnaireScore } from "../scoring";
import { prefillRequest } from "./answer-questionnaire.server";
import { contextOf, countedAnswers, isEditable, openStatuses, progressOf, reviewsOf, todayInAmsterdam } from "./request-rules";

import { uploadLimitBytes } from "~/domain/evidence/upload-evidence.server";
import { evidenceChoices, evidenceFilesOf } from "./evidence-view.server";
/**
 * View models of requests for the screens: never whole rows, and nothing of one client ever
 * reaches another (the vendor's lists name each request's own client only).
 */

/** The client's requests, newest first. */
export async function findClientRequestList(actor: Actor) {
  const rows = await findRequestsForSide(db(), "client", actor.organizationId);
  return rows.map((r) => ({
    id: r.id,
    partnerName: r.vendorDisplayName,
    title: r.content.title,
    templateVersion: r.templateVersion,
    status: r.status,
    dueDate: r.dueDate,
    score: r.score,
  }));
}

/** The vendor's requests across all clients (open ones only for the to-do list), with progress. */
export async function findVendorRequestList(actor: Actor, options: { openOnly?: boolean } = {}) {
  const rows = await findRequestsForSide(db(), "vendor", actor.organizationId, options.openOnly ? [...openStatuses] : undefined);
  const answers = await findAnswers(db(), rows.map((r) => r.id));
  const list = rows.map((r) => {
    const own = answers.filter((a) => a.requestId === r.id);
    return {
      id: r.id,
      clientName: r.clientName,
      title: r.content.title,
      status: r.status,
      dueDate: r.dueDate,
      progress: progressOf(r.content, countedAnswers(own), contextOf(r)),
    };
  });
  // A to-do list reads by what is due first.
  return options.openOnly ? list.sort((a, b) => a.dueDate.localeCompare(b.dueDate)) : list;
}

/** What the send form offers: published versions (own and library) and active partnerships. */
export async function getSendOptions(actor: Actor) {
  const [versions, partnerships] = await Promise.all([
    findSendableVersionsForClient(db(), actor.organizationId),
    findActivePartnershipsForClient(db(), actor.organizationId),
  ]);
  return {
    versions: versions.map((v) => ({ id: v.id, title: v.content.title, version: v.version, isLibrary: v.isLibrary })),
    partnerships: partnerships.map((p) => ({ id: p.id, name: p.vendorDisplayName })),
  };
}

/**
 * The vendor's answering screen. Opening a request it can still fill in first offers earlier
 * accepted answers as prefills (see {@link prefillRequest}).
 */
export async function openVendorRequest(actor: Actor, requestId: string) {
  if (!(await getRequestForSide(db(), "vendor", actor.organizationId, requestId))) throw new DomainError("not_found");
  await prefillRequest({ actor, requestId });
  const request = (await getRequestForSide(db(), "vendor", actor.organizationId, requestId))!;
  const stored = await findAnswers(db(), request.id);
  const answers = countedAnswers(stored);
  const context = contextOf(request);
  const visibility = resolveVisibility(request.content, answers, context);
  return {
    request: {
      id: request.id,
      clientName: request.clientName,
      status: request.status,
      dueDate: request.dueDate,
      message: request.message,
      submittedAt: request.submittedAt,
      score: request.status === "accepted" ? request.score : null,
    },
    content: request.content,
    /** The partnership facts conditions look at, so the screen can show follow-ups as one types. */
    context: context.partnership,
    visibleSections: [...visibility.sections],
    visibleQuestions: [...visibility.questions],
    progress: progressOf(request.content, answers, context),
    answers: Object.fromEntries(
      stored.map((a) => [
        a.questionKey,
        {
          value: a.value,
          version: a.version,
          isPrefill: !a.isConfirmed,
          reviewState: a.reviewState,
          reviewComment: a.reviewComment,
          isEditable: isEditable(request.status, a),
        },
      ]),
    ),
    /** Whether a question without an answer row may be answered now. */
    canAnswerNew: isEditable(request.status, undefined),
    canAnswer: can(actor, "questionnaire.answer"),
    canSubmit: can(actor, "questionnaire.submit"),
    evidence: {
      files: await evidenceFilesOf(actor.organizationId, stored.map((a) => a.value)),
      choices: await evidenceChoices(actor.organizationId),
      canUpload: can(actor, "evidence.upload"),
      uploadLimitBytes: uploadLimitBytes(),
    },
  };
}

/** The client's review screen: answers, the score each earned, and every answer's history. */
export async function getClientRequestView(actor: Actor, requestId: string, today = todayInAmsterdam()) {
  const request = await getRequestForSide(db(), "client", actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  // The vendor's work in progress is not the client's to see, and a prefill's origin never is:
  // before the first submission, neither the answers nor anything derived from them (the score,
  // which follow-up questions appear) reaches the client.
  const isShown = request.status === "submitted" || request.status === "returned" || request.status === "accepted";
  const stored = isShown ? await findAnswers(db(), request.id) : [];
  const answers = countedAnswers(stored);
  const context = contextOf(request);
  const visibility = resolveVisibility(request.content, answers, context);
  // Accepted: the score fixed at acceptance. Before: what it would be now.
  const score =
    request.status === "accepted" && request.scoreDetail
      ? (request.scoreDetail as unknown as QuestionnaireScore)
      : scoreQuestionnaire(request.content, answers, reviewsOf(stored), context, today);
  const history = isShown ? (await findHistory(db(), request.id)).filter((h) => h.kind !== "prefilled") : [];
  return {
    request: {
      id: request.id,
      partnerName: request.vendorDisplayName,
      status: request.status,
      dueDate: request.dueDate,
      message: request.message,
      sentAt: request.sentAt,
      submittedAt: request.submittedAt,
      acceptedAt: request.acceptedAt,
      score: request.score,
      version: request.version,
      templateVersion: request.templateVersion,
    },
    content: request.content,
    visibleSections: [...visibility.sections],
    visibleQuestions: [...visibility.questions],
    answers: isShown
      ? Object.fromEntries(
          stored
            .filter((a) => a.isConfirmed)
            .map((a) => [a.questionKey, { value: a.value, reviewState: a.reviewState, reviewComment: a.reviewComment }]),
        )
      : {},
    score: {
      score: score.score,
      uncappedScore: score.uncappedScore,
      capped: score.capped,
      criticalCap: score.criticalCap,
      failedCriticals: score.failedCriticals,
      questions: Object.fromEntries(score.questions.map((q) => [q.key, { earned: q.earned, possible: q.possible, reason: q.reason }])),
    },
    history,
    evidence: { files: await evidenceFilesOf(request.vendorOrgId, stored.filter((a) => a.isConfirmed).map((a) => a.value)) },
    canReview: can(actor, "questionnaire.review") && request.status === "submitted",
    canAccept: can(actor, "questionnaire.accept") && request.status === "submitted",
  };
}

/** The vendor switches answer reuse for one of its clients ("answer once"). */
export async function setAnswerReuse(input: { actor: Actor; partnershipId: string; enabled: boolean; meta: RequestMeta }) {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "answer_reuse.manage")) throw new DomainError("forbidden");
  await db().transaction(async (tx) => {
    const row = await setAnswerReuseForVendor(tx, actor.organizationId, input.partnershipId, input.enabled);
    if (!row) throw new DomainError("not_found");
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "answer_reuse.changed",
      entityType: "partnership",
      entityId: row.id,
      summary: { enabled: input.enabled },
    });
  });
}

/** Whether answers flow to and from this client, and whether the actor may switch it. */
export async function getAnswerReuse(actor: Actor, partnershipId: string) {
  const row = await getAnswerReuseForVendor(db(), actor.organizationId, partnershipId);
  if (!row) throw new DomainError("not_found");
  return { enabled: row.enabled, canManage: can(actor, "answer_reuse.manage") };
}
