import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fillMergeFields,
  MERGE_FIELDS,
  mergeFieldsIn,
  mergeValues,
  parseContent,
  publishIssues,
  renderAgreementText,
  textBlocks,
  unknownMergeFields,
  type AgreementContent,
  type MergeData,
} from "./content";
import { defaultAgreementContent } from "./default-template";

const data: MergeData = {
  clientName: "Voltera Energie B.V.",
  vendorName: "KlantContact Noord B.V.",
  services: "Inbound",
  dataCategories: "Contact details",
  dataSubjects: "Customers",
  purposes: "Customer service",
  retention: "90 days",
  subprocessors: "none",
  countries: "Netherlands",
  securityAnnex: "ISO 27001",
};
const terms = { effectiveDate: "2026-01-01", endDate: "2027-12-31", breachNotificationHours: 24, subprocessorNoticeDays: 30 };

const small: AgreementContent = {
  name: { nl: "Overeenkomst {{vendor.name}}", en: "Agreement {{vendor.name}}" },
  clauses: [
    { key: "a", heading: { nl: "Partijen", en: "Parties" }, body: { nl: "{{client.name}} en {{vendor.name}}.", en: "{{client.name}} and {{ vendor.name }}, processor." } },
    { key: "b", heading: { nl: "Datalek", en: "Breach" }, body: { nl: "Binnen {{breachNotificationHours}} uur.", en: "Within {{breachNotificationHours}} hours, until {{endDate}}." } },
  ],
};

describe("mergeFieldsIn", () => {
  it.each([
    ["no fields", []],
    ["{{client.name}} and {{client.name}}", ["client.name"]],
    ["{{ services }}{{countries}}", ["services", "countries"]],
    ["{{}} and {{unknown.thing}}", ["", "unknown.thing"]],
  ])("%s", (text, expected) => {
    expect(mergeFieldsIn(text)).toEqual(expected);
  });
});

describe("renderAgreementText", () => {
  it("fills every merge field in the chosen language, numbers the clauses and prints the reference", () => {
    const en = renderAgreementText(small, "en", mergeValues(data, terms, "en"), "ref-1");
    expect(en).toBe(
      "Agreement KlantContact Noord B.V.\n\nReference: ref-1\n\n1. Parties\n\nVoltera Energie B.V. and KlantContact Noord B.V., processor.\n\n2. Breach\n\nWithin 24 hours, until 31 Dec 2027.\n",
    );
    const nl = renderAgreementText(small, "nl", mergeValues(data, terms, "nl"), "ref-1");
    expect(nl).toContain("Kenmerk: ref-1");
    expect(nl).toContain("Binnen 24 uur.");
  });

  it("writes open-ended and missing values in words, never as blanks", () => {
    const values = mergeValues({ ...data, retention: "  " }, { ...terms, endDate: null, breachNotificationHours: null }, "en");
    expect(values.endDate).toBe("an indefinite period");
    expect(values.breachNotificationHours).toBe("without undue delay");
    expect(values.retention).toBe("-");
  });

  it("renders the shipped default template completely in both languages", () => {
    for (const language of ["nl", "en"] as const) {
      const text = renderAgreementText(defaultAgreementContent, language, mergeValues(data, terms, language));
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toContain("Voltera Energie B.V.");
      expect(text).toContain("KlantContact Noord B.V.");
    }
  });

  it("is deterministic and normalizes line endings and trailing spaces", () => {
    const withCrLf: AgreementContent = { ...small, clauses: [{ ...small.clauses[0], body: { nl: "a  \r\nb", en: "a  \r\nb" } }] };
    const text = renderAgreementText(withCrLf, "en", mergeValues(data, terms, "en"));
    expect(text).toContain("a\nb");
    expect(renderAgreementText(withCrLf, "en", mergeValues(data, terms, "en"))).toBe(text);
  });

  it("leaves text without merge fields as written (property)", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("{{")), (text) => {
        expect(fillMergeFields(text, mergeValues(data, terms, "en"))).toBe(text);
      }),
    );
  });

  it("never lets a value re-introduce a merge field that is filled again (property)", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = fillMergeFields("{{services}}|{{countries}}", { services: value, countries: "NL" });
        expect(out).toBe(`${value}|NL`);
      }),
    );
  });
});

describe("textBlocks", () => {
  it("splits frozen text into the title, headings and paragraphs", () => {
    const text = renderAgreementText(small, "en", mergeValues(data, terms, "en"));
    expect(textBlocks(text).map((b) => b.kind)).toEqual(["title", "heading", "paragraph", "heading", "paragraph"]);
  });
});

describe("publishIssues", () => {
  it("accepts the shipped default template", () => {
    expect(publishIssues(defaultAgreementContent)).toEqual([]);
    expect(unknownMergeFields(defaultAgreementContent)).toEqual([]);
  });

  it("uses every merge field the product offers in the default template", () => {
    const used = new Set(
      [defaultAgreementContent.name.nl, ...defaultAgreementContent.clauses.flatMap((c) => [c.body.nl, c.body.en])].flatMap(mergeFieldsIn),
    );
    expect([...MERGE_FIELDS].filter((f) => !used.has(f))).toEqual([]);
  });

  it.each([
    ["an unknown merge field", { ...small, clauses: [{ ...small.clauses[0], body: { nl: "{{client.naam}}", en: "x" } }] }, [{ code: "unknown_merge_field", field: "client.naam" }]],
    ["a duplicate key", { ...small, clauses: [small.clauses[0], small.clauses[0]] }, [{ code: "duplicate_clause_key", key: "a" }]],
    ["an empty English heading", { ...small, clauses: [{ ...small.clauses[0], heading: { nl: "x", en: " " } }] }, [{ code: "invalid_content" }]],
    ["no clauses", { ...small, clauses: [] }, [{ code: "invalid_content" }]],
    ["not content at all", "<script>", [{ code: "invalid_content" }]],
  ])("refuses %s", (_, content, issues) => {
    expect(publishIssues(content)).toEqual(issues);
  });

  it("parses stored content only when it has the expected shape", () => {
    expect(parseContent(small)).toEqual(small);
    expect(parseContent({ name: small.name })).toBeNull();
  });
});
