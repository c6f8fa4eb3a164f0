import { z } from "zod";
import { conditionOperators, contextFields, questionTypes, type Condition, type LocalizedText, type Question, type ScoringRule } from "../model";
import type { TemplateEdit } from "./edit-content";
import type { TransferIssue } from "./json-transfer";
import { cellsToQuestion, invalidJson, type QuestionCells } from "./question-row";

/**
 * Turns the builder's form posts into edit operations. Format only: whether the result is a
 * valid template is decided by the schema after the edit is applied (templates.server.ts).
 * Shared by the route's action and its tests; field names match the forms in the builder.
 */

export const builderIntents = [
  "meta",
  "addSection",
  "updateSection",
  "removeSection",
  "moveSection",
  "addQuestion",
  "updateQuestion",
  "removeQuestion",
  "moveQuestion",
  "moveQuestionToSection",
  "setCondition",
  "setScoring",
] as const;
export type BuilderIntent = (typeof builderIntents)[number];

const invalidForm = "questionnaires:builder.errors.invalidForm";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const localized = (form: FormData, prefix: string): LocalizedText => ({ nl: text(form, `${prefix}_nl`), en: text(form, `${prefix}_en`) });
const optionalLocalized = (form: FormData, prefix: string): LocalizedText | undefined => {
  const value = localized(form, prefix);
  return value.nl || value.en ? value : undefined;
};
const direction = z.enum(["up", "down"]);

/** The condition fields of the builder: a JSON text wins; else one structured term; else none. */
export function conditionFromForm(form: FormData): { ok: true; condition: Condition | null } | { ok: false; issues: TransferIssue[] } {
  const raw = text(form, "conditionJson");
  if (raw) {
    try {
      return { ok: true, condition: JSON.parse(raw) as Condition };
    } catch {
      return { ok: false, issues: [{ path: "conditionJson", messageKey: invalidJson }] };
    }
  }
  const kind = text(form, "conditionKind");
  if (!kind || kind === "none") return { ok: true, condition: null };
  const op = z.enum(conditionOperators).safeParse(text(form, "conditionOp"));
  const rawValue = text(form, "conditionValue");
  const value = rawValue !== "" && /^-?\d+(\.\d+)?$/.test(rawValue) ? Number(rawValue) : rawValue;
  if (!op.success) return { ok: false, issues: [{ path: "conditionOp", messageKey: invalidForm }] };
  if (kind === "answer") return { ok: true, condition: { kind, question: text(form, "conditionQuestion"), op: op.data, value } };
  const field = z.enum(contextFields).safeParse(text(form, "conditionField"));
  if (kind === "context" && field.success) return { ok: true, condition: { kind, field: field.data, op: op.data, value } };
  return { ok: false, issues: [{ path: "conditionKind", messageKey: invalidForm }] };
}

/** How many threshold rows the scoring form offers for a number question. */
export const THRESHOLD_ROWS = 4;

/** A percentage typed in the form (0..100) as a credit (0..1); blank is "not given". */
function creditOf(raw: string): number | undefined | null {
  if (raw === "") return undefined;
  const value = Number(raw.replace(",", "."));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? Math.round(value * 10) / 1000 : null;
}

/**
 * The scoring fields of the builder, per question type (posted as `questionType`): "scored" off
 * removes the rule; on, the fields of the type's one rule kind. Bounds and combinations are
 * then checked by the template schema, as for every edit.
 */
export function scoringFromForm(form: FormData): { ok: true; scoring: ScoringRule | null } | { ok: false; issues: TransferIssue[] } {
  const bad = (path: string): { ok: false; issues: TransferIssue[] } => ({ ok: false, issues: [{ path, messageKey: invalidForm }] });
  if (text(form, "scored") !== "on") return { ok: true, scoring: null };
  const type = z.enum(questionTypes).safeParse(text(form, "questionType"));
  if (!type.success) return bad("questionType");
  switch (type.data) {
    case "yes_no": {
      const compliantAnswer = z.enum(["yes", "no"]).safeParse(text(form, "compliantAnswer"));
      const partly = creditOf(text(form, "partlyCredit"));
      if (!compliantAnswer.success) return bad("compliantAnswer");
      if (partly === null) return bad("partlyCredit");
      return { ok: true, scoring: { kind: "yes_no", compliantAnswer: compliantAnswer.data, ...(partly === undefined ? {} : { partlyCredit: partly }) } };
    }
    case "single_choice":
      return { ok: true, scoring: { kind: "option_credit" } };
    case "multiple_choice": {
      const combine = z.enum(["sum", "min"]).safeParse(text(form, "combine"));
      return combine.success ? { ok: true, scoring: { kind: "option_credit", combine: combine.data } } : bad("combine");
    }
    case "number": {
      const direction = z.enum(["at_least", "at_most"]).safeParse(text(form, "thresholdDirection"));
      if (!direction.success) return bad("thresholdDirection");
      const thresholds: { value: number; credit: number }[] = [];
      for (let i = 0; i < THRESHOLD_ROWS; i++) {
        const rawValue = text(form, `thresholdValue${i}`);
        const rawCredit = text(form, `thresholdCredit${i}`);
        if (rawValue === "" && rawCredit === "") continue;
        const value = Number(rawValue.replace(",", "."));
        const credit = creditOf(rawCredit);
        if (rawValue === "" || !Number.isFinite(value)) return bad(`thresholdValue${i}`);
        if (credit === undefined || credit === null) return bad(`thresholdCredit${i}`);
        thresholds.push({ value, credit });
      }
      if (thresholds.length === 0) return bad("thresholdValue0");
      return { ok: true, scoring: { kind: "thresholds", direction: direction.data, thresholds } };
    }
    case "date": {
      const months = Number(text(form, "maxAgeMonths"));
      return Number.isInteger(months) && months > 0 ? { ok: true, scoring: { kind: "max_age", months } } : bad("maxAgeMonths");
    }
    case "text":
      return { ok: true, scoring: { kind: "non_empty" } };
    case "evidence":
      return { ok: true, scoring: { kind: "evidence_present" } };
  }
}

