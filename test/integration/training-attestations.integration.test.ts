import ExcelJS from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, evidenceLinks, notifications, trainingAttestations, trainingRosterEntries } from "#db/schema/index";
import * as clientHistory from "~/routes/client.$orgId.training.$requirementId_.$partnershipId";
import * as clientList from "~/routes/client.$orgId.training._index";
import * as vendorAttest from "~/routes/vendor.$orgId.training.$partnershipId.$requirementId";
import * as vendorList from "~/routes/vendor.$orgId.training._index";
import * as vendorTemplate from "~/routes/vendor.$orgId.training.roster-template[.]csv";
import { todayInDisplayZone } from "~/utils/dates";
import { addDays, addMonths } from "~/utils/calendar-date";
import { createStoredEvidence, minimalPdf } from "../factories/evidence";
import { createOrganization, createPartnership } from "../factories/index";
import { createTrainingAttestation, createTrainingRequirement } from "../factories/training";
import { db, getRequest, postRequest, TEST_ORIGIN, testContext } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

const today = todayInDisplayZone();
const daysAgo = (n: number) => addDays(today, -n);

async function world(requirementOverrides: Parameters<typeof createTrainingRequirement>[2] = {}) {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor", { name: "KlantContact Test" });
  const partnership = await createPartnership(db(), client.id, vendor.id);
  const requirement = await createTrainingRequirement(db(), client.id, { minimumCoveragePercent: 95, ...requirementOverrides });
  const otherVendor = await createOrganization(db(), "vendor");
  const otherPartnership = await createPartnership(db(), client.id, otherVendor.id);
  return {
    client,
    vendor,
    partnership,
    requirement,
    otherVendor,
    otherPartnership,
    clientAdmin: await person(client.id, "admin"),
    clientManager: await person(client.id, "manager"),
    clientViewer: await person(client.id, "viewer"),
    vendorAdmin: await person(vendor.id, "admin"),
    responder: await person(vendor.id, "responder"),
    contributor: await person(vendor.id, "contributor"),
    otherVendorAdmin: await person(otherVendor.id, "admin"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const attestPath = (w: World, partnershipId = w.partnership.id, requirementId = w.requirement.id) => `/vendor/${w.vendor.id}/training/${partnershipId}/${requirementId}`;

const baseFields = () => ({
  periodStart: daysAgo(60),
  periodEnd: daysAgo(1),
  trainingProvider: "Privacy Academy",
  passMarkPercent: "70",
  attestingOfficerName: "Fatima El Amrani",
  attestingOfficerRole: "Compliance officer",
});

function multipart(path: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("roster", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return new Request(`${TEST_ORIGIN}${path}`, { method: "POST", body: form, headers: { cookie, origin: TEST_ORIGIN } });
}

function attest(w: World, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, options: { cookie?: string; partnershipId?: string; requirementId?: string } = {}) {
  const partnershipId = options.partnershipId ?? w.partnership.id;
  const requirementId = options.requirementId ?? w.requirement.id;
  return call(vendorAttest.action as Handler, multipart(attestPath(w, partnershipId, requirementId), options.cookie ?? w.responder.cookie, fields, file), {
    orgId: w.vendor.id,
    partnershipId,
    requirementId,
  });
}

const csv = (text: string) => new TextEncoder().encode(text);
const HEADER = "agent_id,role,course,course_version,completion_date,score";

/** A roster of `trained` current agents and `untrained` ones without a completion. */
function rosterCsv(trained: number, untrained: number, header = HEADER) {
  const lines = [header];
  for (let i = 0; i < trained; i++) lines.push(`A-${i},agent,AVG basics,2026.1,${daysAgo(10 + (i % 30))},${80 + (i % 20)}`);
  for (let i = 0; i < untrained; i++) lines.push(`B-${i},agent,AVG basics,2026.1,,`);
  return csv(lines.join("\n"));
}

const attestationsOf = (w: World) => db().select().from(trainingAttestations).where(eq(trainingAttestations.partnershipId, w.partnership.id));

async function clientCell(w: World) {
  const list = await call(clientList.loader as Handler, getRequest(`/client/${w.client.id}/training`, w.clientViewer.cookie), { orgId: w.client.id });
  return (list.body as { cells: Record<string, { status: string; coveragePercent: number | null }> }).cells[`${w.partnership.id}:${w.requirement.id}`];
}

describe("attesting with typed counts", () => {
  it("records the attestation, flags nothing at 97 %, tells the client and records the audit event", async () => {
    const w = await world();
    const result = await attest(w, { ...baseFields(), mode: "counts", agentsInScope: "100", agentsTrained: "97", firstCompletionDate: daysAgo(50), lastCompletionDate: daysAgo(5) });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${attestPath(w)}?attested=97`);
    const [row] = await attestationsOf(w);
    expect(row).toMatchObject({ agentsInScope: 100, agentsTrained: 97, coveragePercent: 97, hasRoster: false, passMarkPercent: 70, attestedByUserId: w.responder.user.id });
    expect(await clientCell(w)).toMatchObject({ status: "ok", coveragePercent: 97 });

    const notified = await db().select().from(notifications).where(and(eq(notifications.messageKey, "training:notifications.attested"), eq(notifications.organizationId, w.client.id)));
    expect(notified.map((n) => n.userId).sort()).toEqual([w.clientAdmin.user.id, w.clientManager.user.id].sort());
    expect(notified[0]).toMatchObject({ link: `/client/${w.client.id}/training/${w.requirement.id}/${w.partnership.id}`, params: { vendorName: "KlantContact Test", coverage: "97" } });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training.attested"), eq(auditEvents.entityId, row.id)));
    expect(event).toMatchObject({ organizationId: w.vendor.id, actorUserId: w.responder.user.id });
    expect(event.summary).toMatchObject({ coveragePercent: 97, agentsInScope: 100, agentsTrained: 97, hasRoster: false });
  });

  it("flags coverage below the minimum", async () => {
    const w = await world();
    const result = await attest(w, { ...baseFields(), mode: "counts", agentsInScope: "50", agentsTrained: "41", firstCompletionDate: daysAgo(50), lastCompletionDate: daysAgo(5) });
    expect(result.status).toBe(302);
    expect(await clientCell(w)).toMatchObject({ status: "below_minimum", coveragePercent: 82 });
  });

  it.each([
    ["more trained than in scope", { agentsInScope: "10", agentsTrained: "11" }, "trainedAboveScope"],
    ["trained agents without completion dates", { agentsInScope: "10", agentsTrained: "5", firstCompletionDate: "", lastCompletionDate: "" }, "completionDatesRequired"],
    ["completion dates in the wrong order", { agentsInScope: "10", agentsTrained: "5", lastCompletionDate: daysAgo(40) }, "completionOrder"],
    ["a completion after today", { agentsInScope: "10", agentsTrained: "5", lastCompletionDate: addDays(today, 1) }, "completionInFuture"],
    ["a period ending after today", { agentsInScope: "10", agentsTrained: "5", periodEnd: addDays(today, 3) }, "periodInFuture"],
    ["a period ending before it starts", { agentsInScope: "10", agentsTrained: "5", periodStart: daysAgo(1), periodEnd: daysAgo(2) }, "periodOrder"],
    ["no counts at all", { agentsInScope: "" }, "countsRequired"],
    ["an impossible date", { agentsInScope: "10", agentsTrained: "5", firstCompletionDate: "2025-02-30" }, "dateInvalid"],
    ["a roster file with typed counts", { agentsInScope: "10", agentsTrained: "5", withFile: "1" }, "rosterWithCounts"],
  ])("refuses %s with a translated error and stores nothing", async (_name, overrides, key) => {
    const w = await world();
    const { withFile, ...fields } = overrides as Record<string, string>;
    const result = await attest(
      w,
      { ...baseFields(), mode: "counts", firstCompletionDate: daysAgo(30), lastCompletionDate: daysAgo(2), ...fields },
      withFile ? { name: "roster.csv", bytes: rosterCsv(1, 0) } : undefined,
    );
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ formError: { key: `training:errors.${key}` } });
    // What was typed comes back, so the form is filled in again (also without JavaScript).
    expect(result.body).toMatchObject({ values: { trainingProvider: "Privacy Academy", attestingOfficerName: "Fatima El Amrani" } });
    expect(await attestationsOf(w)).toEqual([]);
  });

  it("refuses a form without the required fields with field errors (422), storing nothing", async () => {
    const w = await world();
    const result = await attest(w, { mode: "counts", agentsInScope: "-3" });
    expect(result.status).toBe(422);
    const errors = (result.body as { result: { error: Record<string, string[]> } }).result.error;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["periodStart", "periodEnd", "trainingProvider", "attestingOfficerName", "attestingOfficerRole", "agentsInScope"]));
    expect(await attestationsOf(w)).toEqual([]);
  });
});

describe("attesting with a roster", () => {
  it("computes coverage from a CSV roster and stores its rows without names", async () => {
    const w = await world();
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: rosterCsv(97, 3) });
    expect(result.status).toBe(302);
    const [row] = await attestationsOf(w);
    expect(row).toMatchObject({ agentsInScope: 100, agentsTrained: 97, coveragePercent: 97, hasRoster: true });
    expect(row.firstCompletionDate).toBe(daysAgo(39));
    expect(row.lastCompletionDate).toBe(daysAgo(10));
    const entries = await db().select().from(trainingRosterEntries).where(eq(trainingRosterEntries.attestationId, row.id));
    expect(entries).toHaveLength(100);
    expect(entries.every((e) => e.agentName === null)).toBe(true);
    expect(await clientCell(w)).toMatchObject({ status: "ok", coveragePercent: 97 });
  });

  it("reads a semicolon-separated CSV with a byte-order mark, as Dutch Excel writes it", async () => {
    const w = await world();
    const text = `\uFEFF${HEADER.replaceAll(",", ";")}\r\nA-1;agent;AVG;1;${daysAgo(3)};90\r\nA-2;team_lead;AVG;1;;\r\n`;
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: csv(text) });
    expect(result.status).toBe(302);
    expect((await attestationsOf(w))[0]).toMatchObject({ agentsInScope: 2, agentsTrained: 1, coveragePercent: 50 });
  });

  it("applies the pass mark, the frequency and the newest course version", async () => {
    const w = await world();
    const text = [
      HEADER,
      `A-1,agent,AVG,2026.2,${daysAgo(5)},90`,
      `A-2,agent,AVG,2026.2,${daysAgo(5)},60`,
      `A-3,agent,AVG,2026.1,${daysAgo(5)},95`,
      `A-4,agent,AVG,2026.2,${addMonths(daysAgo(400), 0)},95`,
      `IT-1,it,AVG,2026.2,${daysAgo(5)},95`,
    ].join("\n");
    const result = await attest(w, { ...baseFields(), mode: "roster", passMarkPercent: "70" }, { name: "roster.csv", bytes: csv(text) });
    expect(result.status).toBe(302);
    // In scope: four agents (IT is not a role of this requirement); trained: only A-1.
    expect((await attestationsOf(w))[0]).toMatchObject({ agentsInScope: 4, agentsTrained: 1, coveragePercent: 25 });
  });

  it("reports every bad row with its line and imports nothing", async () => {
    const w = await world();
    const text = [HEADER, `A-1,agent,AVG,1,${daysAgo(3)},90`, `A-2,boss,AVG,1,${daysAgo(3)},90`, `A-3,agent,AVG,1,31-12-2025,90`, `Jan Jansen,agent,AVG,1,${daysAgo(3)},90`, `A-1,agent,AVG,1,${daysAgo(3)},150`].join("\n");
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: csv(text) });
    expect(result.status).toBe(422);
    const issues = (result.body as { issues: { line: number; column?: string; messageKey: string }[] }).issues;
    expect(issues.map((i) => [i.line, i.column, i.messageKey.replace("training:roster.errors.", "")])).toEqual([
      [3, "role", "roleInvalid"],
      [4, "completion_date", "dateInvalid"],
      [5, "agent_id", "agentInvalid"],
      [6, "score", "scoreInvalid"],
      [6, "agent_id", "duplicate"],
    ]);
    expect(await attestationsOf(w)).toEqual([]);
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training.attested"), eq(auditEvents.organizationId, w.vendor.id)))).toEqual([]);
  });

  it("refuses a roster with names unless the client asks for them", async () => {
    const w = await world();
    const named = csv(`agent_id,agent_name,role,course,course_version,completion_date,score\nA-1,Jan Jansen,agent,AVG,1,${daysAgo(3)},90\n`);
    const refused = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: named });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issues: [{ line: 1, messageKey: "training:roster.errors.namesNotAllowed" }] });
    expect(await attestationsOf(w)).toEqual([]);
  });

  it("keeps names where the client asks for them, but never shows them to the client", async () => {
    const w = await world({ namesRequired: true });
    const named = csv(`agent_id,agent_name,role,course,course_version,completion_date,score\nA-1,Jan Jansen,agent,AVG,1,${daysAgo(3)},90\n`);
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: named });
    expect(result.status).toBe(302);
    const [row] = await attestationsOf(w);
    const [entry] = await db().select().from(trainingRosterEntries).where(eq(trainingRosterEntries.attestationId, row.id));
    expect(entry.agentName).toBe("Jan Jansen");
    const page = await call(clientHistory.loader as Handler, getRequest(`/client/${w.client.id}/training/${w.requirement.id}/${w.partnership.id}`, w.clientAdmin.cookie), {
      orgId: w.client.id,
      requirementId: w.requirement.id,
      partnershipId: w.partnership.id,
    });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain("Jan Jansen");
    expect(page.body).toMatchObject({ history: [{ hasRoster: true, roster: [{ role: "agent", course: "AVG", courseVersion: "1", agents: 1 }] }] });
  });

  it("reads an XLSX roster, and refuses one with a formula", async () => {
    const w = await world();
    const workbook = async (withFormula: boolean) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("Roster");
      sheet.addRow(HEADER.split(","));
      sheet.addRow(["A-1", "agent", "AVG", "1", daysAgo(3), 90]);
      sheet.addRow(["A-2", "agent", "AVG", "1", new Date(`${daysAgo(4)}T00:00:00Z`), 85]);
      if (withFormula) sheet.addRow(["A-3", "agent", "AVG", "1", daysAgo(3), { formula: "50+50", result: 100 }]);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };
    const refused = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.xlsx", bytes: await workbook(true) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issues: [{ line: 4, messageKey: "training:roster.errors.formula" }] });
    expect(await attestationsOf(w)).toEqual([]);
    const accepted = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.xlsx", bytes: await workbook(false) });
    expect(accepted.status).toBe(302);
    expect((await attestationsOf(w))[0]).toMatchObject({ agentsInScope: 2, agentsTrained: 2, coveragePercent: 100 });
  });

  it.each([
    ["a PDF", "roster.pdf", minimalPdf(), "wrongType"],
    ["a PDF renamed to .csv", "roster.csv", minimalPdf(), "wrongType"],
    ["a file named .xlsx that is not a workbook", "roster.xlsx", csv(HEADER), "notXlsx"],
    ["text that is not UTF-8", "roster.csv", Uint8Array.from([...csv(`${HEADER}\nA-1,agent,`), 0xe9, 0xe9, 0x0a]), "notUtf8"],
    ["a roster without an in-scope agent", "roster.csv", csv(`${HEADER}\nIT-1,it,AVG,1,${daysAgo(2)},90\n`), "noneInScope"],
  ])("refuses %s", async (_name, fileName, bytes, key) => {
    const w = await world();
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: fileName, bytes });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ issues: [{ messageKey: `training:roster.errors.${key}` }] });
    expect(await attestationsOf(w)).toEqual([]);
  });

  it("refuses a file over 5 MB with 413, storing nothing", async () => {
    const w = await world();
    const big = new Uint8Array(5 * 1024 * 1024 + 10).fill(0x41);
    const result = await attest(w, { ...baseFields(), mode: "roster" }, { name: "roster.csv", bytes: big });
    expect(result.status).toBe(413);
    expect(await attestationsOf(w)).toEqual([]);
  });

  it("refuses the roster mode without a file", async () => {
    const w = await world();
    const result = await attest(w, { ...baseFields(), mode: "roster" });
    expect(result).toMatchObject({ status: 422, body: { formError: { key: "training:errors.rosterMissing" } } });
  });

  it("serves the roster template, with the name column only when asked for", async () => {
    const w = await world();
    const plain = (await vendorTemplate.loader({ request: getRequest(`/vendor/${w.vendor.id}/training/roster-template.csv`, w.contributor.cookie), params: { orgId: w.vendor.id }, context: testContext })) as Response;
    expect(plain.headers.get("content-type")).toContain("text/csv");
    expect((await plain.text()).replace("\uFEFF", "").split("\r\n")[0]).toBe(HEADER);
    const named = (await vendorTemplate.loader({ request: getRequest(`/vendor/${w.vendor.id}/training/roster-template.csv?names=1`, w.contributor.cookie), params: { orgId: w.vendor.id }, context: testContext })) as Response;
    expect(await named.text()).toContain("agent_id,agent_name,role");
  });
});

describe("history, lapse and evidence", () => {
  it("keeps every attestation, newest first, and judges the status by the latest", async () => {
    const w = await world();
    await createTrainingAttestation(db(), w.partnership.id, w.requirement.id, {
      periodStart: "2024-01-01",
      periodEnd: "2024-01-31",
      firstCompletionDate: "2024-01-10",
      lastCompletionDate: "2024-01-30",
      attestedAt: new Date("2024-02-01T10:00:00Z"),
    });
    expect(await clientCell(w)).toMatchObject({ status: "lapsed" });
    const result = await attest(w, { ...baseFields(), mode: "counts", agentsInScope: "20", agentsTrained: "20", firstCompletionDate: daysAgo(20), lastCompletionDate: daysAgo(2) });
    expect(result.status).toBe(302);
    expect(await clientCell(w)).toMatchObject({ status: "ok", coveragePercent: 100 });
    const page = await call(clientHistory.loader as Handler, getRequest(`/client/${w.client.id}/training/${w.requirement.id}/${w.partnership.id}`, w.clientViewer.cookie), {
      orgId: w.client.id,
      requirementId: w.requirement.id,
      partnershipId: w.partnership.id,
    });
    const body = page.body as { status: string; validUntil: string; history: { coveragePercent: number; periodStart: string }[] };
    expect(body.history.map((h) => h.coveragePercent)).toEqual([100, 97]);
    expect(body.history[1].periodStart).toBe("2024-01-01");
    expect(body.status).toBe("ok");
    expect(body.validUntil).toBe(addMonths(daysAgo(20), 12));
  });

  it("is due soon within 30 days of lapsing", async () => {
    const w = await world();
    // The oldest counted completion expires in about ten days (twelve months after it).
    const first = addDays(today, 10 - 365);
    await createTrainingAttestation(db(), w.partnership.id, w.requirement.id, { firstCompletionDate: first, lastCompletionDate: daysAgo(5), periodStart: first, periodEnd: daysAgo(5) });
    expect(await clientCell(w)).toMatchObject({ status: "due_soon", coveragePercent: 97 });
  });

  it("links the chosen evidence to the attestation, and refuses another vendor's", async () => {
    const w = await world();
    const own = await createStoredEvidence(db(), w.vendor.id, { title: "Training certificate 2026" });
    const foreign = await createStoredEvidence(db(), w.otherVendor.id, { title: "Not yours" });
    const refused = await attest(w, { ...baseFields(), mode: "counts", agentsInScope: "10", agentsTrained: "10", firstCompletionDate: daysAgo(9), lastCompletionDate: daysAgo(1), evidenceId: foreign.evidenceId });
    expect(refused).toMatchObject({ status: 422, body: { formError: { key: "training:errors.evidenceUnavailable" } } });
    expect(await attestationsOf(w)).toEqual([]);
    const ok = await attest(w, { ...baseFields(), mode: "counts", agentsInScope: "10", agentsTrained: "10", firstCompletionDate: daysAgo(9), lastCompletionDate: daysAgo(1), evidenceId: own.evidenceId });
    expect(ok.status).toBe(302);
    const [row] = await attestationsOf(w);
    const links = await db().select().from(evidenceLinks).where(and(eq(evidenceLinks.targetType, "attestation"), eq(evidenceLinks.targetId, row.id)));
    expect(links).toEqual([expect.objectContaining({ evidenceId: own.evidenceId, partnershipId: w.partnership.id })]);
    const page = await call(clientHistory.loader as Handler, getRequest(`/client/${w.client.id}/training/${w.requirement.id}/${w.partnership.id}`, w.clientViewer.cookie), {
      orgId: w.client.id,
      requirementId: w.requirement.id,
      partnershipId: w.partnership.id,
    });
    expect(page.body).toMatchObject({ history: [{ evidence: [{ id: own.evidenceId, title: "Training certificate 2026" }] }] });
  });
});

describe("tenant isolation and rights", () => {
  it("hides other vendors' partnerships, other clients' requirements and requirements that do not apply (404)", async () => {
    const w = await world();
    const elsewhere = await world();
    const scoped = await createTrainingRequirement(db(), w.client.id, { appliesToPartnershipIds: [w.otherPartnership.id] });
    const fields = { ...baseFields(), mode: "counts", agentsInScope: "10", agentsTrained: "10", firstCompletionDate: daysAgo(9), lastCompletionDate: daysAgo(1) };
    // Another vendor's partnership with the same client.
    expect((await attest(w, fields, undefined, { partnershipId: w.otherPartnership.id })).status).toBe(404);
    // Another client's requirement through the own partnership.
    expect((await attest(w, fields, undefined, { requirementId: elsewhere.requirement.id })).status).toBe(404);
    // The own client's requirement that applies to another partnership only.
    expect((await attest(w, fields, undefined, { requirementId: scoped.id })).status).toBe(404);
    const page = await call(vendorAttest.loader as Handler, getRequest(attestPath(w, w.otherPartnership.id), w.vendorAdmin.cookie), {
      orgId: w.vendor.id,
      partnershipId: w.otherPartnership.id,
      requirementId: w.requirement.id,
    });
    expect(page.status).toBe(404);
    const rows = await db()
      .select()
      .from(trainingAttestations)
      .where(inArray(trainingAttestations.partnershipId, [w.partnership.id, w.otherPartnership.id, elsewhere.partnership.id]));
    expect(rows).toEqual([]);
  });

  it("lets contributors read but not attest (403)", async () => {
    const w = await world();
    const page = await call(vendorAttest.loader as Handler, getRequest(attestPath(w), w.contributor.cookie), { orgId: w.vendor.id, partnershipId: w.partnership.id, requirementId: w.requirement.id });
    expect(page).toMatchObject({ status: 200, body: { canAttest: false } });
    const fields = { ...baseFields(), mode: "counts", agentsInScope: "10", agentsTrained: "10", firstCompletionDate: daysAgo(9), lastCompletionDate: daysAgo(1) };
    expect((await attest(w, fields, undefined, { cookie: w.contributor.cookie })).status).toBe(403);
    expect(await attestationsOf(w)).toEqual([]);
  });

  it("shows a vendor only its own clients' requirements, worst status first", async () => {
    const w = await world();
    const lapsedOne = await createTrainingRequirement(db(), w.client.id, { topic: "security_awareness", minimumCoveragePercent: 90 });
    await createTrainingAttestation(db(), w.partnership.id, lapsedOne.id, { firstCompletionDate: "2020-01-01", lastCompletionDate: "2020-01-02", periodStart: "2020-01-01", periodEnd: "2020-01-31" });
    const list = await call(vendorList.loader as Handler, getRequest(`/vendor/${w.vendor.id}/training`, w.contributor.cookie), { orgId: w.vendor.id });
    const clients = (list.body as { clients: { partnershipId: string; items: { requirement: { id: string }; status: string }[] }[] }).clients;
    expect(clients.map((c) => c.partnershipId)).toEqual([w.partnership.id]);
    expect(clients[0].items.map((i) => [i.requirement.id, i.status])).toEqual([
      [lapsedOne.id, "lapsed"],
      [w.requirement.id, "missing"],
    ]);
  });

  it("a url-encoded post works too (typed counts without a file)", async () => {
    const w = await world();
    const fields = { ...baseFields(), mode: "counts", agentsInScope: "4", agentsTrained: "3", firstCompletionDate: daysAgo(9), lastCompletionDate: daysAgo(1) };
    const result = await call(vendorAttest.action as Handler, postRequest(attestPath(w), fields, w.vendorAdmin.cookie), { orgId: w.vendor.id, partnershipId: w.partnership.id, requirementId: w.requirement.id });
    expect(result.status).toBe(302);
    expect((await attestationsOf(w))[0]).toMatchObject({ coveragePercent: 75 });
  });
});
