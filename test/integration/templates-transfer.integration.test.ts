import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, questionnaireTemplates, questionnaireTemplateVersions } from "#db/schema/index";
import { standardTemplates } from "~/domain/questionnaires/library/index";
import { fixtureTemplate } from "~/domain/questionnaires/test-fixtures";
import { exportTemplateJson, importTemplateJson } from "~/domain/questionnaires/templates/json-transfer";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { exportTemplateXlsx, importTemplateXlsx, QUESTIONS_SHEET } from "~/domain/questionnaires/templates/xlsx-transfer.server";
import { loader as jsonLoader } from "~/routes/client.$orgId.templates.$templateId[.]json";
import { loader as xlsxLoader } from "~/routes/client.$orgId.templates.$templateId[.]xlsx";
import { action as listAction } from "~/routes/client.$orgId.templates._index";
import { createMember } from "../factories/index";
import { createTemplate } from "../factories/templates";
import { db, getRequest, responseOf, sessionCookieFor, statusOf, TEST_ORIGIN, testContext } from "../helpers";

async function manager() {
  const { user, organizationId: orgId } = await createMember(db(), "client", "manager");
  return { user, orgId, cookie: await sessionCookieFor(user.id) };
}

function upload(orgId: string, cookie: string, bytes: Uint8Array | string, name: string) {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], name));
  const request = new Request(`${TEST_ORIGIN}/client/${orgId}/templates`, { method: "POST", body: form, headers: { cookie, origin: TEST_ORIGIN } });
  return responseOf(() => listAction({ request, params: { orgId }, context: testContext })) as Promise<Response>;
}

const ownTemplates = (orgId: string) => db().select().from(questionnaireTemplates).where(eq(questionnaireTemplates.ownerOrgId, orgId));
const orgEvents = (orgId: string) => db().select().from(auditEvents).where(eq(auditEvents.organizationId, orgId));

async function importedContent(response: Response) {
  expect(response.status).toBe(302);
  const templateId = response.headers.get("location")!.split("/templates/")[1].split("?")[0];
  const [version] = await db().select().from(questionnaireTemplateVersions).where(eq(questionnaireTemplateVersions.templateId, templateId));
  expect(version).toMatchObject({ version: 1, status: "draft" });
  return version.content;
}

beforeAll(async () => {
  await syncStandardLibrary(db());
});

describe("template import", () => {
  it("imports a JSON export as a new own draft, with an audit event", async () => {
    const { orgId, cookie } = await manager();
    const content = await importedContent(await upload(orgId, cookie, exportTemplateJson(fixtureTemplate), "fixture.json"));
    expect(content).toEqual(fixtureTemplate);
    expect((await orgEvents(orgId)).map((e) => e.action)).toEqual(["template.imported"]);
  });

  it("imports an XLSX export as a new own draft", async () => {
    const { orgId, cookie } = await manager();
    const library = standardTemplates[1];
    const content = await importedContent(await upload(orgId, cookie, new Uint8Array(await exportTemplateXlsx(library.content)), "baseline.xlsx"));
    expect(content).toEqual(library.content);
  });

  it("imports nothing from an XLSX file with one bad row and reports its line", async () => {
    const { orgId, cookie } = await manager();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportTemplateXlsx(fixtureTemplate)) as unknown as ArrayBuffer);
    workbook.getWorksheet(QUESTIONS_SHEET)!.getRow(4).getCell(15).value = "heavy";
    const response = await upload(orgId, cookie, new Uint8Array(await workbook.xlsx.writeBuffer()), "bad.xlsx");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { issues: { line: number; column: string; messageKey: string }[] };
    expect(body.issues).toEqual([expect.objectContaining({ line: 4, column: "weight", messageKey: "questionnaires:transfer.errors.invalidNumber" })]);
    expect(await ownTemplates(orgId)).toEqual([]);
    expect(await orgEvents(orgId)).toEqual([]);
  });

  it.each([
    ["a file that is not XLSX or JSON", "just,some,csv\n", "data.xlsx", "questionnaires:transfer.errors.notXlsx"],
    ["JSON of another kind", JSON.stringify({ hello: "world" }), "other.json", "questionnaires:transfer.errors.wrongFormat"],
    ["binary junk", new Uint8Array([0xff, 0xfe, 0x00, 0x81]), "junk.json", "questionnaires:transfer.errors.notJson"],
  ])("imports nothing from %s, with a translated reason", async (_, bytes, name, key) => {
    const { orgId, cookie } = await manager();
    const response = await upload(orgId, cookie, bytes, name);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { issues: { messageKey: string }[] };
    expect(body.issues[0].messageKey).toBe(key);
    expect(await ownTemplates(orgId)).toEqual([]);
  });

  it("refuses an upload over 5 MB with 413", async () => {
    const { orgId, cookie } = await manager();
    expect((await upload(orgId, cookie, new Uint8Array(5 * 1024 * 1024 + 10), "huge.json")).status).toBe(413);
    expect(await ownTemplates(orgId)).toEqual([]);
  });
});

describe("template export", () => {
  it("downloads a version as JSON and as XLSX, both importing back to the same content", async () => {
    const { orgId, cookie } = await manager();
    const { template } = await createTemplate(db(), orgId, { content: fixtureTemplate, status: "published" });
    const params = { orgId, templateId: template.id };
    const json = (await jsonLoader({ request: getRequest(`/client/${orgId}/templates/${template.id}.json?version=1`, cookie), params, context: testContext })) as Response;
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="template-v1.json"');
    expect(importTemplateJson(await json.text())).toEqual({ ok: true, content: fixtureTemplate });

    const xlsx = (await xlsxLoader({ request: getRequest(`/client/${orgId}/templates/${template.id}.xlsx`, cookie), params, context: testContext })) as Response;
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(/^attachment; filename="template-v1\.xlsx"$/);
    expect(await importTemplateXlsx(new Uint8Array(await xlsx.arrayBuffer()))).toEqual({ ok: true, content: fixtureTemplate });
  });

  it("answers 404 for another client's template and for a version that does not exist", async () => {
    const owner = await manager();
    const outsider = await manager();
    const { template } = await createTemplate(db(), owner.orgId);
    const call = (who: typeof owner, search = "") =>
      statusOf(() => jsonLoader({ request: getRequest(`/client/${who.orgId}/templates/${template.id}.json${search}`, who.cookie), params: { orgId: who.orgId, templateId: template.id }, context: testContext }));
    expect(await call(outsider)).toBe(404);
    expect(await call(owner, "?version=7")).toBe(404);
    expect(await call(owner)).toBe(200);
  });
});
