import type { Answers } from "./answers";
import type { Condition, ConditionOperator, ContextField, TemplateContent } from "./model";

/**
 * Which sections and questions a vendor sees, given its answers so far and the facts of the
 * partnership. Hidden questions are neither required nor scored, so this decides both.
 */

/** What the client registered about the partnership (see app/domain/orgs/inherent-risk.ts). */
export interface PartnershipFacts {
  services: readonly string[];
  dataCategories: readonly string[];
  /** 1 is the highest inherent risk. */
  riskTier: number;
  /** ISO 3166-1 alpha-2 codes of the sites and other countries involved. */
  countries: readonly string[];
}

export interface QuestionnaireContext {
  partnership: PartnershipFacts;
}

export interface Visibility {
  sections: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

/** Reads an answer by question key; hidden questions read as unanswered. */
export type AnswerLookup = (questionKey: string) => unknown;

function contextValue(context: QuestionnaireContext, field: ContextField): readonly string[] | number {
  switch (field) {
    case "partnership.services":
      return context.partnership.services;
    case "partnership.dataCategories":
      return context.partnership.dataCategories;
    case "partnership.countries":
      return context.partnership.countries.map((code) => code.toUpperCase());
    case "partnership.riskTier":
      return context.partnership.riskTier;
  }
}

/** The comparable part of an answer: a yes/no answer compares by its choice. */
function comparable(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "choice" in value) {
    return (value as { choice: unknown }).choice;
  }
  return value;
}

/**
 * Compares by the shape of the value rather than the question's type, so a malformed or missing
 * answer is simply "not matching" instead of an error: validation reports those separately.
 * Numbers compare as numbers, calendar dates (YYYY-MM-DD) as strings, which orders them correctly.
 */
function compare(actual: unknown, op: ConditionOperator, expected: string | number): boolean {
  const subject = comparable(actual);
  switch (op) {
    case "equals":
      return subject === expected;
    case "includes":
      return Array.isArray(subject) && subject.includes(expected);
    case "at_least":
    case "at_most": {
      const sameKind =
        (typeof subject === "number" && typeof expected === "number") ||
        (typeof subject === "string" && typeof expected === "string");
      if (!sameKind) return false;
      return op === "at_least" ? subject >= expected : subject <= expected;
    }
  }
}

/**
 * True when the condition holds. A condition on an unanswered (or hidden) question is false,
 * so a follow-up stays hidden until its trigger is answered; `not` inverts that on purpose.
 */
export function evaluateCondition(condition: Condition, answerOf: AnswerLookup, context: QuestionnaireContext): boolean {
  switch (condition.kind) {
    case "all":
      return condition.conditions.every((inner) => evaluateCondition(inner, answerOf, context));
    case "any":
      return condition.conditions.some((inner) => evaluateCondition(inner, answerOf, context));
    case "not":
      return !evaluateCondition(condition.condition, answerOf, context);
    case "context": {
      // Country codes are stored uppercase; a condition typed as "nl" still means NL.
      const expected =
        condition.field === "partnership.countries" && typeof condition.value === "string"
          ? condition.value.toUpperCase()
          : condition.value;
      return compare(contextValue(context, condition.field), condition.op, expected);
    }
    case "answer":
      return compare(answerOf(condition.question), condition.op, condition.value);
  }
}

/**
 * The visible sections and questions, in one pass in document order: conditions may only refer
 * to earlier questions (the schema enforces it), so each trigger's visibility is known when it is
 * needed. A question in a hidden section is hidden; a hidden question's answer is ignored, so
 * hiding cascades to whatever depends on it.
 */
export function resolveVisibility(content: TemplateContent, answers: Answers, context: QuestionnaireContext): Visibility {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const answerOf: AnswerLookup = (key) => (questions.has(key) ? answers[key] : undefined);

  for (const section of content.sections) {
    if (section.showWhen && !evaluateCondition(section.showWhen, answerOf, context)) continue;
    sections.add(section.key);
    for (const question of section.questions) {
      if (question.showWhen && !evaluateCondition(question.showWhen, answerOf, context)) continue;
      questions.add(question.key);
    }
  }
  return { sections, questions };
}
