import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCondition, resolveVisibility } from "./conditions";
import type { Condition, ConditionOperator, ContextField } from "./model";
import { arbitraryAnswers, arbitraryContext, contextWith, fixtureTemplate, inboundContext, outboundContext } from "./test-fixtures";

const answers: Record<string, unknown> = {
  yn: { choice: "yes" },
  na: { choice: "not_applicable", reason: "no outbound" },
  single: "scc",
  multi: ["consent", "current_customer"],
  num: 80,
  day: "2025-03-01",
  txt: "hello",
  broken: { nope: true },
};
const lookup = (key: string) => answers[key];
const context = contextWith({ services: ["inbound", "outbound"], dataCategories: ["payment_data"], riskTier: 2, countries: ["NL", "sr"] });

const ans = (question: string, op: ConditionOperator, value: string | number): Condition => ({ kind: "answer", question, op, value });
const ctx = (field: ContextField, op: ConditionOperator, value: string | number): Condition => ({ kind: "context", field, op, value });

describe("evaluateCondition", () => {
  it.each<[string, Condition, boolean]>([
    ["yes/no equals its choice", ans("yn", "equals", "yes"), true],
    ["yes/no equals another choice", ans("yn", "equals", "no"), false],
    ["n.a. equals not_applicable", ans("na", "equals", "not_applicable"), true],
    ["single choice equals", ans("single", "equals", "scc"), true],
    ["single choice differs", ans("single", "equals", "bcr"), false],
    ["multiple choice includes", ans("multi", "includes", "consent"), true],
    ["multiple choice lacks", ans("multi", "includes", "bought_list"), false],
    ["includes on a string is false", ans("single", "includes", "scc"), false],
    ["number at least, equal", ans("num", "at_least", 80), true],
    ["number at least, below", ans("num", "at_least", 81), false],
    ["number at most", ans("num", "at_most", 80), true],
    ["number equals", ans("num", "equals", 80), true],
    ["number against a string", ans("num", "at_least", "50"), false],
    ["date at least, earlier bound", ans("day", "at_least", "2025-01-01"), true],
    ["date at most, earlier bound", ans("day", "at_most", "2025-01-01"), false],
    ["text equals", ans("txt", "equals", "hello"), true],
    ["unanswered equals", ans("missing", "equals", "yes"), false],
    ["unanswered at least", ans("missing", "at_least", 0), false],
    ["malformed answer", ans("broken", "equals", "yes"), false],
    ["services include outbound", ctx("partnership.services", "includes", "outbound"), true],
    ["services lack chat", ctx("partnership.services", "includes", "chat"), false],
    ["data categories include payment data", ctx("partnership.dataCategories", "includes", "payment_data"), true],
    ["countries compare uppercase", ctx("partnership.countries", "includes", "SR"), true],
    ["a lowercase condition still matches", ctx("partnership.countries", "includes", "nl"), true],
    ["risk tier equals", ctx("partnership.riskTier", "equals", 2), true],
    ["risk tier at most 1", ctx("partnership.riskTier", "at_most", 1), false],
    ["risk tier at least 2", ctx("partnership.riskTier", "at_least", 2), true],
    ["all: every part holds", { kind: "all", conditions: [ans("yn", "equals", "yes"), ans("num", "at_least", 50)] }, true],
    ["all: one part fails", { kind: "all", conditions: [ans("yn", "equals", "yes"), ans("num", "at_least", 90)] }, false],
    ["any: one part holds", { kind: "any", conditions: [ans("yn", "equals", "no"), ans("num", "at_least", 50)] }, true],
    ["any: none holds", { kind: "any", conditions: [ans("yn", "equals", "no"), ans("num", "at_least", 90)] }, false],
    ["not inverts", { kind: "not", condition: ans("yn", "equals", "no") }, true],
    ["not on an unanswered question is true", { kind: "not", condition: ans("missing", "equals", "yes") }, true],
  ])("%s", (_, condition, expected) => {
    expect(evaluateCondition(condition, lookup, context)).toBe(expected);
  });
});

describe("resolveVisibility", () => {
  it("hides the outbound section unless the partnership has outbound services", () => {
    expect(resolveVisibility(fixtureTemplate, {}, inboundContext).sections.has("outbound")).toBe(false);
    expect(resolveVisibility(fixtureTemplate, {}, inboundContext).questions.has("o.optin")).toBe(false);
    expect(resolveVisibility(fixtureTemplate, {}, outboundContext).sections.has("outbound")).toBe(true);
    expect(resolveVisibility(fixtureTemplate, {}, outboundContext).questions.has("o.optin")).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["nothing answered: follow-ups hidden", {}, ["t.outside"]],
    ["trigger answered no", { "t.outside": { choice: "no" } }, ["t.outside"]],
    ["trigger answered yes", { "t.outside": { choice: "yes" } }, ["t.outside", "t.mechanism"]],
    ["second level shown", { "t.outside": { choice: "yes" }, "t.mechanism": "scc" }, ["t.outside", "t.mechanism", "t.tia"]],
    // The stale answer to t.mechanism must not keep t.tia visible once t.mechanism is hidden.
    ["hiding cascades", { "t.outside": { choice: "no" }, "t.mechanism": "scc" }, ["t.outside"]],
  ])("%s", (_, given, visible) => {
    const { questions } = resolveVisibility(fixtureTemplate, given, inboundContext);
    expect([...questions].filter((key) => key.startsWith("t."))).toEqual(visible);
  });

  it("never shows a question whose section is hidden, nor one whose trigger is hidden", () => {
    fc.assert(
      fc.property(arbitraryAnswers(fixtureTemplate), arbitraryContext, (given, facts) => {
        const { sections, questions } = resolveVisibility(fixtureTemplate, given, facts);
        for (const section of fixtureTemplate.sections) {
          if (!sections.has(section.key)) for (const question of section.questions) expect(questions.has(question.key)).toBe(false);
        }
        if (questions.has("t.tia")) expect(questions.has("t.mechanism")).toBe(true);
      }),
    );
  });
});
