import { describe, expect, it } from "vitest";
import { standardTemplates } from "../library/index";
import { fixtureTemplate } from "../test-fixtures";
import { exportTemplateJson, importTemplateJson, TEMPLATE_JSON_FORMAT, transferMessages } from "./json-transfer";

describe("JSON transfer", () => {
  it.each(standardTemplates.map((t) => [t.slug, t.content] as const))("round-trips library template %s losslessly", (_, content) => {
    const result = importTemplateJson(exportTemplateJson(content));
    expect(result).toEqual({ ok: true, content });
  });

  it("round-trips the fixture that uses every feature", () => {
    expect(importTemplateJson(exportTemplateJson(fixtureTemplate))).toEqual({ ok: true, content: fixtureTemplate });
  });

  it("names the format and its version", () => {
    expect(JSON.parse(exportTemplateJson(fixtureTemplate))).toMatchObject({ format: TEMPLATE_JSON_FORMAT, formatVersion: 1 });
  });

  it.each([
    ["not JSON", "{nope", transferMessages.notJson],
    ["another format", JSON.stringify({ format: "other", content: {} }), transferMessages.wrongFormat],
    ["a future version", JSON.stringify({ format: TEMPLATE_JSON_FORMAT, formatVersion: 2, content: {} }), transferMessages.unsupportedVersion],
  ])("refuses %s", (_, text, key) => {
    const result = importTemplateJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].messageKey).toBe(key);
  });

  it("reports invalid content with the path of each problem", () => {
    const broken = structuredClone(fixtureTemplate) as unknown as { sections: { questions: { key: string; weight: number }[] }[] };
    broken.sections[0].questions[0].key = "Not A Key";
    broken.sections[0].questions[1].weight = -1;
    const result = importTemplateJson(JSON.stringify({ format: TEMPLATE_JSON_FORMAT, formatVersion: 1, content: broken }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => `${i.path} ${i.messageKey}`);
    expect(paths).toContain("content.sections.0.questions.0.key questionnaires:validation.invalidKey");
    expect(paths).toContain("content.sections.0.questions.1.weight questionnaires:validation.tooSmall");
  });
});
