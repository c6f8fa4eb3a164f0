import { describe, expect, it } from "vitest";
import { isBlankAnswer, validateAnswer, validateSubmission, withoutHiddenAnswers } from "./answers";
import { answerMessages, type AnswerErrorCode } from "./messages";
import { questionsOf, type Question } from "./model";
import { TODAY, compliantFixtureAnswers, fixtureTemplate, inboundContext, outboundContext } from "./test-fixtures";

const byKey = new Map(questionsOf(fixtureTemplate).map(({ question }) => [question.key, question]));
const q = (key: string): Question => byKey.get(key)!;
const codes = (question: string, value: unknown) => validateAnswer(q(question), value, TODAY).map((issue) => issue.code);

describe("isBlankAnswer", () => {
  it.each([
    [undefined, true],
    [null, true],
    ["", true],
    ["   ", true],
    [[], true],
    [{ files: [] }, true],
    [0, false],
    ["0", false],
    [{ choice: "no" }, false],
    [["x"], false],
  ])("%j -> %s", (value, expected) => expect(isBlankAnswer(value)).toBe(expected));
});

describe("validateAnswer", () => {
  // [question, value, expected codes]; an empty list means the answer is fine.
  it.each<[string, unknown, AnswerErrorCode[]]>([
    // blank
    ["b.policy", undefined, ["required_missing"]],
    ["b.policy", null, ["required_missing"]],
    ["b.notes", "", []],
    ["b.hours", undefined, []],
    // yes/no
    ["b.policy", { choice: "yes" }, []],
    ["b.policy", { choice: "partly" }, []],
    ["b.policy", { choice: "no", reason: "still in progress" }, []],
    ["b.policy", { choice: "not_applicable", reason: "only inbound work" }, []],
    ["b.policy", { choice: "not_applicable" }, ["not_applicable_without_reason"]],
    ["b.policy", { choice: "not_applicable", reason: "   " }, ["not_applicable_without_reason"]],
    ["b.policy", { choice: "yes", reason: "x".repeat(2001) }, ["text_too_long"]],
    ["b.fined", { choice: "partly" }, ["answer_not_allowed"]],
    ["b.fined", { choice: "not_applicable", reason: "r" }, ["answer_not_allowed"]],
    ["b.policy", { choice: "maybe" }, ["wrong_type"]],
    ["b.policy", "yes", ["wrong_type"]],
    ["b.policy", { choice: "yes", extra: 1 }, ["wrong_type"]],
    // single choice
    ["b.tier", "gold", []],
    ["b.tier", "platinum", ["unknown_option"]],
    ["b.tier", ["gold"], ["wrong_type"]],
    ["b.tier", 1, ["wrong_type"]],
    // multiple choice
    ["b.controls", ["x", "y", "z"], []],
    ["b.controls", ["none"], []],
    ["b.controls", ["x", "x"], ["duplicate_option"]],
    ["b.controls", ["x", "w"], ["unknown_option"]],
    ["b.controls", ["x", "none"], ["exclusive_option_combined"]],
    ["b.controls", ["x", "y", "z", "none"], ["exclusive_option_combined", "too_many_options"]],
    ["b.controls", "x", ["wrong_type"]],
    ["b.controls", [1], ["wrong_type"]],
    // number
    ["b.percent", 0, []],
    ["b.percent", 100, []],
    ["b.percent", 99.5, []],
    ["b.percent", 101, ["out_of_bounds"]],
    ["b.percent", -1, ["out_of_bounds"]],
    ["b.percent", "90", ["wrong_type"]],
    ["b.percent", Number.NaN, ["wrong_type"]],
    ["b.percent", Number.POSITIVE_INFINITY, ["wrong_type"]],
    ["b.hours", 12.5, ["not_integer"]],
    ["b.hours", 100_000, []],
    // date
    ["b.tested", "2025-06-15", []],
    ["b.tested", "2020-01-01", []],
    ["b.tested", "2025-06-16", ["date_in_future"]],
    ["b.tested", "2025-02-30", ["invalid_date"]],
    ["b.tested", "15-06-2025", ["invalid_date"]],
    ["b.tested", 20250615, ["wrong_type"]],
    // text
    ["b.notes", "short", []],
    ["b.notes", "x".repeat(21), ["text_too_long"]],
    ["b.notes", 5, ["wrong_type"]],
    // evidence
    ["b.cert", { files: [{ fileId: "a", validUntil: "2025-06-15" }] }, []],
    ["b.cert", { files: [{ fileId: "a", validUntil: "2025-06-14" }] }, ["evidence_expired"]],
    ["b.cert", { files: [{ fileId: "a" }] }, ["missing_valid_until"]],
    ["b.cert", { files: [{ fileId: "a", validUntil: "soon" }] }, ["invalid_date"]],
    ["b.cert", { files: [{ fileId: "a", validUntil: "2026-01-01" }, { fileId: "a", validUntil: "2026-01-01" }] }, ["duplicate_file"]],
    [
      "b.cert",
      { files: ["a", "b", "c"].map((fileId) => ({ fileId, validUntil: "2026-01-01" })) },
      ["too_many_files"],
    ],
    ["b.cert", { files: [] }, ["required_missing"]],
    ["b.cert", { files: [{ fileId: "" }] }, ["wrong_type"]],
    ["b.cert", { files: [{ fileId: "a", uploadedBy: "x" }] }, ["wrong_type"]],
    ["b.cert", ["a"], ["wrong_type"]],
    ["t.tia", { files: [{ fileId: "a" }] }, []],
  ])("%s = %j -> %j", (question, value, expected) => {
    expect(codes(question, value)).toEqual(expected);
  });

  it("reports too few files against the question's minimum", () => {
    const question = { ...q("b.cert"), minFiles: 2 } as Question;
    expect(validateAnswer(question, { files: [{ fileId: "a", validUntil: "2026-01-01" }] }, TODAY).map((i) => i.code)).toEqual(["too_few_files"]);
  });

  it("reports too few options against the question's minimum", () => {
    const question = { ...q("b.controls"), minSelections: 2 } as Question;
    expect(validateAnswer(question, ["x"], TODAY).map((i) => i.code)).toEqual(["too_few_options"]);
  });

  it("gives each issue its i18n key and the bounds the message needs", () => {
    expect(validateAnswer(q("b.percent"), 101, TODAY)).toEqual([
      { code: "out_of_bounds", messageKey: answerMessages.out_of_bounds, params: { min: 0, max: 100 } },
    ]);
    expect(answerMessages.required_missing).toBe("questionnaires:validation.answer.requiredMissing");
  });
});

