import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { openGuardedWorkbook, plainValue } from "~/domain/questionnaires/guarded-workbook.server";
import { readForm } from "~/utils/http.server";
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, expectedHeader, validateRoster, type Cell, type RosterContext, type RosterIssue, type RosterRow } from "./roster";

const m = (key: string) => `training:roster.errors.${key}`;
const HEADER_SENTINEL = "__roster_header__";

function tooLarge(): never {
  throw new Response("Payload Too Large", { status: 413, statusText: "Payload Too Large" });
}

/**
 * Reads the attest form, a multipart post with an optional roster file under the 5 MB cap: 413
 * when the declared or actual size is over it (nothing is buffered beyond the cap), 400 for a
 * malformed body. A url-encoded post (typed counts, no file) is read as well.
 */
export async function readAttestUpload(request: Request): Promise<{ form: FormData; file: File | null }> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_ROSTER_BYTES + 64 * 1024) tooLarge();
  const type = request.headers.get("content-type") ?? "";
  // Typed counts without a file: an ordinary form under the ordinary cap.
  if (!type.startsWith("multipart/form-data")) return { form: await readForm(request), file: null };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ROSTER_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) tooLarge();
    throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  }
  const file = form.get("roster");
  return { form, file: file && typeof file === "object" && file.size > 0 ? (file as File) : null };
}

const isZip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Signatures of files that are no roster, even when they are (mostly) text: PDF, old XLS, images, programs. */
const FOREIGN_SIGNATURES = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .xls, .doc
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x4d, 0x5a], // MZ: Windows programs
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/** Bytes that no text roster contains: a known file signature, NUL, or many C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  if (FOREIGN_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) return true;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) controls++;
  }
  return controls > sample.length / 100;
}

/**
 * The rows of an uploaded roster, validated: XLSX (recognised by its ZIP signature, opened through
 * the guarded workbook: no formulas, row and column caps) or CSV (UTF-8, comma or semicolon).
 * Anything else, or any bad row, is refused with every problem found.
 */
export async function parseRosterFile(
  bytes: Uint8Array,
  fileName: string,
  context: RosterContext,
): Promise<{ ok: true; rows: RosterRow[] } | { ok: false; issues: RosterIssue[] }> {
  const refuse = (key: string, params?: Record<string, string | number>) => ({ ok: false as const, issues: [{ line: 0, messageKey: m(key), params }] });
  if (bytes.byteLength > MAX_ROSTER_BYTES) return refuse("tooLarge", { max: "5 MB" });
  const lower = fileName.toLowerCase();
  if (isZip(bytes)) {
    if (!lower.endsWith(".xlsx")) return refuse("wrongType");
    return parseXlsx(bytes, context);
  }
  if (lower.endsWith(".xlsx")) return refuse("notXlsx");
  if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) return refuse("wrongType");
  if (looksBinary(bytes)) return refuse("wrongType");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse("notUtf8");
  }
  return parseCsv(text, context);
}

function parseCsv(text: string, context: RosterContext) {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  // Dutch spreadsheet programs write semicolons; the header says which one this file uses.
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: MAX_ROSTER_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 0;
    return { ok: false as const, issues: [{ line, messageKey: m("csvUnreadable") }] };
  }
  if (records.length === 0) return { ok: false as const, issues: [{ line: 0, messageKey: m("empty") }] };
  if (records.length > MAX_ROSTER_ROWS + 1) return { ok: false as const, issues: [{ line: 0, messageKey: m("tooManyRows"), params: { max: MAX_ROSTER_ROWS } }] };
  const [header, ...rest] = records;
  return validateRoster(
    header.record,
    rest.map((r) => ({ line: r.info.lines, cells: r.record })),
    context,
  );
}

const workbookMessages = {
  notXlsx: m("notXlsx"),
  missingSheet: m("notXlsx"),
  tooManyRows: m("tooManyRows"),
  tooManyColumns: m("tooManyColumns"),
  formula: m("formula"),
  // The header is judged by the roster rules, which say why (names, or which columns).
  wrongHeader: HEADER_SENTINEL,
  tooManyIssues: m("tooManyIssues"),
};

async function parseXlsx(bytes: Uint8Array, context: RosterContext) {
  const notXlsx = { ok: false as const, issues: [{ line: 0, messageKey: m("notXlsx") }] };
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0];
  } catch {
    return notXlsx;
  }
  if (!sheet) return notXlsx;
  // The shared guard: ZIP, row and column caps, no formulas anywhere in the sheet.
  const guarded = await openGuardedWorkbook(bytes, { sheets: [sheet.name], header: expectedHeader(context.namesRequired), messages: workbookMessages });
  if (!guarded.ok && !(guarded.issues.length === 1 && guarded.issues[0].messageKey === HEADER_SENTINEL)) {
    return { ok: false as const, issues: guarded.issues.map(({ line, column, messageKey, params }) => ({ line, column, messageKey, params })) };
  }
  const width = Math.max(sheet.columnCount, expectedHeader(true).length);
  const cellsOf = (row: ExcelJS.Row): Cell[] => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const value = plainValue(row.getCell(c).value);
      // An error cell (#REF! and the like) is nothing a roster can hold: the row rules refuse it.
      cells.push(value === undefined ? "#ERROR" : value);
    }
    return cells;
  };
  const header = cellsOf(sheet.getRow(1));
  const rows: { line: number; cells: Cell[] }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push({ line: r, cells: cellsOf(sheet.getRow(r)) });
  return validateRoster(header, rows, context);
}

/** The CSV a vendor downloads to fill in: the header and one example row. */
export function rosterTemplateCsv(namesRequired: boolean): string {
  const header = expectedHeader(namesRequired).join(",");
  const example = namesRequired ? "A-1001,Jan Jansen,agent,AVG basics,2026.1,2026-01-15,86" : "A-1001,agent,AVG basics,2026.1,2026-01-15,86";
  return `${header}\r\n${example}\r\n`;
}
