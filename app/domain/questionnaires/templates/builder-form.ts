import { z } from "zod";
import { conditionOperators, contextFields, type Condition, type LocalizedText, type Question } from "../model";
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
    default:
      return bad();
  }
}

