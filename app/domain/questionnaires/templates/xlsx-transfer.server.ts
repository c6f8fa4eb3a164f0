import ExcelJS from "exceljs";
import { cappedIssues, openGuardedWorkbook, plainValue, type WorkbookIssue } from "../guarded-workbook.server";
import { templateContentSchema, type Question, type Section, type TemplateContent } from "../model";
import { issuesOf } from "./json-transfer";
import { cellsToQuestion, parseJsonCell, questionToCells, type CellIssue, type QuestionCells } from "./question-row";

/**
 * XLSX export and import of a template: a "questions" sheet with one row per question (with its
 * section's fields repeated on each row) and a "template" sheet with the title, description and
 * critical cap. Import checks the whole file and returns either the content or every problem
 * with its sheet, line and reason (i18n keys); it never returns part of a template.
 */
export const QUESTIONS_SHEET = "questions";
export const TEMPLATE_SHEET = "template";
export const QUESTION_COLUMNS = [
  "section_key",
  "section_title_nl",
  "section_title_en",
  "section_description_nl",
  "section_description_en",
  "section_condition",
  "key",
  "type",
  "text_nl",
  "text_en",
  "help_nl",
  "help_en",
  "reference",
  "required",
  "weight",
  "critical",
  "options",
  "config",
  "scoring",
  "condition",
] as const;
type Column = (typeof QUESTION_COLUMNS)[number];
export const TEMPLATE_FIELDS = ["title_nl", "title_en", "description_nl", "description_en", "critical_cap"] as const;

export { MAX_REPORTED_ISSUES, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS } from "../guarded-workbook.server";

export const xlsxMessages = {
  notXlsx: "questionnaires:transfer.errors.notXlsx",
  missingSheet: "questionnaires:transfer.errors.missingSheet", // {sheet}
  wrongHeader: "questionnaires:transfer.errors.wrongHeader", // {expected}
  formula: "questionnaires:transfer.errors.formula", // {cell}
  tooManyRows: "questionnaires:transfer.errors.tooManyRows", // {max}
  tooManyColumns: "questionnaires:transfer.errors.tooManyColumns", // {max}
  noQuestions: "questionnaires:transfer.errors.noQuestions",
  sectionMismatch: "questionnaires:transfer.errors.sectionMismatch", // {key}
  unknownField: "questionnaires:transfer.errors.unknownTemplateField", // {field}
  cellError: "questionnaires:transfer.errors.cellError",
  tooManyIssues: "questionnaires:transfer.errors.tooManyIssues", // {max}
} as const;

/** The spreadsheet's own row number (the header is line 1); 0 for the file as a whole. */
export type XlsxIssue = WorkbookIssue;

export type XlsxImportResult = { ok: true; content: TemplateContent } | { ok: false; issues: XlsxIssue[] };

// ---------------------------------------------------------------------------------------------
// Export

