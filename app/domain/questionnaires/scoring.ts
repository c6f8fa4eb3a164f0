import { validateAnswer, isBlankAnswer, type Answers, type EvidenceAnswer, type YesNoAnswer } from "./answers";
import { subtractMonths, type IsoDate } from "~/utils/calendar-date";
import { resolveVisibility, type QuestionnaireContext } from "./conditions";
import { DEFAULT_CRITICAL_CAP, DEFAULT_PARTLY_CREDIT, questionsOf, type Question, type TemplateContent } from "./model";

/**
 * The compliance score of one questionnaire (REFERENCE §6.6 and §8.7): Σ(weight × credit) over
 * Σ(weight of the applicable questions) × 100, capped while a critical question fails. It
 * measures control coverage, not residual risk (§6.8). Pure: "today" is passed in.
 */

export const reviewStates = ["pending", "accepted", "rejected", "clarification_requested"] as const;
export type ReviewState = (typeof reviewStates)[number];
/** A reviewer's verdict per question key; absent means pending. */
export type Reviews = Readonly<Record<string, ReviewState | undefined>>;

/** Why a question earned what it did, as a short code for the explanation UI. */
export const scoreReasons = [
  "compliant",
  "partial",
  "non_compliant",
  "not_applicable",
  "unanswered",
  "rejected",
  "expired_evidence",
  "invalid",
  "not_scored",
  "hidden",
] as const;
export type ScoreReason = (typeof scoreReasons)[number];

export interface QuestionScore {
  key: string;
  sectionKey: string;
  earned: number;
  possible: number;
  /** Share of the weight earned (0..1); null when nothing was judged. */
  credit: number | null;
  reason: ScoreReason;
  critical: boolean;
}

export interface SectionScore {
  key: string;
  visible: boolean;
  /** 0..100 with one decimal; null when the section holds nothing to score. Never capped. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface QuestionnaireScore {
  /** 0..100 with one decimal, after the critical cap; null when nothing applicable is scored. */
  score: number | null;
  /** The same before the cap, to show what the cap took away. */
  uncappedScore: number | null;
  earned: number;
  possible: number;
  sections: SectionScore[];
  questions: QuestionScore[];
  /** Keys of shown critical questions that earned nothing (in document order). */
  failedCriticals: string[];
  /** True when a failed critical question lowered the score to the cap. */
  capped: boolean;
  criticalCap: number;
}

/** Rounded so that 0.2 + 0.2 + 0.2 + 0.2 + 0.2 is 1, not 1.0000000000000002. */
const roundCredit = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1e6) / 1e6;
const percent = (earned: number, possible: number) => (possible > 0 ? Math.round((earned / possible) * 1000) / 10 : null);

type Judgement = { credit: number; reason: ScoreReason } | { reason: "not_applicable" };

const byCredit = (credit: number, otherwise: ScoreReason = "non_compliant"): Judgement => {
  const rounded = roundCredit(credit);
  if (rounded === 1) return { credit: 1, reason: "compliant" };
  return rounded > 0 ? { credit: rounded, reason: "partial" } : { credit: 0, reason: otherwise };
};

/** The credit a valid, non-blank answer earns under the question's rule. */
function judge(question: Question, value: unknown, today: IsoDate): Judgement {
  switch (question.type) {
    case "yes_no": {
      const { choice } = value as YesNoAnswer;
      if (choice === "not_applicable") return { reason: "not_applicable" };
      const rule = question.scoring!;
      if (choice === "partly") return byCredit(rule.partlyCredit ?? DEFAULT_PARTLY_CREDIT);
      return byCredit(choice === rule.compliantAnswer ? 1 : 0);
    }
    case "single_choice":
      return byCredit(question.options.find((option) => option.value === value)?.credit ?? 0);
    case "multiple_choice": {
      const chosen = new Set(value as string[]);
      const credits = question.options.filter((option) => chosen.has(option.value)).map((option) => option.credit ?? 0);
      const combined = question.scoring!.combine === "min" ? Math.min(...credits) : credits.reduce((a, b) => a + b, 0);
      return byCredit(combined);
    }
    case "number": {
      const rule = question.scoring!;
      const number = value as number;
      const met = rule.thresholds.filter((t) => (rule.direction === "at_least" ? number >= t.value : number <= t.value));
      return byCredit(Math.max(0, ...met.map((t) => t.credit)));
    }
    case "date": {
      // "Not older than N months": on or after the same day N months before today.
      const fresh = (value as IsoDate) >= subtractMonths(today, question.scoring!.months);
      return byCredit(fresh ? 1 : 0);
    }
    case "text":
      return byCredit((value as string).trim() === "" ? 0 : 1);
    case "evidence": {
      const current = (value as EvidenceAnswer).files.filter((file) => file.validUntil === undefined || file.validUntil >= today);
      return current.length >= question.minFiles ? byCredit(1) : { credit: 0, reason: "expired_evidence" };
    }
  }
}

