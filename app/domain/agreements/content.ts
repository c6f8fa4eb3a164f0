import { z } from "zod";
import { formatCalendarDate } from "~/utils/dates";

/**
 * The text of a processor-agreement template (stored in agreement_template_versions.content):
 * a name and clauses, each in Dutch and English, with merge fields like {{client.name}}.
 * Pure: rendering, validation and the list of merge fields are unit-tested.
 */
export interface Localized {
  nl: string;
  en: string;
}

export interface AgreementClause {
  key: string;
  heading: Localized;
  body: Localized;
}

export interface AgreementContent {
  name: Localized;
  clauses: AgreementClause[];
}

export type AgreementLanguage = "nl" | "en";

/** Every merge field a template may use; anything else is refused when a version is published. */
export const MERGE_FIELDS = [
  "client.name",
  "vendor.name",
  "services",
  "dataCategories",
  "dataSubjects",
  "purposes",
  "retention",
  "subprocessors",
  "countries",
  "securityAnnex",
  "breachNotificationHours",
  "subprocessorNoticeDays",
  "effectiveDate",
  "endDate",
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];

const MERGE_FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const CLAUSE_LIMITS = { maxClauses: 40, headingMax: 200, bodyMax: 20_000, nameMax: 200 } as const;

const strictText = (max: number) => z.string().trim().min(1, "validation.required").max(max, "agreements:errors.tooLong");
const draftText = (max: number) => z.string().trim().max(max, "agreements:errors.tooLong");

function contentShape(text: (max: number) => z.ZodString) {
  const localized = (max: number) => z.object({ nl: text(max), en: text(max) });
  return z.object({
    name: localized(CLAUSE_LIMITS.nameMax),
    clauses: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, "agreements:errors.clauseKey"),
          heading: localized(CLAUSE_LIMITS.headingMax),
          body: localized(CLAUSE_LIMITS.bodyMax),
        }),
      )
      .min(1, "agreements:errors.noClauses")
      .max(CLAUSE_LIMITS.maxClauses, "agreements:errors.tooManyClauses"),
  });
}

/** The stored shape of a publishable version: every text filled in, in both languages. */
export const contentSchema = contentShape(strictText);
/** A draft may still have empty texts; lengths, keys and the clause count are checked all the same. */
export const draftContentSchema = contentShape(draftText);

/** Content read from storage or a form: the typed value, or null when it is not well-formed. */
export function parseContent(value: unknown): AgreementContent | null {
  const result = contentSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** Like {@link parseContent}, for a draft (empty texts allowed). */
export function parseDraftContent(value: unknown): AgreementContent | null {
  const result = draftContentSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** The merge fields a text uses, in order of first use (names as written, trimmed). */
export function mergeFieldsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(MERGE_FIELD_PATTERN)) seen.add(match[1]);
  return [...seen];
}

export const isMergeField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/** Merge fields used anywhere in the content that the product does not know. */
export function unknownMergeFields(content: AgreementContent): string[] {
  const texts = [content.name.nl, content.name.en, ...content.clauses.flatMap((c) => [c.heading.nl, c.heading.en, c.body.nl, c.body.en])];
  const unknown = new Set<string>();
  for (const t of texts) for (const field of mergeFieldsIn(t)) if (!isMergeField(field)) unknown.add(field);
  return [...unknown];
}

export type PublishIssue =
  | { code: "unknown_merge_field"; field: string }
  | { code: "duplicate_clause_key"; key: string }
  | { code: "invalid_content" };

/** Why a draft cannot be published (empty when it can). */
export function publishIssues(value: unknown): PublishIssue[] {
  const content = parseContent(value);
  if (!content) return [{ code: "invalid_content" }];
  const issues: PublishIssue[] = unknownMergeFields(content).map((field) => ({ code: "unknown_merge_field" as const, field }));
  const keys = new Set<string>();
  for (const clause of content.clauses) {
    if (keys.has(clause.key)) issues.push({ code: "duplicate_clause_key", key: clause.key });
    keys.add(clause.key);
  }
  return issues;
}

/**
 * The values filled into an agreement: what the client confirmed on the send form (prefilled
 * from the partnership register). Stored as agreements.mergeData.
 */
export interface MergeData {
  clientName: string;
  vendorName: string;
  services: string;
  dataCategories: string;
  dataSubjects: string;
  purposes: string;
  retention: string;
  subprocessors: string;
  countries: string;
  securityAnnex: string;
}

export const MERGE_TEXT_MAX = 5_000;

export interface AgreementTerms {
  effectiveDate: string | null;
  endDate: string | null;
  breachNotificationHours: number | null;
  subprocessorNoticeDays: number;
}

const EMPTY = "-";
const referenceLabel: Localized = { nl: "Kenmerk", en: "Reference" };
const openEnded: Localized = { nl: "onbepaalde tijd", en: "an indefinite period" };
const noHours: Localized = { nl: "onverwijld", en: "without undue delay" };

/** The text each merge field stands for, in the agreement's language. */
export function mergeValues(data: MergeData, terms: AgreementTerms, language: AgreementLanguage): Record<MergeField, string> {
  const orEmpty = (value: string) => value.trim() || EMPTY;
  return {
    "client.name": orEmpty(data.clientName),
    "vendor.name": orEmpty(data.vendorName),
    services: orEmpty(data.services),
    dataCategories: orEmpty(data.dataCategories),
    dataSubjects: orEmpty(data.dataSubjects),
    purposes: orEmpty(data.purposes),
    retention: orEmpty(data.retention),
    subprocessors: orEmpty(data.subprocessors),
    countries: orEmpty(data.countries),
    securityAnnex: orEmpty(data.securityAnnex),
    breachNotificationHours: terms.breachNotificationHours === null ? noHours[language] : String(terms.breachNotificationHours),
    subprocessorNoticeDays: String(terms.subprocessorNoticeDays),
    effectiveDate: terms.effectiveDate ? formatCalendarDate(terms.effectiveDate, language) : EMPTY,
    endDate: terms.endDate ? formatCalendarDate(terms.endDate, language) : openEnded[language],
  };
}

/** Fills the merge fields of one text; a field it does not know stays as written. */
export function fillMergeFields(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(MERGE_FIELD_PATTERN, (whole, name: string) => values[name] ?? whole);
}

/** Normalizes line endings and trailing spaces so the same text always hashes the same. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();
}

/**
 * The agreement's plain text in one language: its name, then each clause numbered with its
 * heading and body, merge fields filled. This exact text is frozen and hashed when it is sent.
 */
export function renderAgreementText(
  content: AgreementContent,
  language: AgreementLanguage,
  values: Record<MergeField, string>,
  /** The agreement's id: printed under the title, so no two agreements share a text (or hash). */
  reference?: string,
): string {
  const parts = [fillMergeFields(content.name[language], values).trim()];
  if (reference) parts.push(`${referenceLabel[language]}: ${reference}`);
  content.clauses.forEach((clause, index) => {
    parts.push(`${index + 1}. ${fillMergeFields(clause.heading[language], values).trim()}`);
    parts.push(tidy(fillMergeFields(clause.body[language], values)));
  });
  return parts.map(tidy).join("\n\n") + "\n";
}

/** Splits frozen text back into blocks for display: a heading line ("3. …") or a paragraph. */
export function textBlocks(text: string): { kind: "title" | "heading" | "paragraph"; text: string }[] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, i) => ({
      kind: i === 0 ? ("title" as const) : /^\d+\.\s\S/.test(block) && !block.includes("\n") && block.length <= 210 ? ("heading" as const) : ("paragraph" as const),
      text: block,
    }));
}
