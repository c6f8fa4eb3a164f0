import ExcelJS from "exceljs";
import { db, type Executor } from "#db/client.server";
import {
  findAnswers,
  getRequestForSide,
  insertAnswer,
  insertHistory,
  updateAnswer,
  updateRequest,
  type AnswerRow,
  type RequestRow,
} from "#db/queries/questionnaire-requests";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/config";
import { isBlankAnswer, validateAnswer } from "../answers";
import { resolveVisibility } from "../conditions";
import { questionsOf, yesNoChoices, type Question } from "../model";
import { cappedIssues, openGuardedWorkbook, plainValue, type WorkbookIssue } from "../guarded-workbook.server";
import { getSectionAssignee, isLimitedToAssignedSections } from "./delegation.server";
import { contextOf, countedAnswers, isEditable, isOpenStatus, todayInAmsterdam } from "./request-rules";

/**
 * Offline answering: a request with its answers as an XLSX workbook, and the answers read back
 * from that workbook. The "answers" sheet has one row per question; only the `answer` and
 * `reason` cells are read back (with `key` and `version`), the other columns are there to read.
 * Import is all or nothing: every problem of the file comes back with its line, or every changed
 * answer is written in one transaction.
 */
export const REQUEST_SHEET = "questionnaire";
export const ANSWERS_SHEET = "answers";
export const ANSWER_COLUMNS = ["section", "key", "type", "question", "options", "required", "answer", "reason", "version"] as const;
type Column = (typeof ANSWER_COLUMNS)[number];
const REQUEST_FIELDS = ["request_id", "template", "template_version", "partner", "due_date", "language"] as const;

/** Separates the chosen options of a multiple-choice answer (option values never contain it). */
export const MULTIPLE_SEPARATOR = ";";

export const offlineMessages = {
  notXlsx: "requests:offline.errors.notXlsx",
  missingSheet: "requests:offline.errors.missingSheet", // {sheet}
  wrongHeader: "requests:offline.errors.wrongHeader", // {expected}
  formula: "requests:offline.errors.formula", // {cell}
  tooManyRows: "requests:offline.errors.tooManyRows", // {max}
  tooManyColumns: "requests:offline.errors.tooManyColumns", // {max}
  otherRequest: "requests:offline.errors.otherRequest",
  cellError: "requests:offline.errors.cellError",
  unknownKey: "requests:offline.errors.unknownKey", // {key}
  duplicateKey: "requests:offline.errors.duplicateKey", // {key}
  badVersion: "requests:offline.errors.badVersion",
  unknownChoice: "requests:offline.errors.unknownChoice", // {value}
  notNumber: "requests:offline.errors.notNumber", // {value}
  hidden: "requests:offline.errors.hidden",
  locked: "requests:offline.errors.locked",
  conflict: "requests:offline.errors.conflict", // {version}
  tooManyIssues: "requests:offline.errors.tooManyIssues", // {max}
  notOpen: "requests:errors.notOpen",
  notAssigned: "requests:delegation.errors.notAssigned",
  notSubmitted: "requests:offline.errors.notSubmitted",
} as const;

export type OfflineIssue = WorkbookIssue;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---------------------------------------------------------------------------------------------
// Cell formats, per question type

type Cell = string | number | null;

/** The answer as the `answer` and `reason` cells show it. */
export function answerToCells(question: Question, value: unknown): { answer: Cell; reason: Cell } {
  if (isBlankAnswer(value)) return { answer: null, reason: null };
  switch (question.type) {
    case "yes_no": {
      const { choice, reason } = value as { choice: string; reason?: string };
      return { answer: choice, reason: reason ? reason : null };
    }
    case "multiple_choice":
      return { answer: (value as string[]).join(MULTIPLE_SEPARATOR), reason: null };
    case "number":
      return { answer: typeof value === "number" ? value : String(value), reason: null };
    case "evidence":
      return { answer: null, reason: null };
    default:
      return { answer: String(value), reason: null };
  }
}

const textOf = (cell: string | number | boolean) => (typeof cell === "string" ? cell : String(cell));

type Parsed = { ok: true; value: unknown } | { ok: false; messageKey: string; params?: Record<string, string | number> };

/**
 * The answer in the cells: undefined for a blank answer cell (the answer is cleared). Shape
 * only; bounds, options and dates are checked by `validateAnswer`.
 */