export async function exportTemplateXlsx(content: TemplateContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Contact Compliance Portal";
  const questions = workbook.addWorksheet(QUESTIONS_SHEET);
  questions.addRow([...QUESTION_COLUMNS]);
  questions.getRow(1).font = { bold: true };
  for (const section of content.sections) {
    for (const question of section.questions) {
      const cells = questionToCells(question);
      const row: Record<Column, string | number | boolean> = {
        section_key: section.key,
        section_title_nl: section.title.nl,
        section_title_en: section.title.en,
        section_description_nl: section.description?.nl ?? "",
        section_description_en: section.description?.en ?? "",
        section_condition: section.showWhen ? JSON.stringify(section.showWhen) : "",
        ...cells,
      };
      questions.addRow(QUESTION_COLUMNS.map((column) => (row[column] === "" ? null : row[column])));
    }
  }
  questions.views = [{ state: "frozen", ySplit: 1 }];

  const template = workbook.addWorksheet(TEMPLATE_SHEET);
  template.addRow(["field", "value"]);
  template.getRow(1).font = { bold: true };
  template.addRow(["title_nl", content.title.nl]);
  template.addRow(["title_en", content.title.en]);
  template.addRow(["description_nl", content.description?.nl ?? null]);
  template.addRow(["description_en", content.description?.en ?? null]);
  template.addRow(["critical_cap", content.criticalCap ?? null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Import

const asText = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

export async function importTemplateXlsx(input: Uint8Array): Promise<XlsxImportResult> {
  const opened = await openGuardedWorkbook(input, {
    sheets: [QUESTIONS_SHEET, TEMPLATE_SHEET],
    header: QUESTION_COLUMNS,
    messages: xlsxMessages,
  });
  if (!opened.ok) return opened;
  const questionsSheet = opened.sheets[QUESTIONS_SHEET];
  const templateSheet = opened.sheets[TEMPLATE_SHEET];

  const issues: XlsxIssue[] = [];
  const meta = readTemplateSheet(templateSheet, issues);
  const { sections, lines } = readQuestionRows(questionsSheet, issues);
  if (sections.length === 0 && issues.length === 0) {
    issues.push({ sheet: QUESTIONS_SHEET, line: 0, messageKey: xlsxMessages.noQuestions });
  }
  const candidate = { ...meta, sections };
  const parsed = templateContentSchema.safeParse(candidate);
  if (!parsed.success) {
    const rowsWithCellIssues = new Set(issues.filter((i) => i.sheet === QUESTIONS_SHEET).map((i) => i.line));
    for (const issue of issuesOf(parsed.error)) {
      const located = locate(issue.path, lines);
      if (located.sheet === QUESTIONS_SHEET && rowsWithCellIssues.has(located.line)) continue;
      issues.push({ ...located, messageKey: issue.messageKey, params: issue.params });
    }
  }
  if (issues.length || !parsed.success) return { ok: false, issues: cappedIssues(issues, xlsxMessages) };
  return { ok: true, content: parsed.data };
}

function readTemplateSheet(sheet: ExcelJS.Worksheet, issues: XlsxIssue[]) {
  const values: Partial<Record<(typeof TEMPLATE_FIELDS)[number], string | number | boolean>> = {};
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (row.number === 1) return;
    const field = asText(plainValue(row.getCell(1).value));
    const value = plainValue(row.getCell(2).value);
    if (field === "") return;
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(field)) {
      issues.push({ sheet: TEMPLATE_SHEET, line: row.number, messageKey: xlsxMessages.unknownField, params: { field } });
      return;
    }
    if (value === undefined) issues.push({ sheet: TEMPLATE_SHEET, line: row.number, messageKey: xlsxMessages.cellError });
    else values[field as (typeof TEMPLATE_FIELDS)[number]] = value;
  });
  const meta: Record<string, unknown> = {};
  const title = { nl: asText(values.title_nl), en: asText(values.title_en) };
  if (title.nl || title.en) meta.title = title;
  const description = { nl: asText(values.description_nl), en: asText(values.description_en) };
  if (description.nl || description.en) meta.description = description;
  const cap = values.critical_cap;
  if (cap !== undefined && asText(cap) !== "") meta.criticalCap = typeof cap === "number" ? cap : Number(asText(cap));
  return meta;
}

interface Lines {
  /** Spreadsheet line of each section's first row, and of each question, by position. */
  sections: number[];
  questions: number[][];
}