/** One question's part of the score. Hidden questions and questions without a rule weigh nothing. */
function scoreQuestion(
  question: Question,
  sectionKey: string,
  isVisible: boolean,
  value: unknown,
  review: ReviewState,
  today: IsoDate,
): QuestionScore {
  const base = { key: question.key, sectionKey, critical: question.critical };
  if (!isVisible) return { ...base, earned: 0, possible: 0, credit: null, reason: "hidden" };
  if (!question.scoring) return { ...base, earned: 0, possible: 0, credit: null, reason: "not_scored" };

  const weight = question.weight;
  // Unanswered still counts as possible, so answering can only raise the score.
  if (isBlankAnswer(value)) return { ...base, earned: 0, possible: weight, credit: null, reason: "unanswered" };
  // A rejected answer earns nothing, also a rejected "not applicable" (the reviewer disagreed).
  if (review === "rejected") return { ...base, earned: 0, possible: weight, credit: 0, reason: "rejected" };
  // Evidence that expired after it was given is judged below; anything else wrong earns nothing.
  const problems = validateAnswer(question, value, today).filter((problem) => problem.code !== "evidence_expired");
  if (problems.length > 0) return { ...base, earned: 0, possible: weight, credit: 0, reason: "invalid" };

  const judgement = judge(question, value, today);
  if (!("credit" in judgement)) return { ...base, earned: 0, possible: 0, credit: null, reason: "not_applicable" };
  return { ...base, earned: weight * judgement.credit, possible: weight, credit: judgement.credit, reason: judgement.reason };
}

/** A critical question fails when it is shown, answered and earns nothing (REFERENCE §8.0). */
const isFailedCritical = (result: QuestionScore) =>
  result.critical && result.credit === 0 && result.reason !== "unanswered";

/**
 * Scores a questionnaire from a template version's content, the answers, the reviewers'
 * verdicts, the partnership facts (for visibility) and today's date. Deterministic; never throws
 * on bad answers (they earn nothing and read "invalid").
 *
 * Choices made here: "partly" and partial options earn partial credit and do not fail a critical
 * question, only zero credit does (a template can set partlyCredit 0 to make partly fail);
 * unanswered critical questions earn nothing but do not cap, so a draft is not "failed" before it
 * is filled in; pending and clarification-requested answers count as given until rejected.
 */
export function scoreQuestionnaire(
  content: TemplateContent,
  answers: Answers,
  reviews: Reviews,
  context: QuestionnaireContext,
  today: IsoDate,
): QuestionnaireScore {
  const visibility = resolveVisibility(content, answers, context);
  const questions = questionsOf(content).map(({ section, question }) =>
    scoreQuestion(
      question,
      section.key,
      visibility.questions.has(question.key),
      answers[question.key],
      reviews[question.key] ?? "pending",
      today,
    ),
  );

  const sections = content.sections.map((section): SectionScore => {
    const own = questions.filter((question) => question.sectionKey === section.key);
    const earned = own.reduce((sum, question) => sum + question.earned, 0);
    const possible = own.reduce((sum, question) => sum + question.possible, 0);
    return { key: section.key, visible: visibility.sections.has(section.key), score: percent(earned, possible), earned, possible };
  });

  const earned = questions.reduce((sum, question) => sum + question.earned, 0);
  const possible = questions.reduce((sum, question) => sum + question.possible, 0);
  const failedCriticals = questions.filter(isFailedCritical).map((question) => question.key);
  const criticalCap = content.criticalCap ?? DEFAULT_CRITICAL_CAP;
  const uncappedScore = percent(earned, possible);
  const capped = failedCriticals.length > 0 && uncappedScore !== null && uncappedScore > criticalCap;
  const score = capped ? criticalCap : uncappedScore;

  return { score, uncappedScore, earned, possible, sections, questions, failedCriticals, capped, criticalCap };
}
