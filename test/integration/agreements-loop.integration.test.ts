import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementSignatures, auditEvents, notifications, outboxEmails } from "#db/schema/index";
import { sha256Hex } from "~/domain/agreements/hash.server";
import * as clientDetail from "~/routes/client.$orgId.agreements.$agreementId";
import * as clientPdf from "~/routes/client.$orgId.agreements.$agreementId_.pdf";
import * as clientList from "~/routes/client.$orgId.agreements._index";
import * as clientSend from "~/routes/client.$orgId.agreements.send";
import * as vendorDetail from "~/routes/vendor.$orgId.agreements.$agreementId";
import * as vendorPdf from "~/routes/vendor.$orgId.agreements.$agreementId_.pdf";
import * as vendorList from "~/routes/vendor.$orgId.agreements._index";
import * as verify from "~/routes/verify";
import { libraryVersion } from "../factories/agreements";
import { createOrganization, createPartnership } from "../factories/index";
import { createSubprocessor } from "../factories/subprocessors";
import { db, getRequest, postRequest, TEST_ORIGIN, testContext } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

/** Route handlers are typed for Remix's context; the tests pass the test context. */
const run = (handler: unknown, request: Request, params: Record<string, string>) => call(handler as Handler, request, params);

/**
 * The whole life of a processor agreement through the routes, against the real database:
 * send -> read -> sign (wrong hash refused, twice idempotent) -> countersign -> PDF -> verify.
 */
let clientOrgId: string;
let vendorOrgId: string;
let partnershipId: string;
let versionId: string;
let clientAdmin: Awaited<ReturnType<typeof person>>;
let clientReviewer: Awaited<ReturnType<typeof person>>;
let vendorAdmin: Awaited<ReturnType<typeof person>>;
let vendorResponder: Awaited<ReturnType<typeof person>>;
let agreementId: string;

beforeAll(async () => {
  const client = await createOrganization(db(), "client", { name: "Voltera Loop B.V." });
  const vendor = await createOrganization(db(), "vendor", { name: "Callcenter Loop B.V." });
  clientOrgId = client.id;
  vendorOrgId = vendor.id;
  partnershipId = (await createPartnership(db(), clientOrgId, vendorOrgId, { services: ["inbound"], dataCategories: ["contact_details"], countries: ["NL", "BE"] })).id;
  versionId = (await libraryVersion(db())).id;
  clientAdmin = await person(clientOrgId, "admin", "nl");
  clientReviewer = await person(clientOrgId, "reviewer", "en");
  vendorAdmin = await person(vendorOrgId, "admin", "en");
  vendorResponder = await person(vendorOrgId, "responder", "en");
});

const sendForm = (overrides: Record<string, string> = {}) => ({
  partnershipId,
  templateVersionId: versionId,
  language: "nl",
  effectiveDate: "2026-01-01",
  endDate: "2099-12-31",
  breachNotificationHours: "36",
  subprocessorNoticeDays: "30",
  services: "Inbound klantenservice",
  dataCategories: "NAW-gegevens",
  dataSubjects: "Klanten",
  purposes: "Klantcontact",
  retention: "90 dagen",
  subprocessors: "geen",
  countries: "Nederland",
  securityAnnex: "ISO 27001-maatregelen",
  ...overrides,
});

const clientPath = (id: string) => `/client/${clientOrgId}/agreements/${id}`;
const vendorPath = (id: string) => `/vendor/${vendorOrgId}/agreements/${id}`;
const getAgreement = async (id: string) => (await db().select().from(agreements).where(eq(agreements.id, id)))[0];

