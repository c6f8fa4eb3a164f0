import { describe, expect, it } from "vitest";
import type { Answers } from "./answers";
import { DEFAULT_CRITICAL_CAP, type TemplateContent } from "./model";
import { scoreQuestionnaire, type QuestionScore, type Reviews } from "./scoring";
import { TODAY, compliantFixtureAnswers, fixtureTemplate, inboundContext, outboundContext } from "./test-fixtures";

/** Σ weights of the fixture's scored questions when every one is shown (outbound, transfers). */
const ALL_POSSIBLE = 32;

function score(answers: Answers, reviews: Reviews = {}, context = outboundContext, content: TemplateContent = fixtureTemplate) {
  return scoreQuestionnaire(content, answers, reviews, context, TODAY);
}
const withAnswer = (key: string, value: unknown): Answers => ({ ...compliantFixtureAnswers, [key]: value });
const questionResult = (result: ReturnType<typeof score>, key: string) => result.questions.find((q) => q.key === key)!;
const pick = ({ earned, possible, credit, reason }: QuestionScore) => ({ earned, possible, credit, reason });

describe("scoreQuestionnaire: one question at a time", () => {
  it("gives 100 when every shown question earns full credit", () => {
    const result = score(compliantFixtureAnswers);
    expect(result).toMatchObject({ score: 100, uncappedScore: 100, earned: ALL_POSSIBLE, possible: ALL_POSSIBLE, capped: false, failedCriticals: [] });
  });

  // [question, answer, expected part of the score]
  it.each<[string, unknown, Pick<QuestionScore, "earned" | "possible" | "credit" | "reason">]>([
    ["b.policy", { choice: "yes" }, { earned: 4, possible: 4, credit: 1, reason: "compliant" }],
    ["b.policy", { choice: "partly" }, { earned: 2, possible: 4, credit: 0.5, reason: "partial" }],
    ["b.policy", { choice: "no" }, { earned: 0, possible: 4, credit: 0, reason: "non_compliant" }],
    ["b.policy", { choice: "not_applicable", reason: "no such work" }, { earned: 0, possible: 0, credit: null, reason: "not_applicable" }],
    ["b.policy", { choice: "not_applicable" }, { earned: 0, possible: 4, credit: 0, reason: "invalid" }],
    ["b.policy", undefined, { earned: 0, possible: 4, credit: null, reason: "unanswered" }],
    ["b.fined", { choice: "no" }, { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.fined", { choice: "yes" }, { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.tier", "silver", { earned: 1, possible: 2, credit: 0.5, reason: "partial" }],
    ["b.tier", "none", { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.tier", "platinum", { earned: 0, possible: 2, credit: 0, reason: "invalid" }],
    ["b.controls", ["x"], { earned: 1, possible: 2, credit: 0.5, reason: "partial" }],
    ["b.controls", ["x", "y", "z"], { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.controls", ["none"], { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.percent", 90, { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.percent", 89.9, { earned: 1, possible: 2, credit: 0.5, reason: "partial" }],
    ["b.percent", 75, { earned: 1, possible: 2, credit: 0.5, reason: "partial" }],
    ["b.percent", 74, { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.percent", 150, { earned: 0, possible: 2, credit: 0, reason: "invalid" }],
    ["b.hours", 24, { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.hours", 25, { earned: 1, possible: 2, credit: 0.5, reason: "partial" }],
    ["b.hours", 49, { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.tested", "2024-06-15", { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.tested", "2024-06-14", { earned: 0, possible: 2, credit: 0, reason: "non_compliant" }],
    ["b.contact", "  ", { earned: 0, possible: 2, credit: null, reason: "unanswered" }],
    ["b.notes", "not scored", { earned: 0, possible: 0, credit: null, reason: "not_scored" }],
    ["b.cert", { files: [{ fileId: "a", validUntil: "2025-06-15" }] }, { earned: 2, possible: 2, credit: 1, reason: "compliant" }],
    ["b.cert", { files: [{ fileId: "a", validUntil: "2025-06-14" }] }, { earned: 0, possible: 2, credit: 0, reason: "expired_evidence" }],
    [
      "b.cert",
      { files: [{ fileId: "old", validUntil: "2024-01-01" }, { fileId: "new", validUntil: "2026-01-01" }] },
      { earned: 2, possible: 2, credit: 1, reason: "compliant" },
    ],
    ["b.cert", { files: [{ fileId: "a" }] }, { earned: 0, possible: 2, credit: 0, reason: "invalid" }],
  ])("%s = %j", (key, value, expected) => {
    expect(pick(questionResult(score(withAnswer(key, value)), key))).toEqual(expected);
  });

  it("rounds the score to one decimal", () => {
    // b.policy partly: 30 of 32 = 93.75.
    expect(score(withAnswer("b.policy", { choice: "partly" })).score).toBe(93.8);
  });

  it("uses the rule's partial credit for 'partly' when it sets one", () => {
    const content = structuredClone(fixtureTemplate);
    const policy = content.sections[0].questions[0];
    if (policy.type === "yes_no" && policy.scoring) policy.scoring.partlyCredit = 0.25;
    expect(pick(questionResult(score(withAnswer("b.policy", { choice: "partly" }), {}, outboundContext, content), "b.policy"))).toEqual({
      earned: 1,
      possible: 4,
      credit: 0.25,
      reason: "partial",
    });
  });

  it("leaves 'not applicable' out of both earned and possible points", () => {
    const result = score(withAnswer("b.policy", { choice: "not_applicable", reason: "no such work" }));
    expect(result).toMatchObject({ earned: ALL_POSSIBLE - 4, possible: ALL_POSSIBLE - 4, score: 100 });
  });
});

describe("scoreQuestionnaire: reviews", () => {
  it.each<[string, Reviews, Pick<QuestionScore, "earned" | "possible" | "credit" | "reason">]>([
    ["accepted", { "b.policy": "accepted" }, { earned: 4, possible: 4, credit: 1, reason: "compliant" }],
    ["pending", { "b.policy": "pending" }, { earned: 4, possible: 4, credit: 1, reason: "compliant" }],
    ["clarification requested", { "b.policy": "clarification_requested" }, { earned: 4, possible: 4, credit: 1, reason: "compliant" }],
    ["rejected", { "b.policy": "rejected" }, { earned: 0, possible: 4, credit: 0, reason: "rejected" }],
  ])("%s", (_, reviews, expected) => {
    expect(pick(questionResult(score(compliantFixtureAnswers, reviews), "b.policy"))).toEqual(expected);
  });

  it("counts a rejected 'not applicable' as possible points earning nothing", () => {
    const result = score(withAnswer("b.policy", { choice: "not_applicable", reason: "r" }), { "b.policy": "rejected" });
    expect(pick(questionResult(result, "b.policy"))).toEqual({ earned: 0, possible: 4, credit: 0, reason: "rejected" });
  });

  it("ignores a review of an unanswered question", () => {
    const result = score(withAnswer("b.policy", undefined), { "b.policy": "rejected" });
    expect(questionResult(result, "b.policy").reason).toBe("unanswered");
  });
});

describe("scoreQuestionnaire: critical questions", () => {
  it.each<[string, Answers, Reviews]>([
    ["answered non-compliant", withAnswer("o.optin", { choice: "no" }), {}],
    ["rejected", compliantFixtureAnswers, { "o.optin": "rejected" }],
  ])("caps the score when a critical question is %s", (_, answers, reviews) => {
    const result = score(answers, reviews);
    expect(result.failedCriticals).toEqual(["o.optin"]);
    // 27 of 32 = 84.4 before the cap; the fixture caps at 40.
    expect(result).toMatchObject({ uncappedScore: 84.4, score: 40, capped: true, criticalCap: 40 });
  });

  it("lists every failed critical question in document order", () => {
    const answers = { ...withAnswer("o.optin", { choice: "no" }), "t.mechanism": "none" };
    expect(score(answers).failedCriticals).toEqual(["o.optin", "t.mechanism"]);
  });

  it("does not cap for an unanswered critical question, which earns nothing anyway", () => {
    const result = score(withAnswer("o.optin", undefined));
    expect(result).toMatchObject({ failedCriticals: [], capped: false, score: 84.4 });
  });

  it("keeps a score already below the cap, and says the cap did not apply", () => {
    const answers: Answers = { "o.optin": { choice: "no" }, "b.policy": { choice: "yes" } };
    const result = score(answers);
    expect(result.failedCriticals).toEqual(["o.optin"]);
    // 4 of 25: t.outside is unanswered, so t.mechanism and t.tia stay hidden.
    expect(result).toMatchObject({ score: 16, uncappedScore: 16, capped: false });
  });

  it("caps at REFERENCE §8.7's 50 when the template sets no cap", () => {
    const { criticalCap: _, ...content } = fixtureTemplate;
    const result = score(withAnswer("o.optin", { choice: "no" }), {}, outboundContext, content);
    expect(result).toMatchObject({ score: DEFAULT_CRITICAL_CAP, criticalCap: 50, capped: true });
  });

  it("ignores a failing critical question that is hidden", () => {
    const result = score(withAnswer("o.optin", { choice: "no" }), {}, inboundContext);
    expect(result.failedCriticals).toEqual([]);
    expect(questionResult(result, "o.optin").reason).toBe("hidden");
  });
});

describe("scoreQuestionnaire: visibility and sections", () => {
  it("scores hidden questions as nothing possible, and hidden sections as null", () => {
    const result = score({ ...compliantFixtureAnswers, "t.outside": { choice: "no" } }, {}, inboundContext);
    expect(pick(questionResult(result, "t.mechanism"))).toEqual({ earned: 0, possible: 0, credit: null, reason: "hidden" });
    expect(result.sections).toEqual([
      { key: "basics", visible: true, score: 100, earned: 20, possible: 20 },
      { key: "outbound", visible: false, score: null, earned: 0, possible: 0 },
      { key: "transfers", visible: true, score: null, earned: 0, possible: 0 },
    ]);
    expect(result.score).toBe(100);
  });

  it("scores each section on its own, without the cap", () => {
    const result = score({ ...withAnswer("o.optin", { choice: "no" }), "b.tier": "silver" });
    expect(result.sections.map(({ key, score: s }) => [key, s])).toEqual([
      ["basics", 95],
      ["outbound", 0],
      ["transfers", 100],
    ]);
  });

  it("gives an empty questionnaire 0, not 100", () => {
    expect(score({}).score).toBe(0);
  });

  it("gives null when nothing applicable is scored", () => {
    const infoOnly: TemplateContent = {
      title: { nl: "Alleen info", en: "Info only" },
      sections: [
        {
          key: "s",
          title: { nl: "S", en: "S" },
          questions: [{ key: "s.q", type: "text", text: { nl: "Q", en: "Q" }, required: false, weight: 0, critical: false }],
        },
      ],
    };
    expect(score({ "s.q": "hello" }, {}, outboundContext, infoOnly)).toMatchObject({ score: null, uncappedScore: null, possible: 0 });
  });

  it("does not throw on junk answers", () => {
    const junk = Object.fromEntries(Object.keys(compliantFixtureAnswers).map((key) => [key, { junk: true }]));
    const result = score(junk);
    expect(result.score).toBe(0);
    expect(result.questions.filter((q) => q.possible > 0).every((q) => q.reason === "invalid")).toBe(true);
  });
});
