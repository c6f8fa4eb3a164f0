import { describe, expect, it } from "vitest";
import { resolveVisibility } from "../conditions";
import { parseTemplateContent, questionsOf, type Condition, type LocalizedText, type Question } from "../model";
import { inboundContext, outboundContext } from "../test-fixtures";
import { findStandardTemplate, standardTemplates } from "./index";

const all = standardTemplates.flatMap((template) =>
  questionsOf(template.content).map(({ section, question }) => ({ slug: template.slug, section, question })),
);

const isTranslated = (text: LocalizedText | undefined) => !!text && text.nl.trim().length > 0 && text.en.trim().length > 0;

function answerKeysIn(condition: Condition | undefined): string[] {
  if (!condition) return [];
  switch (condition.kind) {
    case "answer":
      return [condition.question];
    case "context":
      return [];
    case "all":
    case "any":
      return condition.conditions.flatMap(answerKeysIn);
    case "not":
      return answerKeysIn(condition.condition);
  }
}

/** Own key prefix per template; shared questions (hr., ops., reg.) may appear in several. */
const prefixes: Record<string, string> = {
  "avg-processor": "avg.",
  "security-baseline": "sec.",
  telemarketing: "tm.",
  "training-awareness": "trn.",
  "breach-readiness": "brc.",
  "contact-center-quality": "ccq.",
};
const SHARED_PREFIXES = ["hr.", "ops.", "reg.", "tm."];

