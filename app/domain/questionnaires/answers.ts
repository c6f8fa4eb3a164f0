import { z } from "zod";
import { isIsoDate, type IsoDate } from "~/utils/calendar-date";
import { resolveVisibility, type QuestionnaireContext, type Visibility } from "./conditions";
import { answerMessages, type AnswerErrorCode } from "./messages";
import {
  LIMITS,
  questionsOf,
  yesNoChoices,
  type EvidenceQuestion,
  type MultipleChoiceQuestion,
  type NumberQuestion,
  type Question,
  type QuestionType,
  type TemplateContent,
  type YesNoChoice,
  type YesNoQuestion,
} from "./model";

/**
 * What an answer looks like per question type, and whether a set of answers fits a template
 * version. Answers arrive from forms, storage and reuse across clients, so every value is
 * `unknown` until checked here.
 */

export interface YesNoAnswer {
  choice: YesNoChoice;
  /** Required for "not_applicable"; otherwise an optional explanation. */
  reason?: string;
}

/** A file already stored elsewhere, referenced by an opaque id. */
export interface EvidenceFile {
  fileId: string;
  /** The last day the document (certificate, report) is valid. */
  validUntil?: IsoDate;
}

export interface EvidenceAnswer {
  files: EvidenceFile[];
}

export interface AnswerValueByType {
  yes_no: YesNoAnswer;
  /** The chosen option's value. */
  single_choice: string;
  /** The chosen options' values. */
  multiple_choice: string[];
  number: number;
  date: IsoDate;
  text: string;
  evidence: EvidenceAnswer;
}
export type AnswerValue = AnswerValueByType[QuestionType];

/** Answers by question key, as received: values are checked against the version, never trusted. */
export type Answers = Readonly<Record<string, unknown>>;

const REASON_MAX = 2_000;
const FILE_ID_MAX = 200;

/** The shape of each type's value; anything else is "wrong_type". */
export const answerValueSchemas = {
  yes_no: z.object({ choice: z.enum(yesNoChoices), reason: z.string().optional() }).strict(),
  single_choice: z.string(),
  multiple_choice: z.array(z.string()),
  number: z.number().finite(),
  date: z.string(),
  text: z.string(),
  evidence: z
    .object({
      files: z.array(z.object({ fileId: z.string().trim().min(1).max(FILE_ID_MAX), validUntil: z.string().optional() }).strict()),
    })
    .strict(),
} satisfies { [T in QuestionType]: z.ZodType<AnswerValueByType[T]> };

export interface AnswerIssue {
  code: AnswerErrorCode;
  /** i18n key, see messages.ts. */
  messageKey: string;
  params?: Record<string, string | number>;
}

const issue = (code: AnswerErrorCode, params?: AnswerIssue["params"]): AnswerIssue =>
  params ? { code, messageKey: answerMessages[code], params } : { code, messageKey: answerMessages[code] };

/**
 * True when nothing was given: no value, blank text, no options chosen or no files. A form
 * leaves these behind when a person clears a field, so they count as "not answered", not as
 * wrong answers.
 */
export function isBlankAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && "files" in value) {
    const files = (value as { files: unknown }).files;
    return Array.isArray(files) && files.length === 0;
  }
  return false;
}

function checkYesNo(question: YesNoQuestion, value: YesNoAnswer): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  if ((value.choice === "partly" && !question.allowPartly) || (value.choice === "not_applicable" && !question.allowNotApplicable)) {
    issues.push(issue("answer_not_allowed"));
  }
  if (value.choice === "not_applicable" && !value.reason?.trim()) issues.push(issue("not_applicable_without_reason"));
  if (value.reason && value.reason.length > REASON_MAX) issues.push(issue("text_too_long", { max: REASON_MAX }));
  return issues;
}

function checkMultipleChoice(question: MultipleChoiceQuestion, values: string[]): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const known = new Map(question.options.map((option) => [option.value, option]));
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) issues.push(issue("duplicate_option", { value }));
    else if (!known.has(value)) issues.push(issue("unknown_option", { value }));
    seen.add(value);
  }
  if (values.length > 1 && values.some((value) => known.get(value)?.exclusive)) issues.push(issue("exclusive_option_combined"));
  if (question.minSelections !== undefined && seen.size < question.minSelections) {
    issues.push(issue("too_few_options", { min: question.minSelections }));
  }
  if (question.maxSelections !== undefined && seen.size > question.maxSelections) {
    issues.push(issue("too_many_options", { max: question.maxSelections }));
  }
  return issues;
}

