import { todayInDisplayZone } from "~/utils/dates";
import { isBlankAnswer, type Answers } from "../answers";
import type { QuestionnaireContext } from "../conditions";
import { resolveVisibility } from "../conditions";
import { questionsOf, type TemplateContent } from "../model";
import type { ReviewState, Reviews } from "../scoring";

/**
 * Pure rules of a questionnaire request's life: which statuses are open to the vendor, which
 * answers may change, what counts as an answer, progress. Storage lives in the *.server.ts files.
 */

export type RequestStatus = "sent" | "in_progress" | "submitted" | "returned" | "accepted" | "cancelled";

/** Statuses in which the vendor works on the answers. */
export const openStatuses = ["sent", "in_progress", "returned"] as const satisfies readonly RequestStatus[];
export const isOpenStatus = (status: RequestStatus) => (openStatuses as readonly string[]).includes(status);

/** Review states that send an answer back to the vendor when the request is returned. */
export const flaggedStates = ["rejected", "clarification_requested"] as const satisfies readonly ReviewState[];
export const isFlagged = (state: ReviewState) => (flaggedStates as readonly string[]).includes(state);

export const MESSAGE_MAX = 2_000;
export const COMMENT_MAX = 2_000;
export const MAX_PARTNERSHIPS_PER_SEND = 200;

export interface StoredAnswer {
  questionKey: string;
  value: unknown;
  isConfirmed: boolean;
  reviewState: ReviewState;
}

/**
 * The answers that count: confirmed ones. An unconfirmed prefill is an offer, not an answer, so
 * it neither shows follow-up questions nor earns points nor satisfies "required".
 */
export function countedAnswers(stored: readonly StoredAnswer[]): Answers {
  return Object.fromEntries(stored.filter((a) => a.isConfirmed).map((a) => [a.questionKey, a.value]));
}

export function reviewsOf(stored: readonly StoredAnswer[]): Reviews {
  return Object.fromEntries(stored.map((a) => [a.questionKey, a.reviewState]));
}

/**
 * May the vendor change the answer to this question now? Open requests only; once returned, only
 * the answers the reviewer flagged reopen, plus questions still without an answer (a changed
 * flagged answer can reveal a follow-up question that must be answerable).
 */
export function isEditable(status: RequestStatus, answer: Pick<StoredAnswer, "value" | "isConfirmed" | "reviewState"> | undefined): boolean {
  if (!isOpenStatus(status)) return false;
  if (status !== "returned") return true;
  if (!answer || !answer.isConfirmed || isBlankAnswer(answer.value)) return true;
  return isFlagged(answer.reviewState);
}

/** Answered and visible questions over visible questions that take an answer. */
export function progressOf(content: TemplateContent, answers: Answers, context: QuestionnaireContext) {
  const { questions } = resolveVisibility(content, answers, context);
  const visible = questionsOf(content).filter(({ question }) => questions.has(question.key));
  const answered = visible.filter(({ question }) => !isBlankAnswer(answers[question.key])).length;
  return { answered, total: visible.length, percent: visible.length ? Math.round((answered / visible.length) * 100) : 0 };
}

/** The context conditions look at, from the partnership's register. */
export function contextOf(partnership: {
  services: readonly string[];
  dataCategories: readonly string[];
  countries: readonly string[];
  riskTier: number;
}): QuestionnaireContext {
  return {
    partnership: {
      services: partnership.services,
      dataCategories: partnership.dataCategories,
      countries: partnership.countries,
      riskTier: partnership.riskTier,
    },
  };
}

/** Today's calendar date in the Netherlands, which decides due dates, future dates and expiry. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return todayInDisplayZone(now);
}
