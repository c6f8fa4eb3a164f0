import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { standardTemplates } from "../library/index";
import { fixtureTemplate } from "../test-fixtures";
import {
  exportTemplateXlsx,
  importTemplateXlsx,
  MAX_XLSX_ROWS,
  QUESTION_COLUMNS,
  QUESTIONS_SHEET,
  TEMPLATE_SHEET,
  xlsxMessages,
} from "./xlsx-transfer.server";

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
async function save(workbook: ExcelJS.Workbook) {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
/** The fixture exported, changed by `edit`, saved again. */
async function edited(edit: (questions: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
  const workbook = await load(await exportTemplateXlsx(fixtureTemplate));
  edit(workbook.getWorksheet(QUESTIONS_SHEET)!, workbook);
  return save(workbook);
}
const column = (name: (typeof QUESTION_COLUMNS)[number]) => QUESTION_COLUMNS.indexOf(name) + 1;
async function issuesOf(input: Uint8Array) {
  const result = await importTemplateXlsx(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe("XLSX transfer", () => {
  it.each(standardTemplates.map((t) => [t.slug, t.content] as const))("round-trips library template %s", async (_, content) => {
    expect(await importTemplateXlsx(await exportTemplateXlsx(content))).toEqual({ ok: true, content });
  });

  it("round-trips the fixture that uses every feature", async () => {
    expect(await importTemplateXlsx(await exportTemplateXlsx(fixtureTemplate))).toEqual({ ok: true, content: fixtureTemplate });
  });

  it("writes one row per question with the documented columns", async () => {
    const workbook = await load(await exportTemplateXlsx(fixtureTemplate));
    const sheet = workbook.getWorksheet(QUESTIONS_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...QUESTION_COLUMNS]);
    const count = fixtureTemplate.sections.reduce((n, s) => n + s.questions.length, 0);
    expect(sheet.actualRowCount).toBe(count + 1);
    expect(workbook.getWorksheet(TEMPLATE_SHEET)).toBeDefined();
  });

  it("refuses a file that is not XLSX at all", async () => {
    expect((await issuesOf(new TextEncoder().encode("key,type\nx,yes_no\n")))[0].messageKey).toBe(xlsxMessages.notXlsx);
  });

  it("refuses a ZIP that is not a workbook", async () => {
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await issuesOf(zipHeaderOnly))[0].messageKey).toBe(xlsxMessages.notXlsx);
  });

  it("refuses a workbook without the questions sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["a"]);
    expect(await issuesOf(await save(workbook))).toEqual([{ sheet: "", line: 0, messageKey: xlsxMessages.missingSheet, params: { sheet: QUESTIONS_SHEET } }]);
  });

  it("refuses wrong columns", async () => {
    const file = await edited((sheet) => {
      sheet.getRow(1).getCell(column("weight")).value = "gewicht";
    });
    const issues = await issuesOf(file);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: QUESTIONS_SHEET, line: 1, messageKey: xlsxMessages.wrongHeader });
  });

  it("refuses formulas, naming the cell", async () => {
    const file = await edited((sheet) => {
      sheet.getRow(3).getCell(column("weight")).value = { formula: "1+1", result: 2 };
    });
    expect(await issuesOf(file)).toEqual([
      { sheet: QUESTIONS_SHEET, line: 3, messageKey: xlsxMessages.formula, params: { cell: `${String.fromCharCode(64 + column("weight"))}3` } },
    ]);
  });

  it("refuses a huge sheet before reading its rows", async () => {
    const file = await edited((sheet) => {
      for (let i = 0; i < MAX_XLSX_ROWS + 5; i++) sheet.addRow(["s", "S", "S", null, null, null, `s.q${i}`, "text", "v", "q"]);
    });
    expect(await issuesOf(file)).toEqual([
      { sheet: QUESTIONS_SHEET, line: 0, messageKey: xlsxMessages.tooManyRows, params: { max: MAX_XLSX_ROWS } },
    ]);
  });

  it("reports every bad row with its line and reason, and returns no content", async () => {
    const file = await edited((sheet) => {
      sheet.getRow(2).getCell(column("weight")).value = "heavy";
      sheet.getRow(3).getCell(column("key")).value = "Bad Key";
      sheet.getRow(4).getCell(column("options")).value = "[not json";
      sheet.getRow(5).getCell(column("type")).value = "essay";
    });
    const issues = await issuesOf(file);
    const lines = issues.map((i) => `${i.line}:${i.column}:${i.messageKey}`);
    expect(lines).toContain("2:weight:questionnaires:transfer.errors.invalidNumber");
    expect(lines).toContain("3:key:questionnaires:validation.invalidKey");
    expect(lines).toContain("4:options:questionnaires:transfer.errors.invalidJson");
    expect(lines.some((l) => l.startsWith("5:"))).toBe(true);
    expect(issues.every((i) => i.sheet === QUESTIONS_SHEET)).toBe(true);
  });

  it("reports a missing template title on the template sheet", async () => {
    const file = await edited((_, workbook) => {
      const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
      sheet.getRow(2).getCell(2).value = null;
      sheet.getRow(3).getCell(2).value = null;
    });
    const issues = await issuesOf(file);
    expect(issues[0]).toMatchObject({ sheet: TEMPLATE_SHEET, messageKey: "questionnaires:validation.required" });
  });
});