export function cellsToAnswer(question: Question, answer: string | number | boolean, reason: string | number | boolean): Parsed {
  const raw = textOf(answer);
  if (raw.trim() === "") return { ok: true, value: undefined };
  switch (question.type) {
    case "yes_no": {
      const choice = raw.trim().toLowerCase();
      if (!(yesNoChoices as readonly string[]).includes(choice)) return { ok: false, messageKey: offlineMessages.unknownChoice, params: { value: raw.trim() } };
      const why = textOf(reason);
      return { ok: true, value: why.trim() === "" ? { choice } : { choice, reason: why } };
    }
    case "single_choice":
      return { ok: true, value: raw.trim() };
    case "multiple_choice":
      return { ok: true, value: raw.split(MULTIPLE_SEPARATOR).map((part) => part.trim()).filter((part) => part !== "") };
    case "number": {
      if (typeof answer === "number") return { ok: true, value: answer };
      // People type Dutch decimals ("1,5"); thousands separators are not guessed at.
      const text = raw.trim();
      const normalized = /^-?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
      const number = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normalized) ? Number(normalized) : NaN;
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, messageKey: offlineMessages.notNumber, params: { value: text } };
    }
    case "date":
      return { ok: true, value: raw.trim() };
    case "text":
      return { ok: true, value: raw };
    case "evidence":
      return { ok: true, value: undefined };
  }
}