describe("send", () => {
  it("lists the partner as having no processor agreement yet", async () => {
    const list = await run(clientList.loader, getRequest(`/client/${clientOrgId}/agreements`, clientReviewer.cookie), { orgId: clientOrgId });
    expect((list.body as { uncovered: { id: string }[] }).uncovered.map((p) => p.id)).toEqual([partnershipId]);
  });

  it("prefills the send form from the register in the chosen language, with only approved sub-processors", async () => {
    await createSubprocessor(db(), partnershipId, { name: "CloudVoice B.V.", service: "Telephony", country: "DE", status: "approved" });
    await createSubprocessor(db(), partnershipId, { name: "Pending Ltd", status: "proposed" });
    const result = await run(clientSend.loader, getRequest(`/client/${clientOrgId}/agreements/send?partnershipId=${partnershipId}&language=en`, clientAdmin.cookie), { orgId: clientOrgId });
    expect(result.status).toBe(200);
    const defaults = (result.body as { defaults: Record<string, unknown> }).defaults;
    expect(defaults.clientName).toBe("Voltera Loop B.V.");
    expect(defaults.vendorName).toBe("Callcenter Loop B.V.");
    expect(defaults.countries).toBe("Netherlands, Belgium");
    expect(String(defaults.services)).toContain("Inbound");
    expect(defaults.subprocessors).toBe("CloudVoice B.V. - Telephony (Germany)");
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    const before = (await db().select().from(agreements).where(eq(agreements.partnershipId, partnershipId))).length;
    const bad = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, sendForm({ breachNotificationHours: "-3", effectiveDate: "31-12-2026" }), clientAdmin.cookie), { orgId: clientOrgId });
    expect(bad.status).toBe(200);
    expect(JSON.stringify(bad.body)).toContain("agreements:errors.breachHours");
    const order = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, sendForm({ endDate: "2025-06-01" }), clientAdmin.cookie), { orgId: clientOrgId });
    expect(order.status).toBe(422);
    expect((await db().select().from(agreements).where(eq(agreements.partnershipId, partnershipId))).length).toBe(before);
  });

  it("renders the text once, freezes it with its SHA-256 and tells the vendor's admins", async () => {
    const result = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, sendForm(), clientAdmin.cookie), { orgId: clientOrgId });
    expect(result.status).toBe(302);
    agreementId = result.location!.split("/").pop()!.split("?")[0];
    const row = await getAgreement(agreementId);
    expect(row.status).toBe("sent");
    expect(row.documentHash).toBe(sha256Hex(row.renderedText!));
    expect(row.renderedText).toContain("Voltera Loop B.V.");
    expect(row.renderedText).toContain("binnen 36 uur");
    expect(row.renderedText).toContain(`Kenmerk: ${agreementId}`);
    expect(row.renderedText).not.toMatch(/\{\{/);
    const note = await db().select().from(notifications).where(and(eq(notifications.userId, vendorAdmin.user.id), eq(notifications.messageKey, "agreements:notifications.sent")));
    expect(note).toHaveLength(1);
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, vendorAdmin.user.email), eq(outboxEmails.template, "agreement_sent")));
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe("en");
    expect(mails[0].subject).toContain("processor agreement");
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "agreement.sent"), eq(auditEvents.entityId, agreementId)));
    expect(event.organizationId).toBe(clientOrgId);
  });

  it("refuses a second open agreement for the same partner", async () => {
    const result = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, sendForm(), clientAdmin.cookie), { orgId: clientOrgId });
    expect(result.status).toBe(422);
    expect(JSON.stringify(result.body)).toContain("agreements:errors.openAgreementExists");
  });
});

