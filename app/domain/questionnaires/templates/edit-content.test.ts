import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { parseTemplateContent, type TemplateContent } from "../model";
import { fixtureTemplate } from "../test-fixtures";
import { applyEdit, blankContent, starterQuestion, type TemplateEdit } from "./edit-content";

const twoSections: TemplateContent = {
  title: { nl: "T", en: "T" },
  sections: [
    { key: "a", title: { nl: "A", en: "A" }, questions: [starterQuestion("a.one"), starterQuestion("a.two")] },
    { key: "b", title: { nl: "B", en: "B" }, questions: [starterQuestion("b.one")] },
  ],
};
const layout = (content: TemplateContent) => content.sections.map((s) => `${s.key}:${s.questions.map((q) => q.key).join(",")}`);

describe("applyEdit", () => {
  it("never changes its input", () => {
    const before = structuredClone(twoSections);
    applyEdit(twoSections, { op: "removeQuestion", questionKey: "a.one" });
    expect(twoSections).toEqual(before);
  });

  it.each<[string, TemplateEdit, string[]]>([
    ["moves a question down within its section", { op: "moveQuestion", questionKey: "a.one", direction: "down" }, ["a:a.two,a.one", "b:b.one"]],
    ["moves a question down into the next section", { op: "moveQuestion", questionKey: "a.two", direction: "down" }, ["a:a.one", "b:a.two,b.one"]],
    ["keeps the first question in place when moved up", { op: "moveQuestion", questionKey: "a.one", direction: "up" }, ["a:a.one,a.two", "b:b.one"]],
    ["moves a section", { op: "moveSection", sectionKey: "b", direction: "up" }, ["b:b.one", "a:a.one,a.two"]],
    ["keeps the last section in place when moved down", { op: "moveSection", sectionKey: "b", direction: "down" }, ["a:a.one,a.two", "b:b.one"]],
    ["moves a question to another section", { op: "moveQuestionToSection", questionKey: "a.one", sectionKey: "b" }, ["a:a.two", "b:b.one,a.one"]],
    ["removes a question", { op: "removeQuestion", questionKey: "a.two" }, ["a:a.one", "b:b.one"]],
    ["removes a section", { op: "removeSection", sectionKey: "a" }, ["b:b.one"]],
    ["adds a section with a starter question", { op: "addSection", key: "c", title: { nl: "C", en: "C" } }, ["a:a.one,a.two", "b:b.one", "c:c.question_1"]],
    ["adds a question at the end of a section", { op: "addQuestion", sectionKey: "b", question: starterQuestion("b.two") }, ["a:a.one,a.two", "b:b.one,b.two"]],
  ])("%s", (_, edit, expected) => {
    expect(layout(applyEdit(twoSections, edit))).toEqual(expected);
  });

  it.each<[string, TemplateEdit]>([
    ["an unknown section", { op: "removeSection", sectionKey: "zz" }],
    ["an unknown question", { op: "updateQuestion", questionKey: "zz", question: starterQuestion("zz") }],
    ["the last question of a section", { op: "removeQuestion", questionKey: "b.one" }],
    ["moving the only question of a section up out of it", { op: "moveQuestion", questionKey: "b.one", direction: "up" }],
    ["moving the only question out", { op: "moveQuestionToSection", questionKey: "b.one", sectionKey: "a" }],
  ])("refuses %s", (_, edit) => {
    expect(() => applyEdit(twoSections, edit)).toThrow(DomainError);
  });

  it("moves a question up into the previous section", () => {
    const three = applyEdit(twoSections, { op: "addQuestion", sectionKey: "b", question: starterQuestion("b.two") });
    expect(layout(applyEdit(three, { op: "moveQuestion", questionKey: "b.one", direction: "up" }))).toEqual(["a:a.one,a.two,b.one", "b:b.two"]);
  });

  it("refuses to remove the last section", () => {
    expect(() => applyEdit(blankContent({ nl: "x", en: "x" }), { op: "removeSection", sectionKey: "general" })).toThrow(DomainError);
  });

  it("sets and clears conditions and scoring rules", () => {
    const gated = applyEdit(twoSections, {
      op: "setSectionCondition",
      sectionKey: "b",
      condition: { kind: "answer", question: "a.one", op: "equals", value: "yes" },
    });
    expect(gated.sections[1].showWhen).toEqual({ kind: "answer", question: "a.one", op: "equals", value: "yes" });
    expect(parseTemplateContent(gated).success).toBe(true);
    expect(applyEdit(gated, { op: "setSectionCondition", sectionKey: "b", condition: null }).sections[1]).not.toHaveProperty("showWhen");

    const followUp = applyEdit(twoSections, {
      op: "setQuestionCondition",
      questionKey: "a.two",
      condition: { kind: "answer", question: "a.one", op: "equals", value: "no" },
    });
    expect(followUp.sections[0].questions[1].showWhen).toBeDefined();

    const unscored = applyEdit(twoSections, { op: "setScoring", questionKey: "a.one", scoring: null });
    expect(unscored.sections[0].questions[0]).not.toHaveProperty("scoring");
    const rescored = applyEdit(unscored, { op: "setScoring", questionKey: "a.one", scoring: { kind: "yes_no", compliantAnswer: "no" } });
    expect(rescored.sections[0].questions[0].scoring).toEqual({ kind: "yes_no", compliantAnswer: "no" });
  });

  it("updates a section and the template's own fields", () => {
    const renamed = applyEdit(twoSections, { op: "updateSection", sectionKey: "a", key: "a2", title: { nl: "A2", en: "A2" }, description: { nl: "d", en: "d" } });
    expect(renamed.sections[0]).toMatchObject({ key: "a2", title: { nl: "A2" }, description: { nl: "d" } });
    const meta = applyEdit(twoSections, { op: "setMeta", title: { nl: "N", en: "E" }, criticalCap: 40 });
    expect(meta).toMatchObject({ title: { nl: "N", en: "E" }, criticalCap: 40 });
    expect(meta.sections).toEqual(twoSections.sections);
  });

  it("leaves a valid template valid when a question is moved down to the end", () => {
    let content = structuredClone(fixtureTemplate);
    const first = content.sections[0].questions[0].key;
    content = applyEdit(content, { op: "moveQuestion", questionKey: first, direction: "down" });
    expect(content.sections[0].questions[1].key).toBe(first);
  });

  it("makes valid blank content", () => {
    expect(parseTemplateContent(blankContent({ nl: "Nieuw", en: "New" })).success).toBe(true);
  });
});