/** Comparable form of a stored or imported value, so an untouched row reads as unchanged. */
function comparable(question: Question, value: unknown): string {
  if (isBlankAnswer(value)) return "";
  if (question.type === "yes_no" && value && typeof value === "object") {
    const { choice, reason } = value as { choice?: unknown; reason?: unknown };
    return JSON.stringify(typeof reason === "string" && reason.trim() !== "" ? { choice, reason } : { choice });
  }
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Export

export interface XlsxDownload {
  body: Uint8Array<ArrayBuffer>;
  fileName: string;
  contentType: string;
}

async function buildWorkbook(request: RequestRow, stored: AnswerRow[], locale: Locale, side: "client" | "vendor"): Promise<Uint8Array<ArrayBuffer>> {
  const t = await translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Contact Compliance Portal";

  const meta = workbook.addWorksheet(REQUEST_SHEET);
  meta.addRow(["field", "value"]);
  meta.getRow(1).font = { bold: true };
  const values: Record<(typeof REQUEST_FIELDS)[number], string | number> = {
    request_id: request.id,
    template: request.content.title[locale],
    template_version: request.templateVersion,
    partner: side === "vendor" ? request.clientName : request.vendorDisplayName,
    due_date: request.dueDate,
    language: locale,
  };
  for (const field of REQUEST_FIELDS) meta.addRow([field, values[field]]);
  meta.addRow([]);
  meta.addRow([t(side === "vendor" ? "requests:offline.sheet.vendorHelp" : "requests:offline.sheet.clientHelp")]);
  meta.getColumn(1).width = 18;
  meta.getColumn(2).width = 60;

  const sheet = workbook.addWorksheet(ANSWERS_SHEET);
  sheet.addRow([...ANSWER_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  const byKey = new Map(stored.map((a) => [a.questionKey, a]));
  const evidenceNote = t("requests:offline.sheet.evidenceNote");
  for (const { section, question } of questionsOf(request.content)) {
    const current = byKey.get(question.key);
    // Unconfirmed prefills are offers, not answers; the vendor confirms them on screen.
    const counted = current?.isConfirmed ? current.value : undefined;
    const cells = answerToCells(question, counted);
    const options =
      "options" in question ? question.options.map((o) => `${o.value}=${o.label[locale]}`).join("\n") : question.type === "yes_no" ? allowedChoices(question).join(MULTIPLE_SEPARATOR) : "";
    const row: Record<Column, Cell> = {
      section: section.title[locale],
      key: question.key,
      type: question.type,
      question: question.text[locale],
      options: options || null,
      required: question.required ? "yes" : "no",
      answer: question.type === "evidence" ? evidenceNote : cells.answer,
      reason: cells.reason,
      version: current?.version ?? 0,
    };
    const added = sheet.addRow(ANSWER_COLUMNS.map((column) => row[column]));
    // Text stays text: Excel must not turn "0012" or "2026-01-31" into something else.
    for (const column of ["answer", "reason"] as const) {
      const cell = added.getCell(ANSWER_COLUMNS.indexOf(column) + 1);
      if (question.type !== "number") cell.numFmt = "@";
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const widths: Partial<Record<Column, number>> = { section: 20, key: 18, type: 14, question: 60, options: 30, answer: 30, reason: 30 };
  ANSWER_COLUMNS.forEach((column, i) => {
    if (widths[column]) sheet.getColumn(i + 1).width = widths[column];
  });
  return new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer()));
}

function allowedChoices(question: Extract<Question, { type: "yes_no" }>): string[] {
  return yesNoChoices.filter((c) => (c !== "partly" || question.allowPartly) && (c !== "not_applicable" || question.allowNotApplicable));
}

const fileNameOf = (request: RequestRow) => `questionnaire-${request.id.slice(0, 8)}-v${request.templateVersion}.xlsx`;

/**
 * The vendor's workbook of one of its requests, with its confirmed answers and their versions,
 * to fill in offline and import again.
 */
export async function exportVendorAnswersXlsx(actor: Actor, requestId: string, locale: Locale): Promise<XlsxDownload> {
  if (actor.organizationKind !== "vendor" || !can(actor, "questionnaire.view")) throw new DomainError("forbidden");
  const request = await getRequestForSide(db(), "vendor", actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  const stored = await findAnswers(db(), request.id);
  return { body: await buildWorkbook(request, stored, locale, "vendor"), fileName: fileNameOf(request), contentType: XLSX_TYPE };
}

/**
 * The client's read-only workbook. Before the vendor's first submission the answers are the
 * vendor's draft, so there is nothing to download (not found, as on the review screen).
 */
export async function exportClientAnswersXlsx(actor: Actor, requestId: string, locale: Locale): Promise<XlsxDownload> {
  if (actor.organizationKind !== "client" || !can(actor, "questionnaire.view")) throw new DomainError("forbidden");
  const request = await getRequestForSide(db(), "client", actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  if (!(request.status === "submitted" || request.status === "returned" || request.status === "accepted")) {
    throw new DomainError("not_found", offlineMessages.notSubmitted);
  }
  const stored = (await findAnswers(db(), request.id)).filter((a) => a.isConfirmed);
  return { body: await buildWorkbook(request, stored, locale, "client"), fileName: fileNameOf(request), contentType: XLSX_TYPE };
}

// ---------------------------------------------------------------------------------------------
// Import: reading the file

export interface FileRow {
  line: number;
  key: string;
  version: number;
  answer: string | number | boolean;
  reason: string | number | boolean;
}

type ReadResult = { ok: true; requestId: string; rows: FileRow[] } | { ok: false; issues: OfflineIssue[] };

const capped = (issues: OfflineIssue[]) => cappedIssues(issues, offlineMessages);

/** The rows of an answers workbook, or what is wrong with the file as a whole or per line. */
export async function readAnswersXlsx(input: Uint8Array): Promise<ReadResult> {
  const opened = await openGuardedWorkbook(input, {
    sheets: [ANSWERS_SHEET, REQUEST_SHEET],
    header: ANSWER_COLUMNS,
    messages: offlineMessages,
  });
  if (!opened.ok) return opened;
  const sheet = opened.sheets[ANSWERS_SHEET];
  const metaSheet = opened.sheets[REQUEST_SHEET];

  let requestId = "";
  metaSheet.eachRow({ includeEmpty: false }, (row) => {
    if (String(plainValue(row.getCell(1).value) ?? "").trim() === "request_id") requestId = String(plainValue(row.getCell(2).value) ?? "").trim();
  });

  const issues: OfflineIssue[] = [];
  const rows: FileRow[] = [];
  const col = (column: Column) => ANSWER_COLUMNS.indexOf(column) + 1;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (row.number === 1) return;
    const read = (column: Column) => {
      const value = plainValue(row.getCell(col(column)).value);
      if (value === undefined) issues.push({ sheet: ANSWERS_SHEET, line: row.number, column, messageKey: offlineMessages.cellError });
      return value ?? "";
    };
    const key = String(read("key")).trim();
    const answer = read("answer");
    const reason = read("reason");
    const versionCell = read("version");
    if (key === "" && String(answer).trim() === "" && String(reason).trim() === "") return;
    const version = typeof versionCell === "number" ? versionCell : /^\d{1,9}$/.test(String(versionCell).trim()) ? Number(String(versionCell).trim()) : NaN;
    if (!Number.isInteger(version) || version < 0) {
      issues.push({ sheet: ANSWERS_SHEET, line: row.number, column: "version", messageKey: offlineMessages.badVersion });
      return;
    }
    rows.push({ line: row.number, key, version, answer, reason });
  });
  if (issues.length) return { ok: false, issues: capped(issues) };
  return { ok: true, requestId, rows };
}

// ---------------------------------------------------------------------------------------------
// Import: checking against the request and writing

export type ImportAnswersResult = { status: "imported"; changed: number; unchanged: number } | { status: "invalid"; issues: OfflineIssue[] };

interface Change {
  question: Question;
  value: unknown;
  current: AnswerRow | undefined;
}

/** Every problem of the rows against the locked request, or the changes to write. */
function planImport(
  request: RequestRow,
  stored: AnswerRow[],
  rows: FileRow[],
  today: string,
  mayAnswerSection: (sectionKey: string) => boolean,
): { issues: OfflineIssue[]; changes: Change[]; unchanged: number } {
  const issues: OfflineIssue[] = [];
  const at = (row: FileRow, messageKey: string, params?: Record<string, string | number>, column?: string): void => {
    issues.push({ sheet: ANSWERS_SHEET, line: row.line, ...(column ? { column } : {}), messageKey, ...(params ? { params } : {}) });
  };
  const questions = new Map(questionsOf(request.content).map(({ question }) => [question.key, question]));
  const sectionOf = new Map(questionsOf(request.content).map(({ section, question }) => [question.key, section.key]));
  const byKey = new Map(stored.map((a) => [a.questionKey, a]));
  const seen = new Set<string>();
  const parsed: { row: FileRow; question: Question; value: unknown }[] = [];

  for (const row of rows) {
    const question = questions.get(row.key);
    if (!question) {
      at(row, offlineMessages.unknownKey, { key: row.key }, "key");
      continue;
    }
    if (seen.has(row.key)) {
      at(row, offlineMessages.duplicateKey, { key: row.key }, "key");
      continue;
    }
    seen.add(row.key);
    // Evidence is uploaded in the portal; its cell is only a note.
    if (question.type === "evidence") continue;
    const result = cellsToAnswer(question, row.answer, row.reason);
    if (!result.ok) {
      at(row, result.messageKey, result.params, "answer");
      continue;
    }
    parsed.push({ row, question, value: result.value });
  }

  // Visibility follows the answers as they will be after the import.
  const after: Record<string, unknown> = { ...countedAnswers(stored) };
  for (const { question, value } of parsed) {
    if (isBlankAnswer(value)) delete after[question.key];
    else after[question.key] = value;
  }
  const visible = resolveVisibility(request.content, after, contextOf(request)).questions;

  const changes: Change[] = [];
  let unchanged = 0;
  for (const { row, question, value } of parsed) {
    const current = byKey.get(question.key);
    const counted = current?.isConfirmed ? current.value : undefined;
    if (comparable(question, value) === comparable(question, counted)) {
      unchanged++;
      continue;
    }
    if ((current?.version ?? 0) !== row.version) {
      at(row, offlineMessages.conflict, { version: current?.version ?? 0 }, "version");
      continue;
    }
    // Delegation: a contributor changes only the sections assigned to them, as on screen.
    if (!mayAnswerSection(sectionOf.get(question.key)!)) {
      at(row, offlineMessages.notAssigned, undefined, "answer");
      continue;
    }
    if (!isEditable(request.status, current)) {
      at(row, offlineMessages.locked, undefined, "answer");
      continue;
    }
    const isBlank = isBlankAnswer(value);
    // Clearing a question that the new answers hide is fine; answering one is not.
    if (!isBlank && !visible.has(question.key)) {
      at(row, offlineMessages.hidden, undefined, "answer");
      continue;
    }
    if (!isBlank) {
      const problems = validateAnswer(question, value, today);
      if (problems.length > 0) {
        at(row, problems[0].messageKey, problems[0].params, "answer");
        continue;
      }
    }
    changes.push({ question, value: isBlank ? null : value, current });
  }
  return { issues, changes, unchanged };
}

async function writeChange(tx: Executor, request: RequestRow, actor: Actor, change: Change) {
  const { question, value, current } = change;
  const questionKey = question.key;
  const written = current
    ? await updateAnswer(tx, request.id, questionKey, current.version, { value, isConfirmed: true, updatedByUserId: actor.userId })
    : await insertAnswer(tx, { requestId: request.id, questionKey, value, updatedByUserId: actor.userId, isConfirmed: true });
  // Cannot happen under the request lock; a lost race must still never overwrite silently.
  if (!written) throw new DomainError("conflict", "requests:errors.staleAnswer");
  await insertHistory(tx, [{ answerId: written.id, requestId: request.id, questionKey, kind: "imported", value, version: written.version, changedByUserId: actor.userId }]);
}

/**
 * Imports the answers of a workbook made by {@link exportVendorAnswersXlsx} into the vendor's
 * request `requestId`. Refused as a whole, with every problem and its line, when the file is not
 * such a workbook, belongs to another request, names an unknown question, holds a value that
 * does not fit its question or answers a hidden one, or changes an answer that changed since the
 * export (its version moved on: a conflict), or (a contributor) changes a section not assigned
 * to them. Otherwise, in one transaction, the changed answers
 * are written (history kind "imported"), the rest is left alone, and the import is audited.
 */
export async function importAnswersXlsx(input: {
  actor: Actor;
  requestId: string;
  bytes: Uint8Array;
  meta: RequestMeta;
  today?: string;
}): Promise<ImportAnswersResult> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "questionnaire.answer")) throw new DomainError("forbidden");
  const today = input.today ?? todayInAmsterdam();
  // Not found before anything about the file, so a foreign id learns nothing.
  if (!(await getRequestForSide(db(), "vendor", actor.organizationId, input.requestId))) throw new DomainError("not_found");

  const file = await readAnswersXlsx(input.bytes);
  if (!file.ok) return { status: "invalid", issues: file.issues };
  if (file.requestId !== input.requestId) return { status: "invalid", issues: [{ sheet: REQUEST_SHEET, line: 0, messageKey: offlineMessages.otherRequest }] };

  return db().transaction(async (tx) => {
    const request = await getRequestForSide(tx, "vendor", actor.organizationId, input.requestId, { lock: true });
    if (!request) throw new DomainError("not_found");
    if (!isOpenStatus(request.status)) return { status: "invalid", issues: [{ sheet: "", line: 0, messageKey: offlineMessages.notOpen }] };
    const stored = await findAnswers(tx, request.id);
    const assigned = new Set<string>();
    if (isLimitedToAssignedSections(actor)) {
      for (const section of request.content.sections) {
        if ((await getSectionAssignee(tx, request.id, section.key)) === actor.userId) assigned.add(section.key);
      }
    }
    const mayAnswerSection = (sectionKey: string) => !isLimitedToAssignedSections(actor) || assigned.has(sectionKey);
    const plan = planImport(request, stored, file.rows, today, mayAnswerSection);
    if (plan.issues.length > 0) return { status: "invalid", issues: capped(plan.issues) };
    if (plan.changes.length === 0) return { status: "imported", changed: 0, unchanged: plan.unchanged };

    for (const change of plan.changes) await writeChange(tx, request, actor, change);
    if (request.status === "sent") await updateRequest(tx, request.id, { status: "in_progress" });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.answers_imported",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { clientName: request.clientName, title: request.content.title.nl, changed: plan.changes.length, unchanged: plan.unchanged },
    });
    return { status: "imported", changed: plan.changes.length, unchanged: plan.unchanged };
  });
}

/** What the import page shows about the vendor's request; not found for anyone else's. */
export async function getImportPageView(actor: Actor, requestId: string) {
  if (actor.organizationKind !== "vendor" || !can(actor, "questionnaire.answer")) throw new DomainError("forbidden");
  const request = await getRequestForSide(db(), "vendor", actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  return {
    id: request.id,
    title: request.content.title,
    clientName: request.clientName,
    status: request.status,
    dueDate: request.dueDate,
    isOpen: isOpenStatus(request.status),
  };
}