function readQuestionRows(sheet: ExcelJS.Worksheet, issues: XlsxIssue[]): { sections: unknown[]; lines: Lines } {
  const sections: (Omit<Section, "questions"> & { questions: unknown[] })[] = [];
  const lines: Lines = { sections: [], questions: [] };
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (row.number === 1) return;
    const cells = {} as Record<Column, string | number | boolean>;
    let isEmpty = true;
    QUESTION_COLUMNS.forEach((column, i) => {
      const value = plainValue(row.getCell(i + 1).value);
      if (value === undefined) {
        issues.push({ sheet: QUESTIONS_SHEET, line: row.number, column, messageKey: xlsxMessages.cellError });
        cells[column] = "";
      } else {
        cells[column] = value;
        if (asText(value) !== "") isEmpty = false;
      }
    });
    if (isEmpty) return;

    const cellIssues: CellIssue[] = [];
    const sectionKey = asText(cells.section_key);
    const sectionFields = sectionOf(cells, cellIssues);
    const last = sections[sections.length - 1];
    if (!last || last.key !== sectionKey) {
      sections.push({ ...sectionFields, key: sectionKey, questions: [] } as unknown as (typeof sections)[number]);
      lines.sections.push(row.number);
      lines.questions.push([]);
    } else if (JSON.stringify(withoutKey(sectionFields)) !== JSON.stringify(withoutKey(last)) && hasAnySectionField(cells)) {
      // Later rows of a section may leave its fields blank or repeat them, not contradict them.
      cellIssues.push({ column: "section_key", messageKey: xlsxMessages.sectionMismatch, params: { key: sectionKey } });
    }
    const { question, issues: questionIssues } = cellsToQuestion(cells as Partial<Record<keyof QuestionCells, unknown>>);
    cellIssues.push(...questionIssues);
    sections[sections.length - 1].questions.push(question as Question);
    lines.questions[lines.questions.length - 1].push(row.number);
    for (const issue of cellIssues) issues.push({ sheet: QUESTIONS_SHEET, line: row.number, ...issue });
  });
  return { sections, lines };
}

function sectionOf(cells: Record<Column, unknown>, issues: CellIssue[]) {
  const section: Record<string, unknown> = {};
  const title = { nl: asText(cells.section_title_nl), en: asText(cells.section_title_en) };
  if (title.nl || title.en) section.title = title;
  const description = { nl: asText(cells.section_description_nl), en: asText(cells.section_description_en) };
  if (description.nl || description.en) section.description = description;
  const condition = parseJsonCell(cells.section_condition, "section_condition", issues);
  if (condition !== undefined) section.showWhen = condition;
  return section;
}

const withoutKey = ({ title, description, showWhen }: Record<string, unknown>) => ({ title, description, showWhen });

const hasAnySectionField = (cells: Record<Column, unknown>) =>
  ["section_title_nl", "section_title_en", "section_description_nl", "section_description_en", "section_condition"].some(
    (column) => asText(cells[column as Column]) !== "",
  );

/** Maps a content path to the row it came from. */
function locate(path: string, lines: Lines): { sheet: string; line: number; column?: string } {
  const parts = path.split(".");
  if (parts[0] !== "sections" || parts.length < 2) {
    const field = parts[0] === "title" || parts[0] === "description" ? `${parts[0]}_${parts[1] ?? "nl"}` : parts[0] === "criticalCap" ? "critical_cap" : parts[0];
    return { sheet: TEMPLATE_SHEET, line: 0, column: field || undefined };
  }
  const s = Number(parts[1]);
  if (parts[2] === "questions" && parts.length >= 4) {
    const line = lines.questions[s]?.[Number(parts[3])] ?? lines.sections[s] ?? 0;
    return { sheet: QUESTIONS_SHEET, line, column: questionColumn(parts.slice(4)) };
  }
  return { sheet: QUESTIONS_SHEET, line: lines.sections[s] ?? 0, column: sectionColumn(parts.slice(2)) };
}

function questionColumn(rest: string[]): string | undefined {
  const [field, sub] = rest;
  switch (field) {
    case undefined:
      return undefined;
    case "text":
    case "help":
      return `${field}_${sub ?? "nl"}`;
    case "showWhen":
      return "condition";
    case "key":
    case "type":
    case "reference":
    case "required":
    case "weight":
    case "critical":
    case "options":
    case "scoring":
      return field;
    default:
      return "config";
  }
}

function sectionColumn(rest: string[]): string | undefined {
  const [field, sub] = rest;
  if (field === "key") return "section_key";
  if (field === "title" || field === "description") return `section_${field}_${sub ?? "nl"}`;
  if (field === "showWhen") return "section_condition";
  return undefined;
}

