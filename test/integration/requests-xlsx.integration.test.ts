import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditEvents, questionnaireAnswerHistory, questionnaireAnswers, questionnaireRequests } from "#db/schema/index";
import type { Actor } from "~/auth/policy";
import type { Role } from "~/auth/roles";
import { saveAnswer } from "~/domain/questionnaires/requests/answer-questionnaire.server";
import { assignSection } from "~/domain/questionnaires/requests/delegation.server";
import {
  ANSWERS_SHEET,
  exportClientAnswersXlsx,
  exportVendorAnswersXlsx,
  importAnswersXlsx,
  offlineMessages,
} from "~/domain/questionnaires/requests/answers-xlsx.server";
import { templateContentSchema } from "~/domain/questionnaires/model";
import * as clientXlsx from "~/routes/client.$orgId.questionnaires.$requestId[.]xlsx";
import * as vendorImport from "~/routes/vendor.$orgId.questionnaires.$requestId_.import";
import * as vendorXlsx from "~/routes/vendor.$orgId.questionnaires.$requestId[.]xlsx";
import { addMembership, createOrganization, createPartnership, createUser } from "../factories/index";
import { createPublishedVersion, createRequest } from "../factories/questionnaire-requests";
import { db, getRequest, sessionCookieFor, TEST_ORIGIN, testContext } from "../helpers";

const text = (en: string) => ({ en, nl: `NL ${en}` });
const option = (value: string, extra: Record<string, unknown> = {}) => ({ value, label: text(value.toUpperCase()), ...extra });

/** One question of every type, with a follow-up that only "no" shows. */
const allTypes = templateContentSchema.parse({
  title: { en: "Offline check", nl: "Offline controle" },
  sections: [
    {
      key: "main",
      title: text("Main"),
      questions: [
        { key: "yn", type: "yes_no", text: text("Signed?"), required: true, weight: 1, critical: false, allowPartly: true, allowNotApplicable: true },
        { key: "why", type: "text", text: text("Why not?"), required: true, weight: 0, critical: false, showWhen: { kind: "answer", question: "yn", op: "equals", value: "no" } },
        { key: "single", type: "single_choice", text: text("Channel?"), required: true, weight: 0, critical: false, options: [option("phone"), option("mail")] },
        { key: "multi", type: "multiple_choice", text: text("Sites?"), required: false, weight: 0, critical: false, options: [option("nl"), option("be"), option("none", { exclusive: true })] },
        { key: "num", type: "number", text: text("Agents?"), required: true, weight: 0, critical: false, min: 0, max: 1000 },
        { key: "when", type: "date", text: text("Last audit?"), required: false, weight: 0, critical: false },
        { key: "note", type: "text", text: text("Anything else?"), required: false, weight: 0, critical: false, multiline: true },
        { key: "doc", type: "evidence", text: text("Certificate"), required: false, weight: 0, critical: false, minFiles: 1, maxFiles: 2, requireValidUntil: false },
      ],
    },
  ],
});

async function person(orgId: string, kind: "client" | "vendor", role: Role): Promise<{ actor: Actor; cookie: string }> {
  const user = await createUser(db(), { password: null, locale: "en" });
  await addMembership(db(), user.id, orgId, role);
  return { actor: { userId: user.id, organizationId: orgId, organizationKind: kind, role } as Actor, cookie: await sessionCookieFor(user.id) };
}

async function world() {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id);
  const { version } = await createPublishedVersion(db(), client.id, allTypes);
  const request = await createRequest(db(), partnership.id, version.id);
  return {
    client,
    vendor,
    partnership,
    version,
    requestId: request.id,
    responder: await person(vendor.id, "vendor", "responder"),
    vendorViewer: await person(vendor.id, "vendor", "viewer"),
    contributor: await person(vendor.id, "vendor", "contributor"),
    manager: await person(client.id, "client", "manager"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const meta = { ipAddress: "203.0.113.10", userAgent: "vitest" };
const exportFile = async (w: World, requestId = w.requestId) => (await exportVendorAnswersXlsx(w.responder.actor, requestId, "en")).body;
const importFile = (w: World, bytes: Uint8Array, requestId = w.requestId) => importAnswersXlsx({ actor: w.responder.actor, requestId, bytes, meta });

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}
const save = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/** The answers sheet's row of a question. */
function rowOf(workbook: ExcelJS.Workbook, key: string) {
  const sheet = workbook.getWorksheet(ANSWERS_SHEET)!;
  for (let n = 2; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(2).value === key) return sheet.getRow(n);
  throw new Error(`no row ${key}`);
}

/** The file with the given answer/reason cells set (column 7 answer, 8 reason). */
async function edited(bytes: Uint8Array, cells: Record<string, { answer?: ExcelJS.CellValue; reason?: ExcelJS.CellValue }>, more?: (wb: ExcelJS.Workbook) => void) {
  const workbook = await load(bytes);
  for (const [key, { answer, reason }] of Object.entries(cells)) {
    const row = rowOf(workbook, key);
    if (answer !== undefined) row.getCell(7).value = answer;
    if (reason !== undefined) row.getCell(8).value = reason;
  }
  more?.(workbook);
  return save(workbook);
}

/** Everything an import could write. */
async function snapshot(requestId: string) {
  const answers = await db().select().from(questionnaireAnswers).where(eq(questionnaireAnswers.requestId, requestId));
  const history = await db().select().from(questionnaireAnswerHistory).where(eq(questionnaireAnswerHistory.requestId, requestId));
  const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.entityId, requestId), eq(auditEvents.action, "questionnaire.answers_imported")));
  const [request] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.id, requestId));
  return {
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, { value: a.value, version: a.version }])),
    history: history.length,
    audits: audits.length,
    status: request.status,
    version: request.version,
  };
}

