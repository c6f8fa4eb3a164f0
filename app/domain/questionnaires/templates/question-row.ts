import type { Condition, Question } from "../model";

/**
 * One question as a flat row of cells: the shape of an XLSX import/export row and of the
 * builder's question form. Structured parts (options, type-specific settings, scoring,
 * condition) are JSON text, so every field of every type survives a round trip.
 */
export interface QuestionCells {
  key: string;
  type: string;
  text_nl: string;
  text_en: string;
  help_nl: string;
  help_en: string;
  reference: string;
  required: boolean | string;
  weight: number | string;
  critical: boolean | string;
  options: string;
  config: string;
  scoring: string;
  condition: string;
}

export interface CellIssue {
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export const invalidJson = "questionnaires:transfer.errors.invalidJson";
export const invalidBoolean = "questionnaires:transfer.errors.invalidBoolean";
export const invalidNumber = "questionnaires:transfer.errors.invalidNumber";

/** Fields every question has; everything else but options and scoring goes to "config". */
const commonFields = new Set(["key", "type", "text", "help", "reference", "required", "weight", "critical", "showWhen", "options", "scoring"]);

const jsonOrEmpty = (value: unknown) => (value === undefined ? "" : JSON.stringify(value));

export function questionToCells(question: Question): QuestionCells {
  const config = Object.fromEntries(Object.entries(question).filter(([field]) => !commonFields.has(field)));
  return {
    key: question.key,
    type: question.type,
    text_nl: question.text.nl,
    text_en: question.text.en,
    help_nl: question.help?.nl ?? "",
    help_en: question.help?.en ?? "",
    reference: question.reference ?? "",
    required: question.required,
    weight: question.weight,
    critical: question.critical,
    options: jsonOrEmpty("options" in question ? question.options : undefined),
    config: Object.keys(config).length ? JSON.stringify(config) : "",
    scoring: jsonOrEmpty(question.scoring),
    condition: jsonOrEmpty(question.showWhen),
  };
}

const asText = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

export function parseJsonCell(value: unknown, column: string, issues: CellIssue[]): unknown {
  const raw = asText(value);
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    issues.push({ column, messageKey: invalidJson });
    return undefined;
  }
}

export function parseBooleanCell(value: unknown, column: string, issues: CellIssue[]): boolean | undefined {
  if (typeof value === "boolean") return value;
  const raw = asText(value).toLowerCase();
  if (["true", "yes", "ja", "1", "waar"].includes(raw)) return true;
  if (["false", "no", "nee", "0", "onwaar", ""].includes(raw)) return raw === "" ? undefined : false;
  issues.push({ column, messageKey: invalidBoolean });
  return undefined;
}

function parseNumberCell(value: unknown, column: string, issues: CellIssue[]): number | undefined {
  if (typeof value === "number") return value;
  const raw = asText(value);
  if (raw === "") return undefined;
  const number = Number(raw.replace(",", "."));
  if (!Number.isFinite(number)) {
    issues.push({ column, messageKey: invalidNumber });
    return undefined;
  }
  return number;
}

function localized(nl: unknown, en: unknown) {
  const a = asText(nl);
  const b = asText(en);
  return a === "" && b === "" ? undefined : { nl: a, en: b };
}

/**
 * Builds the question object from its cells. Cell-level problems (bad JSON, a boolean or number
 * that is none) are reported per column; the question itself is then checked by the schema.
 * Missing required values are left out, so the schema reports them as "required".
 */
export function cellsToQuestion(cells: Partial<Record<keyof QuestionCells, unknown>>): { question: unknown; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const config = parseJsonCell(cells.config, "config", issues);
  const question: Record<string, unknown> = {};
  if (config !== undefined) {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      issues.push({ column: "config", messageKey: invalidJson });
    } else {
      Object.assign(question, config);
    }
  }
  const set = (field: string, value: unknown) => {
    if (value !== undefined) question[field] = value;
  };
  set("key", asText(cells.key) || undefined);
  set("type", asText(cells.type) || undefined);
  set("text", localized(cells.text_nl, cells.text_en));
  set("help", localized(cells.help_nl, cells.help_en));
  set("reference", asText(cells.reference) || undefined);
  set("required", parseBooleanCell(cells.required, "required", issues));
  set("weight", parseNumberCell(cells.weight, "weight", issues));
  set("critical", parseBooleanCell(cells.critical, "critical", issues));
  set("options", parseJsonCell(cells.options, "options", issues));
  set("scoring", parseJsonCell(cells.scoring, "scoring", issues));
  set("showWhen", parseJsonCell(cells.condition, "condition", issues) as Condition | undefined);
  return { question, issues };
}