describe("vendor signs", () => {
  it("shows the frozen text and the hash to the vendor, and lists it", async () => {
    const detail = await run(vendorDetail.loader, getRequest(vendorPath(agreementId), vendorResponder.cookie), { orgId: vendorOrgId, agreementId });
    expect(detail.status).toBe(200);
    const body = detail.body as { agreement: { documentHash: string; blocks: { text: string }[] }; can: { sign: boolean } };
    expect(body.agreement.documentHash).toBe((await getAgreement(agreementId)).documentHash);
    expect(body.can.sign).toBe(false);
    const list = await run(vendorList.loader, getRequest(`/vendor/${vendorOrgId}/agreements`, vendorResponder.cookie), { orgId: vendorOrgId });
    expect((list.body as { agreements: { id: string }[] }).agreements.map((a) => a.id)).toContain(agreementId);
  });

  it("lets only the vendor's admins sign (403 for a responder)", async () => {
    const { documentHash } = await getAgreement(agreementId);
    const result = await run(vendorDetail.action, postRequest(vendorPath(agreementId), { intent: "sign", fullName: "Rita Responder", jobTitle: "Agent", consent: "on", documentHash: documentHash! }, vendorResponder.cookie), { orgId: vendorOrgId, agreementId });
    expect(result.status).toBe(403);
  });

  it("refuses a signature without consent, and one on a hash that no longer matches", async () => {
    const noConsent = await run(vendorDetail.action, postRequest(vendorPath(agreementId), { intent: "sign", fullName: "Fatima El Amrani", jobTitle: "Director", documentHash: "a".repeat(64) }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId });
    expect(JSON.stringify(noConsent.body)).toContain("agreements:errors.consent");
    const wrong = await run(vendorDetail.action, postRequest(vendorPath(agreementId), { intent: "sign", fullName: "Fatima El Amrani", jobTitle: "Director", consent: "on", documentHash: "a".repeat(64) }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId });
    expect(wrong.status).toBe(409);
    expect(JSON.stringify(wrong.body)).toContain("agreements:errors.hashMismatch");
    expect(await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreementId))).toHaveLength(0);
    expect((await getAgreement(agreementId)).status).toBe("sent");
  });

  it("records name, function, consent, time, IP, browser and hash; a second signature changes nothing", async () => {
    const { documentHash } = await getAgreement(agreementId);
    const form = { intent: "sign", fullName: "Fatima El Amrani", jobTitle: "Director", consent: "on", documentHash: documentHash! };
    const first = await run(vendorDetail.action, postRequest(vendorPath(agreementId), form, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId });
    expect(first.body).toMatchObject({ ok: true, notice: "signed" });
    const second = await run(vendorDetail.action, postRequest(vendorPath(agreementId), form, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, notice: "already_signed" });
    const signatures = await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreementId));
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ side: "vendor", userId: vendorAdmin.user.id, fullName: "Fatima El Amrani", jobTitle: "Director", documentHash, ipAddress: testContext.clientIp });
    expect(signatures[0].consentText).toContain(documentHash!);
    expect(signatures[0].consentText).toContain("On behalf of Callcenter Loop B.V.");
    expect((await getAgreement(agreementId)).status).toBe("signed_by_vendor");
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, clientAdmin.user.email), eq(outboxEmails.template, "agreement_signed_by_vendor")));
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe("nl");
  });
});

describe("client countersigns", () => {
  it("refuses a reviewer (403)", async () => {
    const { documentHash } = await getAgreement(agreementId);
    const result = await run(clientDetail.action, postRequest(clientPath(agreementId), { intent: "countersign", fullName: "R", jobTitle: "Reviewer", consent: "on", documentHash: documentHash! }, clientReviewer.cookie), { orgId: clientOrgId, agreementId });
    expect(result.status).toBe(403);
  });

  it("puts the agreement in force and renders the PDF once", async () => {
    const { documentHash } = await getAgreement(agreementId);
    const form = { intent: "countersign", fullName: "Anna de Vries", jobTitle: "Privacy officer", consent: "on", documentHash: documentHash! };
    const result = await run(clientDetail.action, postRequest(clientPath(agreementId), form, clientAdmin.cookie), { orgId: clientOrgId, agreementId });
    expect(result.body).toMatchObject({ ok: true, notice: "signed" });
    const row = await getAgreement(agreementId);
    expect(row.status).toBe("in_force");
    expect(row.inForceAt).not.toBeNull();
    expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await run(clientDetail.action, postRequest(clientPath(agreementId), form, clientAdmin.cookie), { orgId: clientOrgId, agreementId });
    expect(again.body).toMatchObject({ notice: "already_signed" });
    expect((await getAgreement(agreementId)).pdfSha256).toBe(row.pdfSha256);
    const list = await run(clientList.loader, getRequest(`/client/${clientOrgId}/agreements`, clientReviewer.cookie), { orgId: clientOrgId });
    expect((list.body as { agreements: { id: string; status: string }[] }).agreements.find((a) => a.id === agreementId)?.status).toBe("in_force");
    expect((list.body as { uncovered: unknown[] }).uncovered).toEqual([]);
  });
});

let pdfBytes: Buffer;