const fullEdit = {
  yn: { answer: "not_applicable", reason: "We have no\nprocessor; line two" },
  single: { answer: "mail" },
  multi: { answer: "nl; be" },
  num: { answer: 12.5 },
  when: { answer: "2024-03-15" },
  note: { answer: "  Free text, kept as typed: ; = \"quotes\"  " },
};
const fullExpected = {
  yn: { choice: "not_applicable", reason: "We have no\nprocessor; line two" },
  single: "mail",
  multi: ["nl", "be"],
  num: 12.5,
  when: "2024-03-15",
  note: "  Free text, kept as typed: ; = \"quotes\"  ",
};

describe("offline answering: round trips", () => {
  it("imports an untouched export without changing anything", async () => {
    const w = await world();
    const before = await snapshot(w.requestId);
    const result = await importFile(w, await exportFile(w));
    expect(result).toEqual({ status: "imported", changed: 0, unchanged: 7 });
    expect(await snapshot(w.requestId)).toEqual(before);
    expect(before.status).toBe("sent");
  });

  it("imports exactly the edited answers of every type, audited, and exports them back losslessly", async () => {
    const w = await world();
    const result = await importFile(w, await edited(await exportFile(w), fullEdit));
    expect(result).toEqual({ status: "imported", changed: 6, unchanged: 1 });
    const after = await snapshot(w.requestId);
    expect(Object.fromEntries(Object.entries(after.answers).map(([k, a]) => [k, a.value]))).toEqual(fullExpected);
    expect(after.status).toBe("in_progress");
    expect(after.audits).toBe(1);
    const history = await db().select().from(questionnaireAnswerHistory).where(eq(questionnaireAnswerHistory.requestId, w.requestId));
    expect(history.map((h) => h.kind)).toEqual(Array(6).fill("imported"));
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.entityId, w.requestId), eq(auditEvents.action, "questionnaire.answers_imported")));
    expect(event.summary).toMatchObject({ changed: 6, unchanged: 1 });

    // Export again: the cells read back as written, and re-importing them changes nothing.
    const again = await exportFile(w);
    const workbook = await load(again);
    expect(rowOf(workbook, "multi").getCell(7).value).toBe("nl;be");
    expect(rowOf(workbook, "yn").getCell(8).value).toBe(fullEdit.yn.reason);
    expect(rowOf(workbook, "num").getCell(9).value).toBe(1);
    expect(await importFile(w, again)).toEqual({ status: "imported", changed: 0, unchanged: 7 });
    expect(await snapshot(w.requestId)).toEqual(after);
  });

  it("keeps answers saved in the portal through an untouched round trip, and clears a blanked cell", async () => {
    const w = await world();
    expect(await saveAnswer({ actor: w.responder.actor, requestId: w.requestId, questionKey: "yn", version: 0, value: { choice: "no" } })).toMatchObject({ status: "saved" });
    await saveAnswer({ actor: w.responder.actor, requestId: w.requestId, questionKey: "why", version: 0, value: "Still negotiating" });
    await saveAnswer({ actor: w.responder.actor, requestId: w.requestId, questionKey: "num", version: 0, value: 7 });
    const before = await snapshot(w.requestId);
    const file = await exportFile(w);
    expect(await importFile(w, file)).toMatchObject({ status: "imported", changed: 0 });
    expect(await snapshot(w.requestId)).toEqual(before);

    // "yes" hides the follow-up; clearing it at the same time is allowed.
    const result = await importFile(w, await edited(file, { yn: { answer: "YES" }, why: { answer: null }, num: { answer: "8,5" } }));
    expect(result).toMatchObject({ status: "imported", changed: 3 });
    const after = await snapshot(w.requestId);
    expect(after.answers.yn).toEqual({ value: { choice: "yes" }, version: 2 });
    expect(after.answers.why.value).toBeNull();
    expect(after.answers.num.value).toBe(8.5);
  });
});