describe("standard library", () => {
  it("ships the six templates of REFERENCE §8 with stable slugs and versions", () => {
    expect(standardTemplates.map((template) => template.slug)).toEqual(Object.keys(prefixes));
    for (const template of standardTemplates) expect(Number.isInteger(template.version) && template.version >= 1).toBe(true);
    expect(findStandardTemplate("telemarketing")?.content.title.en).toMatch(/Telemarketing/);
    expect(findStandardTemplate("nope")).toBeUndefined();
  });

  it("holds at least 90 questions", () => {
    expect(all.length).toBeGreaterThanOrEqual(90);
  });

  it.each(standardTemplates.map((template) => [template.slug, template] as const))("%s passes the schema unchanged", (_, template) => {
    const result = parseTemplateContent(template.content);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    if (result.success) expect(result.data).toEqual(template.content);
  });

  it.each(standardTemplates.map((template) => [template.slug, template] as const))("%s has unique keys", (_, template) => {
    const keys = questionsOf(template.content).map(({ question }) => question.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sectionKeys = template.content.sections.map((section) => section.key);
    expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
  });

  it("is in Dutch and English throughout", () => {
    for (const template of standardTemplates) {
      expect(isTranslated(template.content.title), template.slug).toBe(true);
      if (template.content.description) expect(isTranslated(template.content.description)).toBe(true);
      for (const section of template.content.sections) expect(isTranslated(section.title), section.key).toBe(true);
    }
    for (const { question } of all) {
      expect(isTranslated(question.text), question.key).toBe(true);
      expect(question.text.nl, `${question.key} is not translated`).not.toBe(question.text.en);
      if (question.help) expect(isTranslated(question.help), question.key).toBe(true);
      if (question.type === "number" && question.unit) expect(isTranslated(question.unit), question.key).toBe(true);
      if (question.type === "single_choice" || question.type === "multiple_choice") {
        for (const option of question.options) expect(isTranslated(option.label), `${question.key}:${option.value}`).toBe(true);
      }
    }
  });

  it("traces every question to a reference", () => {
    for (const { question } of all) expect(question.reference?.trim(), question.key).toBeTruthy();
  });

  it("scores every weighted question, and weighs nothing it does not score", () => {
    for (const { question } of all) {
      if (question.critical) expect(question.scoring, question.key).toBeDefined();
      if (question.weight > 0) expect(question.scoring, question.key).toBeDefined();
      if (!question.scoring) expect(question.weight, question.key).toBe(0);
    }
  });

  it("lets conditions refer only to existing, earlier questions of the same template", () => {
    for (const template of standardTemplates) {
      const earlier = new Set<string>();
      for (const section of template.content.sections) {
        for (const key of answerKeysIn(section.showWhen)) expect(earlier.has(key), `${section.key} -> ${key}`).toBe(true);
        for (const question of section.questions) {
          for (const key of answerKeysIn(question.showWhen)) expect(earlier.has(key), `${question.key} -> ${key}`).toBe(true);
          earlier.add(question.key);
        }
      }
    }
  });

  it("namespaces keys by domain", () => {
    for (const { slug, question } of all) {
      const own = question.key.startsWith(prefixes[slug]);
      const shared = SHARED_PREFIXES.some((prefix) => question.key.startsWith(prefix));
      expect(own || shared, `${slug}: ${question.key}`).toBe(true);
    }
  });

  it("asks a question that appears in several templates in exactly the same way", () => {
    const byKey = new Map<string, Question[]>();
    for (const { question } of all) byKey.set(question.key, [...(byKey.get(question.key) ?? []), question]);
    const reused = [...byKey.entries()].filter(([, versions]) => versions.length > 1);
    expect(reused.map(([key]) => key).sort()).toEqual([
      "hr.confidentiality.signed",
      "ops.subcontracting.authorised",
      "ops.subcontracting.used",
      "reg.enforcement.details",
      "reg.enforcement.recent",
      "tm.training.gtm",
    ]);
    // Where it is shown may differ per template; what is asked and how it scores may not.
    const withoutPlacement = ({ showWhen: _, ...rest }: Question) => rest;
    for (const [, versions] of reused) {
      for (const version of versions) expect(withoutPlacement(version)).toEqual(withoutPlacement(versions[0]));
    }
  });

  it("shows the telemarketing template only for outbound work, and its consent rules only for natural persons", () => {
    const content = findStandardTemplate("telemarketing")!.content;
    expect(resolveVisibility(content, {}, inboundContext).questions.size).toBe(0);
    const b2bOnly = resolveVisibility(content, { "tm.scope.audience": "legal_persons_only" }, outboundContext);
    expect(b2bOnly.sections.has("tm.scope")).toBe(true);
    expect(b2bOnly.sections.has("tm.basis")).toBe(false);
    const consumers = resolveVisibility(content, { "tm.scope.audience": "natural_persons" }, outboundContext);
    expect(consumers.questions.has("tm.optin.records")).toBe(true);
    expect(consumers.questions.has("tm.objection.offered_every_call")).toBe(true);
  });

  it("asks about telemarketing training in the training template only for outbound work", () => {
    const content = findStandardTemplate("training-awareness")!.content;
    expect(resolveVisibility(content, {}, inboundContext).questions.has("tm.training.gtm")).toBe(false);
    expect(resolveVisibility(content, {}, outboundContext).questions.has("tm.training.gtm")).toBe(true);
  });

  it("asks card-payment questions only when the partnership handles payment data", () => {
    const content = findStandardTemplate("security-baseline")!.content;
    expect(resolveVisibility(content, {}, inboundContext).sections.has("sec.payments")).toBe(false);
    const payments = { ...inboundContext, partnership: { ...inboundContext.partnership, dataCategories: ["payment_data"] } };
    expect(resolveVisibility(content, { "sec.payments.card_by_phone": { choice: "yes" } }, payments).questions.has("sec.payments.card_control")).toBe(true);
  });

  it("marks the open points of REFERENCE §10 as to be verified instead of settling them", () => {
    const verify = (key: string) => all.find(({ question }) => question.key === key)?.question.reference ?? "";
    for (const key of [
      "tm.hours.dialer_enforced", // §10.1 calling hours
      "tm.automated.consent_only", // §10.2 voicemail
      "tm.customer.exception_change_readiness", // §10.3 the announced 2026 change
      "avg.instructions.unlawful_flag", // §10.7 art. 28(3) wording
      "avg.dpo.contact", // §10.7 art. 37(7)
      "ccq.iso18295.status", // §10.8 certifying bodies
    ]) {
      expect(verify(key), key).toMatch(/VERIFY/);
    }
  });

  it.each<[string, string, number]>([
    // The Bel-me-niet register was abolished on 1 July 2021: checking it is no legal basis.
    ["tm.basis.per_list", "register_check_only", 0],
    ["tm.basis.per_list", "bought_list", 0],
    // 2013-edition ISO 27001 certificates ceased to be valid on 31 October 2025.
    ["sec.iso27001.status", "edition_2013", 0],
    // Pause-and-resume recording is only a partial PCI control.
    ["sec.payments.card_control", "pause_resume", 0.5],
    ["avg.transfers.mechanism", "none", 0],
  ])("credits %s = %s with %d", (key, value, credit) => {
    const question = all.find(({ question: q }) => q.key === key)!.question;
    if (question.type !== "single_choice" && question.type !== "multiple_choice") throw new Error(`${key} is not a choice`);
    expect(question.options.find((option) => option.value === value)?.credit ?? 0).toBe(credit);
  });

  it("cannot be changed in place", () => {
    expect(() => {
      (standardTemplates[0].content.title as { en: string }).en = "changed";
    }).toThrow(TypeError);
    expect(() => {
      (standardTemplates[0].content.sections as unknown[]).push({});
    }).toThrow(TypeError);
  });
});