describe("PDF and /verify", () => {
  it("serves the PDF to both sides as an attachment, with nosniff, matching its stored hash", async () => {
    const response = (await clientPdf.loader({ request: getRequest(`${clientPath(agreementId)}/pdf`, clientReviewer.cookie), params: { orgId: clientOrgId, agreementId }, context: testContext })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    pdfBytes = Buffer.from(await response.arrayBuffer());
    expect(sha256Hex(pdfBytes)).toBe((await getAgreement(agreementId)).pdfSha256);
    const vendorResponse = (await vendorPdf.loader({ request: getRequest(`${vendorPath(agreementId)}/pdf`, vendorResponder.cookie), params: { orgId: vendorOrgId, agreementId }, context: testContext })) as Response;
    expect(sha256Hex(Buffer.from(await vendorResponse.arrayBuffer()))).toBe(sha256Hex(pdfBytes));
  });

  it("holds the full text, both signature blocks, the hash and the verification URL (pdftotext)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "agreement-pdf-"));
    const file = path.join(dir, "agreement.pdf");
    writeFileSync(file, pdfBytes);
    const text = execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const row = await getAgreement(agreementId);
    expect(text).toContain("Verwerkersovereenkomst (art. 28 AVG)");
    expect(text).toContain("Gedocumenteerde instructies");
    expect(text).toContain("Fatima El Amrani");
    expect(text).toContain("Anna de Vries");
    expect(text).toContain(row.documentHash!);
    expect(text).toContain(`http://portal.test/verify?hash=${row.documentHash}`);
  });

  it("says valid for the PDF and for either hash, not found for a forged or altered one, and nothing else", async () => {
    const form = new FormData();
    form.set("pdf", new File([new Uint8Array(pdfBytes)], "agreement.pdf", { type: "application/pdf" }));
    const upload = await verify.action({ request: new Request(`${TEST_ORIGIN}/verify`, { method: "POST", body: form }), params: {}, context: testContext });
    expect(upload.answer?.result).toBe("valid");
    const row = await getAgreement(agreementId);
    for (const hash of [row.documentHash!, row.pdfSha256!.toUpperCase()]) {
      const answer = await verify.loader({ request: getRequest(`/verify?hash=${hash}`), params: {}, context: testContext });
      expect(answer?.answer?.result).toBe("valid");
      expect(JSON.stringify(answer)).not.toMatch(/Voltera|Callcenter|Fatima|Anna/);
      expect(JSON.stringify(answer)).not.toContain(agreementId);
    }
    const forged = await verify.loader({ request: getRequest(`/verify?hash=${"0".repeat(64)}`), params: {}, context: testContext });
    expect(forged).toEqual({ answer: { result: "not_found" } });
    const altered = new FormData();
    altered.set("pdf", new File([new Uint8Array(Buffer.concat([pdfBytes, Buffer.from("\n")]))], "agreement.pdf", { type: "application/pdf" }));
    const alteredAnswer = await verify.action({ request: new Request(`${TEST_ORIGIN}/verify`, { method: "POST", body: altered }), params: {}, context: testContext });
    expect(alteredAnswer).toEqual({ answer: { result: "not_found" } });
    const garbage = await verify.action({ request: postRequest("/verify", { hash: "<script>" }), params: {}, context: testContext });
    expect(garbage).toEqual({ error: "hash" });
  });

  it("hides the agreement and its PDF from another client (404)", async () => {
    const other = await createOrganization(db(), "client");
    const stranger = await person(other.id, "admin");
    const detail = await run(clientDetail.loader, getRequest(`/client/${other.id}/agreements/${agreementId}`, stranger.cookie), { orgId: other.id, agreementId });
    expect(detail.status).toBe(404);
    const pdf = await run(clientPdf.loader, getRequest(`/client/${other.id}/agreements/${agreementId}/pdf`, stranger.cookie), { orgId: other.id, agreementId });
    expect(pdf.status).toBe(404);
  });
});

describe("terminate", () => {
  it("ends the agreement with a reason; /verify then says it is no longer in force", async () => {
    const row = await getAgreement(agreementId);
    const stale = await run(clientDetail.action, postRequest(clientPath(agreementId), { intent: "terminate", reason: "Contract ended", lockVersion: String(row.lockVersion - 1) }, clientAdmin.cookie), { orgId: clientOrgId, agreementId });
    expect(stale.status).toBe(409);
    const done = await run(clientDetail.action, postRequest(clientPath(agreementId), { intent: "terminate", reason: "Contract ended", lockVersion: String(row.lockVersion) }, clientAdmin.cookie), { orgId: clientOrgId, agreementId });
    expect(done.body).toMatchObject({ notice: "terminated" });
    expect((await getAgreement(agreementId)).status).toBe("terminated");
    const answer = await verify.loader({ request: getRequest(`/verify?hash=${row.documentHash}`), params: {}, context: testContext });
    expect(answer?.answer?.result).toBe("ended");
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "agreement.terminated"), eq(auditEvents.entityId, agreementId)));
    expect(event.summary).toMatchObject({ reason: "Contract ended" });
  });
});