describe("offline answering: bad files are refused as a whole", () => {
  async function refused(w: World, bytes: Uint8Array) {
    const before = await snapshot(w.requestId);
    const result = await importFile(w, bytes);
    expect(result.status).toBe("invalid");
    expect(await snapshot(w.requestId)).toEqual(before);
    return result.status === "invalid" ? result.issues : [];
  }

  it("refuses what is not an XLSX file, or a broken ZIP", async () => {
    const w = await world();
    expect((await refused(w, new TextEncoder().encode("key,answer\nyn,yes\n")))[0].messageKey).toBe(offlineMessages.notXlsx);
    expect((await refused(w, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))[0].messageKey).toBe(offlineMessages.notXlsx);
  });

  it("refuses changed columns, a formula, a missing sheet and a huge sheet", async () => {
    const w = await world();
    const file = await exportFile(w);
    const header = await refused(w, await edited(file, {}, (wb) => (wb.getWorksheet(ANSWERS_SHEET)!.getRow(1).getCell(7).value = "antwoord")));
    expect(header[0]).toMatchObject({ messageKey: offlineMessages.wrongHeader, line: 1 });

    const formula = await refused(w, await edited(file, { num: { answer: { formula: "1+1", result: 2 } as ExcelJS.CellValue } }));
    expect(formula[0]).toMatchObject({ messageKey: offlineMessages.formula, params: { cell: "G6" } });

    const missing = await refused(w, await edited(file, {}, (wb) => wb.removeWorksheet(wb.getWorksheet(ANSWERS_SHEET)!.id)));
    expect(missing[0]).toMatchObject({ messageKey: offlineMessages.missingSheet, params: { sheet: ANSWERS_SHEET } });

    const huge = await refused(
      w,
      await edited(file, {}, (wb) => {
        const sheet = wb.getWorksheet(ANSWERS_SHEET)!;
        for (let i = 0; i < 2_001; i++) sheet.addRow(["s", `k${i}`, "text", "q", null, "no", "x", null, 0]);
      }),
    );
    expect(huge[0].messageKey).toBe(offlineMessages.tooManyRows);
  });

  it("reports every bad row with its line, and writes none of the good ones", async () => {
    const w = await world();
    const issues = await refused(
      w,
      await edited(
        await exportFile(w),
        { single: { answer: "fax" }, num: { answer: "twelve" }, yn: { answer: "maybe" }, when: { answer: "15-03-2024" }, note: { answer: "fine" } },
        (wb) => wb.getWorksheet(ANSWERS_SHEET)!.addRow(["s", "ghost", "text", "q", null, "no", "boo", null, 0]),
      ),
    );
    expect(issues.map((i) => [i.line, i.messageKey])).toEqual([
      [2, offlineMessages.unknownChoice],
      [6, offlineMessages.notNumber],
      [10, offlineMessages.unknownKey],
      [4, "questionnaires:validation.answer.unknownOption"],
      [7, "questionnaires:validation.answer.invalidDate"],
    ]);
  });

  it("refuses an answer to a question the file's own answers hide", async () => {
    const w = await world();
    const issues = await refused(w, await edited(await exportFile(w), { yn: { answer: "yes" }, why: { answer: "because" } }));
    expect(issues).toEqual([expect.objectContaining({ line: 3, messageKey: offlineMessages.hidden })]);
  });

  it("reports an answer changed in the portal since the export as a conflict", async () => {
    const w = await world();
    const file = await exportFile(w);
    await saveAnswer({ actor: w.responder.actor, requestId: w.requestId, questionKey: "num", version: 0, value: 3 });
    const issues = await refused(w, await edited(file, { num: { answer: 4 }, single: { answer: "phone" } }));
    expect(issues).toEqual([expect.objectContaining({ line: 6, messageKey: offlineMessages.conflict, params: { version: 1 } })]);
    // The same file without that row's change goes through: the portal's answer is kept.
    expect(await importFile(w, await edited(file, { num: { answer: 3 }, single: { answer: "phone" } }))).toMatchObject({ status: "imported", changed: 1 });
  });

  it("lets a contributor change only the sections assigned to them", async () => {
    const w = await world();
    const file = await edited(await exportFile(w), { num: { answer: 4 } });
    const asContributor = () => importAnswersXlsx({ actor: w.contributor.actor, requestId: w.requestId, bytes: file, meta });
    const before = await snapshot(w.requestId);
    const result = await asContributor();
    expect(result).toEqual({ status: "invalid", issues: [expect.objectContaining({ line: 6, messageKey: offlineMessages.notAssigned })] });
    expect(await snapshot(w.requestId)).toEqual(before);
    await assignSection({ actor: w.responder.actor, requestId: w.requestId, sectionKey: "main", assigneeUserId: w.contributor.actor.userId, meta });
    expect(await asContributor()).toMatchObject({ status: "imported", changed: 1 });
  });

  it("refuses a file of another request, and any file for a foreign request (404)", async () => {
    const w = await world();
    const other = await createRequest(db(), w.partnership.id, w.version.id);
    const issues = await refused(w, await edited(await exportFile(w, other.id), { num: { answer: 4 } }));
    expect(issues[0].messageKey).toBe(offlineMessages.otherRequest);

    const stranger = await world();
    await expect(importFile(stranger, await exportFile(w), w.requestId)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportFile(stranger, w.requestId)).rejects.toMatchObject({ code: "not_found" });
  });
});

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>;
async function respond(handler: Handler, request: Request, params: Record<string, string>): Promise<Response | Record<string, unknown>> {
  try {
    return (await handler({ request, params, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const statusOf = (r: Response | Record<string, unknown>) => (r instanceof Response ? r.status : 200);

function upload(path: string, cookie: string, bytes: Uint8Array, name = "answers.xlsx") {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return new Request(`${TEST_ORIGIN}${path}`, { method: "POST", body: form, headers: { cookie, origin: TEST_ORIGIN } });
}

describe("offline answering: routes", () => {
  it("downloads as an attachment, in the chosen language", async () => {
    const w = await world();
    const path = `/vendor/${w.vendor.id}/questionnaires/${w.requestId}.xlsx?lang=nl`;
    const response = await respond(vendorXlsx.loader as Handler, getRequest(path, w.responder.cookie), { orgId: w.vendor.id, requestId: w.requestId });
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const workbook = await load(new Uint8Array(await res.arrayBuffer()));
    expect(rowOf(workbook, "yn").getCell(4).value).toBe("NL Signed?");
  });

  it("imports through the page, and answers 413 for a file over 5 MB", async () => {
    const w = await world();
    const path = `/vendor/${w.vendor.id}/questionnaires/${w.requestId}/import`;
    const params = { orgId: w.vendor.id, requestId: w.requestId };
    const ok = await respond(vendorImport.action as Handler, upload(path, w.responder.cookie, await edited(await exportFile(w), { num: { answer: 9 } })), params);
    expect(await (ok as Response).json()).toEqual({ ok: true, changed: 1, unchanged: 6 });

    const bad = (await respond(vendorImport.action as Handler, upload(path, w.responder.cookie, new TextEncoder().encode("nope"), "x.xlsx"), params)) as Response;
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0].messageKey).toBe(offlineMessages.notXlsx);

    const big = await respond(vendorImport.action as Handler, upload(path, w.responder.cookie, new Uint8Array(5 * 1024 * 1024 + 10)), params);
    expect(statusOf(big)).toBe(413);

    const viewer = await respond(vendorImport.action as Handler, upload(path, w.vendorViewer.cookie, await exportFile(w)), params);
    expect(statusOf(viewer)).toBe(403);
  });

  it("lets the client download only after the vendor submitted; never someone else's", async () => {
    const w = await world();
    const path = `/client/${w.client.id}/questionnaires/${w.requestId}.xlsx`;
    const params = { orgId: w.client.id, requestId: w.requestId };
    await saveAnswer({ actor: w.responder.actor, requestId: w.requestId, questionKey: "num", version: 0, value: 5 });
    expect(statusOf(await respond(clientXlsx.loader as Handler, getRequest(path, w.manager.cookie), params))).toBe(404);
    await expect(exportClientAnswersXlsx(w.manager.actor, w.requestId, "en")).rejects.toMatchObject({ code: "not_found", messageKey: offlineMessages.notSubmitted });

    await db().update(questionnaireRequests).set({ status: "submitted", submittedAt: new Date() }).where(eq(questionnaireRequests.id, w.requestId));
    const response = (await respond(clientXlsx.loader as Handler, getRequest(path, w.manager.cookie), params)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(rowOf(await load(new Uint8Array(await response.arrayBuffer())), "num").getCell(7).value).toBe(5);

    const stranger = await world();
    const foreign = `/client/${stranger.client.id}/questionnaires/${w.requestId}.xlsx`;
    expect(statusOf(await respond(clientXlsx.loader as Handler, getRequest(foreign, stranger.manager.cookie), { orgId: stranger.client.id, requestId: w.requestId }))).toBe(404);
    const vendorForeign = `/vendor/${stranger.vendor.id}/questionnaires/${w.requestId}.xlsx`;
    expect(statusOf(await respond(vendorXlsx.loader as Handler, getRequest(vendorForeign, stranger.responder.cookie), { orgId: stranger.vendor.id, requestId: w.requestId }))).toBe(404);
  });
});