describe("validateSubmission", () => {
  it("accepts a complete, fitting submission", () => {
    const result = validateSubmission(fixtureTemplate, compliantFixtureAnswers, outboundContext, TODAY);
    expect(result.errors).toEqual({});
    expect(result.isValid).toBe(true);
  });

  it("requires only what is shown", () => {
    const result = validateSubmission(fixtureTemplate, {}, inboundContext, TODAY);
    expect(Object.keys(result.errors)).toEqual(["b.policy", "b.fined", "b.tier", "b.controls", "b.percent", "b.tested", "b.cert", "t.outside"]);
    expect(Object.values(result.errors).flat().every((issue) => issue.code === "required_missing")).toBe(true);
  });

  it("refuses answers to hidden questions and to questions not in the version", () => {
    const answers = { ...compliantFixtureAnswers, "t.outside": { choice: "no" }, "x.unknown": "hello", "x.blank": "" };
    const result = validateSubmission(fixtureTemplate, answers, inboundContext, TODAY);
    expect(result.isValid).toBe(false);
    expect(Object.fromEntries(Object.entries(result.errors).map(([key, issues]) => [key, issues.map((i) => i.code)]))).toEqual({
      "o.optin": ["hidden_question_answered"],
      "t.mechanism": ["hidden_question_answered"],
      "t.tia": ["hidden_question_answered"],
      "x.unknown": ["unknown_question"],
    });
  });

  it("checks each answer against its question", () => {
    const answers = { ...compliantFixtureAnswers, "b.percent": 120, "b.tier": ["gold"] };
    const result = validateSubmission(fixtureTemplate, answers, outboundContext, TODAY);
    expect(result.errors["b.percent"].map((i) => i.code)).toEqual(["out_of_bounds"]);
    expect(result.errors["b.tier"].map((i) => i.code)).toEqual(["wrong_type"]);
  });

  it("accepts the same answers once the hidden ones are dropped", () => {
    const answers = { ...compliantFixtureAnswers, "t.outside": { choice: "no" }, "x.unknown": "hello" };
    const kept = withoutHiddenAnswers(fixtureTemplate, answers, inboundContext);
    expect(Object.keys(kept)).not.toContain("o.optin");
    expect(Object.keys(kept)).not.toContain("t.mechanism");
    expect(Object.keys(kept)).not.toContain("x.unknown");
    expect(validateSubmission(fixtureTemplate, kept, inboundContext, TODAY).isValid).toBe(true);
  });
});
