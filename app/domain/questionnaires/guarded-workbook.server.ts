import ExcelJS from "exceljs";

/**
 * Opening a workbook a person uploaded, the same careful way for every import: it must be a ZIP
 * (XLSX), load, have the named sheets within the row and column caps, hold no formulas (a cached
 * result may not be what Excel shows) and start the first sheet with the expected header row.
 */
export const MAX_XLSX_ROWS = 2_000;
export const MAX_XLSX_COLUMNS = 40;
/** A file with hundreds of problems gets the first ones and a note, not an endless report. */
export const MAX_REPORTED_ISSUES = 200;

export interface WorkbookIssue {
  sheet: string;
  /** 1-based row; 0 for the file or sheet as a whole. */
  line: number;
  column?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** i18n keys of each refusal; the two importers word them in their own namespaces. */
export interface WorkbookMessages {
  notXlsx: string;
  missingSheet: string;
  tooManyRows: string;
  tooManyColumns: string;
  formula: string;
  wrongHeader: string;
  tooManyIssues: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && ZIP_MAGIC.every((byte, i) => bytes[i] === byte);

/** A cell's value as plain data; undefined for a cell that holds an error (#REF! and the like). */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return undefined;
  }
  return undefined;
}

function hasFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value as unknown;
  return (
    cell.type === ExcelJS.ValueType.Formula ||
    Boolean((cell as { formula?: unknown }).formula) ||
    (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value))
  );
}

export function cappedIssues(issues: WorkbookIssue[], messages: Pick<WorkbookMessages, "tooManyIssues">): WorkbookIssue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_REPORTED_ISSUES),
    { sheet: "", line: 0, messageKey: messages.tooManyIssues, params: { max: MAX_REPORTED_ISSUES } },
  ];
}

export type GuardedWorkbook =
  | { ok: true; sheets: Record<string, ExcelJS.Worksheet> }
  | { ok: false; issues: WorkbookIssue[] };

/**
 * Opens the upload; `sheets[0]` is the data sheet whose first row must equal `header`.
 */
export async function openGuardedWorkbook(
  input: Uint8Array,
  options: { sheets: readonly string[]; header: readonly string[]; messages: WorkbookMessages },
): Promise<GuardedWorkbook> {
  const { messages } = options;
  const fileIssue = (messageKey: string, params?: Record<string, string | number>, sheet = ""): GuardedWorkbook => ({
    ok: false,
    issues: [{ sheet, line: 0, messageKey, params }],
  });
  if (!looksLikeZip(input)) return fileIssue(messages.notXlsx);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
  } catch {
    return fileIssue(messages.notXlsx);
  }
  const sheets: Record<string, ExcelJS.Worksheet> = {};
  for (const name of options.sheets) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) return fileIssue(messages.missingSheet, { sheet: name });
    sheets[name] = sheet;
  }
  const all = Object.values(sheets);
  for (const sheet of all) {
    if (sheet.actualRowCount > MAX_XLSX_ROWS + 1 || sheet.rowCount > MAX_XLSX_ROWS * 5) {
      return fileIssue(messages.tooManyRows, { max: MAX_XLSX_ROWS }, sheet.name);
    }
    if (sheet.columnCount > MAX_XLSX_COLUMNS) return fileIssue(messages.tooManyColumns, { max: MAX_XLSX_COLUMNS }, sheet.name);
  }
  const formulas: WorkbookIssue[] = [];
  for (const sheet of all) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (hasFormula(cell)) formulas.push({ sheet: sheet.name, line: row.number, messageKey: messages.formula, params: { cell: cell.address } });
      }),
    );
  }
  if (formulas.length) return { ok: false, issues: cappedIssues(formulas, messages) };

  const dataSheet = sheets[options.sheets[0]];
  const header = (dataSheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(plainValue(v) ?? "").trim());
  while (header.length && header[header.length - 1] === "") header.pop();
  if (header.join("|") !== options.header.join("|")) {
    return {
      ok: false,
      issues: [{ sheet: dataSheet.name, line: 1, messageKey: messages.wrongHeader, params: { expected: options.header.join(", ") } }],
    };
  }
  return { ok: true, sheets };
}
