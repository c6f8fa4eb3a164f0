import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutHiddenAnswers } from "./answers";
import { resolveVisibility } from "./conditions";
import { standardTemplates } from "./library";
import { DEFAULT_CRITICAL_CAP, questionsOf, type Condition, type TemplateContent } from "./model";
import { scoreQuestionnaire } from "./scoring";
import { TODAY, arbitraryAnswers, arbitraryContext, arbitraryReviews, compliantValue, fixtureTemplate } from "./test-fixtures";

/**
 * Invariants of the score, checked on the fixture and on every standard template with random
 * answers (some malformed), random reviews and random partnership facts.
 */

const versions: [string, TemplateContent][] = [
  ["fixture", fixtureTemplate],
  ...standardTemplates.map((template): [string, TemplateContent] => [template.slug, template.content]),
];

function referencedKeys(condition: Condition | undefined, into: Set<string>): Set<string> {
  if (!condition) return into;
  if (condition.kind === "answer") into.add(condition.question);
  if (condition.kind === "all" || condition.kind === "any") condition.conditions.forEach((inner) => referencedKeys(inner, into));
  if (condition.kind === "not") referencedKeys(condition.condition, into);
  return into;
}

/** Keys that some condition looks at: answering those may show more questions. */
function triggers(content: TemplateContent): Set<string> {
  const keys = new Set<string>();
  for (const section of content.sections) {
    referencedKeys(section.showWhen, keys);
    for (const question of section.questions) referencedKeys(question.showWhen, keys);
  }
  return keys;
}

const isOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

describe.each(versions)("score properties: %s", (_, content) => {
  const inputs = fc.tuple(arbitraryAnswers(content), arbitraryReviews(content), arbitraryContext);
  const score = (answers: Record<string, unknown>, reviews: Parameters<typeof scoreQuestionnaire>[2], context: Parameters<typeof scoreQuestionnaire>[3]) =>
    scoreQuestionnaire(content, answers, reviews, context, TODAY);
  const cap = content.criticalCap ?? DEFAULT_CRITICAL_CAP;
  const scored = questionsOf(content).filter(({ question }) => question.scoring && question.weight > 0);
  const nonTriggers = scored.filter(({ question }) => !triggers(content).has(question.key));

  it("stays within 0..100 with one decimal, for the whole and for each section", () => {
    fc.assert(
      fc.property(inputs, ([answers, reviews, context]) => {
        const result = score(answers, reviews, context);
        for (const value of [result.score, result.uncappedScore, ...result.sections.map((section) => section.score)]) {
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
          expect(isOneDecimal(value)).toBe(true);
        }
        expect(result.earned).toBeLessThanOrEqual(result.possible + 1e-9);
      }),
    );
  });

  it("is deterministic and does not depend on the order of the answers", () => {
    fc.assert(
      fc.property(inputs, ([answers, reviews, context]) => {
        const reordered = Object.fromEntries(Object.entries(answers).reverse());
        expect(score(reordered, reviews, context)).toEqual(score(answers, reviews, context));
      }),
    );
  });

  it("never goes down when an unanswered question gets a compliant answer", () => {
    if (nonTriggers.length === 0) return;
    fc.assert(
      fc.property(inputs, fc.constantFrom(...nonTriggers), ([answers, reviews, context], { question }) => {
        const without = { ...answers };
        delete without[question.key];
        // A new answer has no review yet (a rejected critical one rightly caps the score).
        const unreviewed = { ...reviews };
        delete unreviewed[question.key];
        const before = score(without, unreviewed, context);
        const after = score({ ...without, [question.key]: compliantValue(question, TODAY) }, unreviewed, context);
        if (before.score !== null && after.score !== null) expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });

  it("never rises because of an unanswered optional question", () => {
    // Against the same version without that question: leaving it open costs, it never pays.
    const removable = nonTriggers.filter(({ section }) => section.questions.length > 1);
    if (removable.length === 0) return;
    fc.assert(
      fc.property(inputs, fc.constantFrom(...removable), ([answers, reviews, context], { question }) => {
        const optional = structuredClone(content);
        const removed = structuredClone(content);
        for (const section of optional.sections) {
          section.questions = section.questions.map((q) => (q.key === question.key ? { ...q, required: false } : q));
        }
        for (const section of removed.sections) section.questions = section.questions.filter((q) => q.key !== question.key);
        const open = { ...answers };
        delete open[question.key];
        const withOpen = scoreQuestionnaire(optional, open, reviews, context, TODAY).score;
        const withoutQuestion = scoreQuestionnaire(removed, open, reviews, context, TODAY).score;
        if (withOpen !== null && withoutQuestion !== null) expect(withOpen).toBeLessThanOrEqual(withoutQuestion);
      }),
    );
  });

  it("is capped whenever a critical question fails", () => {
    fc.assert(
      fc.property(inputs, ([answers, reviews, context]) => {
        const result = score(answers, reviews, context);
        if (result.failedCriticals.length > 0) expect(result.score!).toBeLessThanOrEqual(cap);
        expect(result.capped).toBe(result.failedCriticals.length > 0 && result.uncappedScore! > cap);
      }),
    );
  });

  it("is capped when a shown critical question is rejected, however good the rest", () => {
    const criticals = questionsOf(content).filter(({ question }) => question.critical);
    // Not every template has critical questions (contact-center quality has none).
    if (criticals.length === 0) return;
    const allCompliant = Object.fromEntries(questionsOf(content).map(({ question }) => [question.key, compliantValue(question, TODAY)]));
    fc.assert(
      fc.property(arbitraryContext, fc.constantFrom(...criticals), (context, { question }) => {
        const visible = resolveVisibility(content, allCompliant, context).questions;
        if (!visible.has(question.key)) return;
        const given = withoutHiddenAnswers(content, allCompliant, context);
        expect(score(given, {}, context).score).toBe(100);
        const result = score(given, { [question.key]: "rejected" }, context);
        expect(result.failedCriticals).toEqual([question.key]);
        expect(result.capped).toBe(true);
        expect(result.score).toBe(cap);
      }),
    );
  });

  it("ignores whatever is answered to hidden questions", () => {
    fc.assert(
      fc.property(inputs, arbitraryAnswers(content), ([answers, reviews, context], other) => {
        const { questions } = resolveVisibility(content, answers, context);
        const tampered = { ...answers };
        for (const { question } of questionsOf(content)) {
          if (questions.has(question.key)) continue;
          if (question.key in other) tampered[question.key] = other[question.key];
          else delete tampered[question.key];
        }
        expect(score(tampered, reviews, context)).toEqual(score(answers, reviews, context));
        expect(score(withoutHiddenAnswers(content, answers, context), reviews, context)).toEqual(score(answers, reviews, context));
      }),
    );
  });
});