function checkEvidence(question: EvidenceQuestion, value: EvidenceAnswer, today: IsoDate): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const ids = new Set<string>();
  for (const file of value.files) {
    if (ids.has(file.fileId)) issues.push(issue("duplicate_file", { fileId: file.fileId }));
    ids.add(file.fileId);
    if (file.validUntil === undefined) {
      if (question.requireValidUntil) issues.push(issue("missing_valid_until", { fileId: file.fileId }));
    } else if (!isIsoDate(file.validUntil)) {
      issues.push(issue("invalid_date"));
    } else if (file.validUntil < today) {
      // A document valid until today still counts today.
      issues.push(issue("evidence_expired", { fileId: file.fileId, validUntil: file.validUntil }));
    }
  }
  if (value.files.length < question.minFiles) issues.push(issue("too_few_files", { min: question.minFiles }));
  if (value.files.length > question.maxFiles) issues.push(issue("too_many_files", { max: question.maxFiles }));
  return issues;
}

function checkNumber(question: NumberQuestion, value: number): AnswerIssue[] {
  if (question.integer && !Number.isInteger(value)) return [issue("not_integer")];
  const belowMin = question.min !== undefined && value < question.min;
  const aboveMax = question.max !== undefined && value > question.max;
  if (!belowMin && !aboveMax) return [];
  const bounds: Record<string, number> = {};
  if (question.min !== undefined) bounds.min = question.min;
  if (question.max !== undefined) bounds.max = question.max;
  return [issue("out_of_bounds", bounds)];
}

/**
 * The problems with one answer to one question; empty when it is fine. A blank answer is a
 * problem only when the question is required (whether it is shown at all is decided by
 * {@link validateSubmission}). `today` decides future dates and expired evidence.
 */
export function validateAnswer(question: Question, value: unknown, today: IsoDate): AnswerIssue[] {
  if (isBlankAnswer(value)) return question.required ? [issue("required_missing")] : [];
  const wrongType = [issue("wrong_type")];

  switch (question.type) {
    case "yes_no": {
      const parsed = answerValueSchemas.yes_no.safeParse(value);
      return parsed.success ? checkYesNo(question, parsed.data) : wrongType;
    }
    case "single_choice": {
      if (typeof value !== "string") return wrongType;
      return question.options.some((option) => option.value === value) ? [] : [issue("unknown_option", { value })];
    }
    case "multiple_choice": {
      const parsed = answerValueSchemas.multiple_choice.safeParse(value);
      return parsed.success ? checkMultipleChoice(question, parsed.data) : wrongType;
    }
    case "number": {
      const parsed = answerValueSchemas.number.safeParse(value);
      return parsed.success ? checkNumber(question, parsed.data) : wrongType;
    }
    case "date": {
      if (typeof value !== "string") return wrongType;
      if (!isIsoDate(value)) return [issue("invalid_date")];
      return !question.allowFuture && value > today ? [issue("date_in_future")] : [];
    }
    case "text": {
      if (typeof value !== "string") return wrongType;
      const max = question.maxLength ?? LIMITS.textAnswerLength;
      return value.length > max ? [issue("text_too_long", { max })] : [];
    }
    case "evidence": {
      const parsed = answerValueSchemas.evidence.safeParse(value);
      return parsed.success ? checkEvidence(question, parsed.data, today) : wrongType;
    }
  }
}

export interface SubmissionValidation {
  isValid: boolean;
  /** Problems by question key (unknown keys included); keys without problems are absent. */
  errors: Record<string, AnswerIssue[]>;
  visibility: Visibility;
}

/**
 * Checks a whole submission against a template version: visible required questions must be
 * answered, every answer must fit its question, and hidden or unknown questions may not be
 * answered (the form should drop those; see {@link withoutHiddenAnswers}). Blank values count
 * as not answered anywhere, so a cleared field never trips "hidden" or "unknown".
 */
export function validateSubmission(
  content: TemplateContent,
  answers: Answers,
  context: QuestionnaireContext,
  today: IsoDate,
): SubmissionValidation {
  const visibility = resolveVisibility(content, answers, context);
  const errors: Record<string, AnswerIssue[]> = {};
  const known = new Set<string>();

  for (const { question } of questionsOf(content)) {
    known.add(question.key);
    const value = answers[question.key];
    const issues = visibility.questions.has(question.key)
      ? validateAnswer(question, value, today)
      : isBlankAnswer(value)
        ? []
        : [issue("hidden_question_answered")];
    if (issues.length > 0) errors[question.key] = issues;
  }
  for (const key of Object.keys(answers).sort()) {
    if (!known.has(key) && !isBlankAnswer(answers[key])) errors[key] = [issue("unknown_question")];
  }
  return { isValid: Object.keys(errors).length === 0, errors, visibility };
}

/**
 * The answers that belong in a submission: those to questions of this version that are shown.
 * Hidden answers never influence visibility, so dropping them changes nothing else.
 */
export function withoutHiddenAnswers(content: TemplateContent, answers: Answers, context: QuestionnaireContext): Answers {
  const { questions } = resolveVisibility(content, answers, context);
  return Object.fromEntries(Object.entries(answers).filter(([key]) => questions.has(key)));
}