const questionCellNames: (keyof QuestionCells)[] = [
  "key", "type", "text_nl", "text_en", "help_nl", "help_en", "reference", "options", "config", "scoring", "condition", "weight",
];

/** The question form: the same cells as an XLSX row; checkboxes for the two flags. */
export function questionFromForm(form: FormData): { ok: true; question: Question } | { ok: false; issues: TransferIssue[] } {
  const cells: Record<string, unknown> = {};
  for (const name of questionCellNames) cells[name] = text(form, name);
  cells.required = form.get("required") === "on" || form.get("required") === "true";
  cells.critical = form.get("critical") === "on" || form.get("critical") === "true";
  const { question, issues } = cellsToQuestion(cells);
  if (issues.length) return { ok: false, issues: issues.map((i) => ({ path: i.column, messageKey: i.messageKey, params: i.params })) };
  return { ok: true, question: question as Question };
}

/** The edit a builder post asks for, or why the post itself is malformed. */
export function editFromForm(form: FormData): { ok: true; edit: TemplateEdit } | { ok: false; issues: TransferIssue[] } {
  const intent = text(form, "intent") as BuilderIntent;
  const bad = (path = "intent"): { ok: false; issues: TransferIssue[] } => ({ ok: false, issues: [{ path, messageKey: invalidForm }] });
  switch (intent) {
    case "meta": {
      const cap = text(form, "criticalCap");
      const criticalCap = cap === "" ? undefined : Number(cap);
      if (criticalCap !== undefined && !Number.isFinite(criticalCap)) return bad("criticalCap");
      return { ok: true, edit: { op: "setMeta", title: localized(form, "title"), description: optionalLocalized(form, "description"), criticalCap } };
    }
    case "addSection":
      return { ok: true, edit: { op: "addSection", key: text(form, "key"), title: localized(form, "title") } };
    case "updateSection":
      return {
        ok: true,
        edit: { op: "updateSection", sectionKey: text(form, "sectionKey"), key: text(form, "key"), title: localized(form, "title"), description: optionalLocalized(form, "description") },
      };
    case "removeSection":
      return { ok: true, edit: { op: "removeSection", sectionKey: text(form, "sectionKey") } };
    case "moveSection": {
      const d = direction.safeParse(text(form, "direction"));
      return d.success ? { ok: true, edit: { op: "moveSection", sectionKey: text(form, "sectionKey"), direction: d.data } } : bad("direction");
    }
    case "addQuestion":
    case "updateQuestion": {
      const parsed = questionFromForm(form);
      if (!parsed.ok) return parsed;
      return intent === "addQuestion"
        ? { ok: true, edit: { op: "addQuestion", sectionKey: text(form, "sectionKey"), question: parsed.question } }
        : { ok: true, edit: { op: "updateQuestion", questionKey: text(form, "questionKey"), question: parsed.question } };
    }
    case "removeQuestion":
      return { ok: true, edit: { op: "removeQuestion", questionKey: text(form, "questionKey") } };
    case "moveQuestion": {
      const d = direction.safeParse(text(form, "direction"));
      return d.success ? { ok: true, edit: { op: "moveQuestion", questionKey: text(form, "questionKey"), direction: d.data } } : bad("direction");
    }
    case "moveQuestionToSection":
      return { ok: true, edit: { op: "moveQuestionToSection", questionKey: text(form, "questionKey"), sectionKey: text(form, "sectionKey") } };
    case "setCondition": {
      const parsed = conditionFromForm(form);
      if (!parsed.ok) return parsed;
      const questionKey = text(form, "questionKey");
      return questionKey
        ? { ok: true, edit: { op: "setQuestionCondition", questionKey, condition: parsed.condition } }
        : { ok: true, edit: { op: "setSectionCondition", sectionKey: text(form, "sectionKey"), condition: parsed.condition } };
    }
    case "setScoring": {
      const parsed = scoringFromForm(form);
      if (!parsed.ok) return parsed;
      return { ok: true, edit: { op: "setScoring", questionKey: text(form, "questionKey"), scoring: parsed.scoring } };
    }
    default:
      return bad();
  }
}

