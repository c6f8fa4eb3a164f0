import { describe, expect, it } from "vitest";
import { allValidationMessageKeys, templateMessages as m } from "./messages";
import { parseTemplateContent, type Condition, type Question, type TemplateContent } from "./model";
import { fixtureTemplate } from "./test-fixtures";

/** A deep copy of the fixture with one change applied; the change may break typing on purpose. */
function changed(edit: (content: any) => void): unknown {
  const copy = structuredClone(fixtureTemplate);
  edit(copy);
  return copy;
}

function issuesOf(input: unknown) {
  const result = parseTemplateContent(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ message: issue.message, path: issue.path.join(".") }));
}

const question = (content: any, key: string): any =>
  content.sections.flatMap((section: any) => section.questions).find((q: Question) => q.key === key);

const answerCondition = (question: string, op: string, value: string | number): Condition =>
  ({ kind: "answer", question, op, value }) as Condition;

describe("template content schema", () => {
  it("accepts the fixture, which uses every question type, rule and condition", () => {
    expect(issuesOf(fixtureTemplate)).toEqual([]);
  });

  it("trims text and keeps the content otherwise unchanged", () => {
    const result = parseTemplateContent(changed((c) => (c.title.en = "  Fixture  ")));
    expect(result.success && result.data.title.en).toBe("Fixture");
  });

  // Each row breaks one rule; the schema must report exactly that rule at that place.
  it.each<[string, (content: any) => void, string, string]>([
    ["duplicate section key", (c) => (c.sections[1].key = "basics"), m.duplicateSectionKey, "sections.1.key"],
    ["duplicate question key", (c) => (question(c, "b.fined").key = "b.policy"), m.duplicateQuestionKey, "sections.0.questions.1.key"],
    [
      "duplicate question key across sections",
      (c) => (question(c, "o.optin").key = "b.policy"),
      m.duplicateQuestionKey,
      "sections.1.questions.0.key",
    ],
    ["duplicate option value", (c) => (question(c, "b.tier").options[1].value = "gold"), m.duplicateOptionValue, "sections.0.questions.2.options.1.value"],
    ["number bounds inverted", (c) => Object.assign(question(c, "b.percent"), { min: 10, max: 5 }), m.boundsInverted, "sections.0.questions.4.max"],
    ["file bounds inverted", (c) => Object.assign(question(c, "b.cert"), { minFiles: 3, maxFiles: 2 }), m.fileBoundsInverted, "sections.0.questions.9.maxFiles"],
    ["max selections above the options", (c) => (question(c, "b.controls").maxSelections = 9), m.selectionBoundsInvalid, "sections.0.questions.3.maxSelections"],
    ["min selections above max", (c) => Object.assign(question(c, "b.controls"), { minSelections: 3, maxSelections: 2 }), m.selectionBoundsInvalid, "sections.0.questions.3.maxSelections"],
    ["critical question without a rule", (c) => delete question(c, "o.optin").scoring, m.criticalWithoutScoring, "sections.1.questions.0.scoring"],
    [
      "scored choice that no option can satisfy",
      (c) => question(c, "b.tier").options.forEach((o: any) => delete o.credit),
      m.scoringUnreachable,
      "sections.0.questions.2.scoring",
    ],
    [
      "duplicate threshold",
      (c) => (question(c, "b.percent").scoring.thresholds[1].value = 90),
      m.duplicateThreshold,
      "sections.0.questions.4.scoring.thresholds.1.value",
    ],
    [
      "condition on an unknown question",
      (c) => (question(c, "t.mechanism").showWhen = answerCondition("t.nope", "equals", "yes")),
      m.conditionUnknownQuestion,
      "sections.2.questions.1.showWhen.question",
    ],
    [
      "condition on a later question",
      (c) => (question(c, "b.policy").showWhen = answerCondition("b.fined", "equals", "yes")),
      m.conditionForwardReference,
      "sections.0.questions.0.showWhen.question",
    ],
    [
      "condition on the question itself",
      (c) => (question(c, "b.fined").showWhen = answerCondition("b.fined", "equals", "yes")),
      m.conditionForwardReference,
      "sections.0.questions.1.showWhen.question",
    ],
    [
      "section gate on a question inside that section",
      (c) => (c.sections[2].showWhen = answerCondition("t.outside", "equals", "yes")),
      m.conditionForwardReference,
      "sections.2.showWhen.question",
    ],
    [
      "cycle through two questions",
      (c) => {
        question(c, "t.outside").showWhen = answerCondition("t.mechanism", "equals", "scc");
      },
      m.conditionForwardReference,
      "sections.2.questions.0.showWhen.question",
    ],
    [
      "includes on a yes/no question",
      (c) => (question(c, "t.mechanism").showWhen = answerCondition("t.outside", "includes", "yes")),
      m.conditionOperatorInvalid,
      "sections.2.questions.1.showWhen.op",
    ],
    [
      "a value the yes/no question cannot have",
      (c) => (question(c, "t.mechanism").showWhen = answerCondition("t.outside", "equals", "maybe")),
      m.conditionValueInvalid,
      "sections.2.questions.1.showWhen.value",
    ],
    [
      "an option the question does not have",
      (c) => (question(c, "t.tia").showWhen = answerCondition("t.mechanism", "equals", "bcr")),
      m.conditionValueInvalid,
      "sections.2.questions.2.showWhen.value",
    ],
    [
      "at_least on a number with a string",
      (c) => (question(c, "b.hours").showWhen = answerCondition("b.percent", "at_least", "90")),
      m.conditionValueInvalid,
      "sections.0.questions.5.showWhen.value",
    ],
    [
      "a condition on an evidence question",
      (c) => (question(c, "o.optin").showWhen = answerCondition("b.cert", "equals", "x")),
      m.conditionOperatorInvalid,
      "sections.1.questions.0.showWhen.op",
    ],
    [
      "equals on the services list",
      (c) => (c.sections[1].showWhen = { kind: "context", field: "partnership.services", op: "equals", value: "outbound" }),
      m.conditionOperatorInvalid,
      "sections.1.showWhen.op",
    ],
    [
      "an unknown service",
      (c) => (c.sections[1].showWhen = { kind: "context", field: "partnership.services", op: "includes", value: "outbund" }),
      m.conditionValueInvalid,
      "sections.1.showWhen.value",
    ],
    [
      "a risk tier that does not exist",
      (c) => (c.sections[1].showWhen = { kind: "context", field: "partnership.riskTier", op: "at_most", value: 4 }),
      m.conditionValueInvalid,
      "sections.1.showWhen.value",
    ],
    [
      "an unknown country code",
      (c) => (c.sections[1].showWhen = { kind: "context", field: "partnership.countries", op: "includes", value: "XX" }),
      m.conditionValueInvalid,
      "sections.1.showWhen.value",
    ],
    [
      "conditions nested too deep",
      (c) => {
        let condition: any = { kind: "context", field: "partnership.riskTier", op: "equals", value: 1 };
        for (let i = 0; i < 7; i++) condition = { kind: "not", condition };
        c.sections[1].showWhen = condition;
      },
      m.conditionTooDeep,
      "sections.1.showWhen.condition.condition.condition.condition.condition.condition",
    ],
    ["negative weight", (c) => (question(c, "b.policy").weight = -1), m.tooSmall, "sections.0.questions.0.weight"],
    ["weight above the maximum", (c) => (question(c, "b.policy").weight = 1000), m.tooBig, "sections.0.questions.0.weight"],
    ["a key that is not a dotted slug", (c) => (question(c, "b.policy").key = "B Policy"), m.invalidKey, "sections.0.questions.0.key"],
    ["an option value that is not a slug", (c) => (question(c, "b.tier").options[0].value = "Gold!"), m.invalidOptionValue, "sections.0.questions.2.options.0.value"],
    ["an unknown field", (c) => (question(c, "b.policy").colour = "red"), m.unknownField, "sections.0.questions.0"],
    ["a missing translation", (c) => delete question(c, "b.policy").text.en, m.required, "sections.0.questions.0.text.en"],
    ["an empty translation", (c) => (question(c, "b.policy").text.nl = "   "), m.empty, "sections.0.questions.0.text.nl"],
    ["an unknown question type", (c) => (question(c, "b.notes").type = "slider"), m.invalidValue, "sections.0.questions.7.type"],
    ["a rule of another type", (c) => (question(c, "b.tier").scoring = { kind: "non_empty" }), m.invalidValue, "sections.0.questions.2.scoring.kind"],
    ["credit above 1", (c) => (question(c, "b.tier").options[0].credit = 1.5), m.tooBig, "sections.0.questions.2.options.0.credit"],
    ["a fractional number of months", (c) => (question(c, "b.tested").scoring.months = 1.5), m.notInteger, "sections.0.questions.6.scoring.months"],
    ["a cap above 100", (c) => (c.criticalCap = 120), m.tooBig, "criticalCap"],
    ["a section without questions", (c) => (c.sections[1].questions = []), m.tooFew, "sections.1.questions"],
    ["a choice with one option", (c) => (question(c, "b.tier").options = [question(c, "b.tier").options[0]]), m.tooFew, "sections.0.questions.2.options"],
    ["a required flag that is not a boolean", (c) => (question(c, "b.policy").required = "yes"), m.invalidType, "sections.0.questions.0.required"],
  ])("reports %s", (_, edit, message, path) => {
    expect(issuesOf(changed(edit))).toContainEqual({ message, path });
  });

  it("speaks only in i18n keys that the UI has been told about", () => {
    const broken = [
      changed((c) => (c.sections = "none")),
      changed((c) => (question(c, "b.policy").scoring = { kind: "yes_no", compliantAnswer: "maybe", extra: 1 })),
      changed((c) => (c.sections[0].questions[0] = 7)),
      changed((c) => (c.sections[1].showWhen = { kind: "sometimes" })),
      changed((c) => (question(c, "b.tier").key = "x".repeat(500))),
      null,
    ];
    const known = new Set(allValidationMessageKeys);
    for (const input of broken) {
      const issues = issuesOf(input);
      expect(issues.length).toBeGreaterThan(0);
      for (const { message } of issues) expect(known.has(message), message).toBe(true);
    }
  });

  it("types a valid template as TemplateContent", () => {
    const result = parseTemplateContent(fixtureTemplate);
    const content: TemplateContent | undefined = result.success ? result.data : undefined;
    expect(content?.sections.map((section) => section.key)).toEqual(["basics", "outbound", "transfers"]);
  });
});
