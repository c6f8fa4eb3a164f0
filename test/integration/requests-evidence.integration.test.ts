import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { evidenceLinks, questionnaireAnswers } from "#db/schema/index";
import { templateContentSchema } from "~/domain/questionnaires/model";
import * as clientFile from "~/routes/client.$orgId.evidence.$evidenceId_.file";
import * as clientPartner from "~/routes/client.$orgId.partners.$partnershipId";
import * as clientReview from "~/routes/client.$orgId.questionnaires.$requestId";
import * as vendorRequest from "~/routes/vendor.$orgId.questionnaires.$requestId";
import { createStoredEvidence } from "../factories/evidence";
import { createOrganization, createPartnership } from "../factories/index";
import { createPublishedVersion, createRequest } from "../factories/questionnaire-requests";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

const text = (en: string) => ({ en, nl: `NL ${en}` });
const template = templateContentSchema.parse({
  title: text("Certificates"),
  sections: [
    {
      key: "sec",
      title: text("Security"),
      questions: [
        {
          key: "sec.iso",
          type: "evidence",
          text: text("Upload your ISO 27001 certificate"),
          required: true,
          weight: 3,
          critical: false,
          minFiles: 1,
          maxFiles: 2,
          requireValidUntil: true,
          scoring: { kind: "evidence_present" },
        },
      ],
    },
  ],
});

let w: Awaited<ReturnType<typeof world>>;
let certificate: { evidenceId: string };
async function world() {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id);
  const { version } = await createPublishedVersion(db(), client.id, template);
  const request = await createRequest(db(), partnership.id, version.id);
  return { client, vendor, partnership, request, responder: await person(vendor.id, "responder"), manager: await person(client.id, "manager") };
}
beforeAll(async () => {
  w = await world();
});

const save = (value: unknown, version: number, cookie = w.responder.cookie) =>
  call(
    vendorRequest.action as Handler,
    postRequest(`/vendor/${w.vendor.id}/questionnaires/${w.request.id}`, { intent: "save", questionKey: "sec.iso", version: String(version), value: JSON.stringify(value) }, cookie),
    { orgId: w.vendor.id, requestId: w.request.id },
  );

/** The titles the client's partnership page lists under the vendor's evidence. */
async function evidenceOnPartnerPage() {
  const page = await call(clientPartner.loader as Handler, getRequest(`/client/${w.client.id}/partners/${w.partnership.id}`, w.manager.cookie), {
    orgId: w.client.id,
    partnershipId: w.partnership.id,
  });
  return (page.body as { evidence: { title: string }[] }).evidence.map((e) => e.title);
}

async function storedAnswer() {
  const [row] = await db()
    .select()
    .from(questionnaireAnswers)
    .where(and(eq(questionnaireAnswers.requestId, w.request.id), eq(questionnaireAnswers.questionKey, "sec.iso")));
  return row;
}

describe("evidence as the answer to a question", () => {
  it("attaches the vendor's own file, takes its validity from storage and shares it with the client", async () => {
    const cert = await createStoredEvidence(db(), w.vendor.id, { title: "ISO 27001", validUntil: "2099-03-31" });
    // The browser claims a different date; the stored version's date is what counts.
    const result = await save({ files: [{ fileId: cert.versionId, validUntil: "2199-01-01" }] }, 0);
    expect(result.body).toMatchObject({ ok: true });
    const answer = await storedAnswer();
    expect(answer.value).toEqual({ files: [{ fileId: cert.versionId, validUntil: "2099-03-31" }] });
    const links = await db().select().from(evidenceLinks).where(eq(evidenceLinks.targetId, answer.id));
    expect(links).toMatchObject([{ evidenceId: cert.evidenceId, partnershipId: w.partnership.id, targetType: "answer" }]);

    // The vendor's draft stays its own: the client sees the file once the answers are submitted.
    const file = await call(
      clientFile.loader as Handler,
      getRequest(`/client/${w.client.id}/evidence/${cert.evidenceId}/file`, w.manager.cookie),
      { orgId: w.client.id, evidenceId: cert.evidenceId },
    );
    expect(file.status).toBe(404);
    expect(await evidenceOnPartnerPage()).toEqual([]);
    certificate = cert;
  });

  it("refuses another organization's file and an expired one, writing nothing", async () => {
    const before = await storedAnswer();
    const otherVendor = await createOrganization(db(), "vendor");
    const theirs = await createStoredEvidence(db(), otherVendor.id);
    const foreign = await save({ files: [{ fileId: theirs.versionId }] }, before.version);
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ formError: { key: "requests:errors.evidenceUnknown" } });

    const old = await createStoredEvidence(db(), w.vendor.id, { validUntil: "2001-01-01" });
    const expired = await save({ files: [{ fileId: old.versionId }] }, before.version);
    expect(expired.status).toBe(422);
    expect((await storedAnswer()).version).toBe(before.version);
  });

  it("detaching a file removes the client's access through that answer", async () => {
    const current = await storedAnswer();
    const second = await createStoredEvidence(db(), w.vendor.id, { title: "Pentest", validUntil: "2099-01-01" });
    const first = (current.value as { files: { fileId: string }[] }).files[0].fileId;
    const both = await save({ files: [{ fileId: first }, { fileId: second.versionId }] }, current.version);
    expect(both.body).toMatchObject({ ok: true });
    const only = await save({ files: [{ fileId: first }] }, (both.body as { version: number }).version);
    expect(only.body).toMatchObject({ ok: true });
    const links = await db().select().from(evidenceLinks).where(eq(evidenceLinks.targetId, current.id));
    expect(links.map((l) => l.evidenceId)).not.toContain(second.evidenceId);
    const file = await call(
      clientFile.loader as Handler,
      getRequest(`/client/${w.client.id}/evidence/${second.evidenceId}/file`, w.manager.cookie),
      { orgId: w.client.id, evidenceId: second.evidenceId },
    );
    expect(file.status).toBe(404);
  });

  it("shows the client each file's title and validity once submitted", async () => {
    const submit = await call(
      vendorRequest.action as Handler,
      postRequest(`/vendor/${w.vendor.id}/questionnaires/${w.request.id}`, { intent: "submit" }, w.responder.cookie),
      { orgId: w.vendor.id, requestId: w.request.id },
    );
    expect(submit.status).toBe(302);
    const view = await call(clientReview.loader as Handler, getRequest(`/client/${w.client.id}/questionnaires/${w.request.id}`, w.manager.cookie), {
      orgId: w.client.id,
      requestId: w.request.id,
    });
    const files = (view.body as { evidence: { files: Record<string, { title: string; validUntil: string }> } }).evidence.files;
    expect(Object.values(files)).toMatchObject([{ title: "ISO 27001", validUntil: "2099-03-31" }]);
    expect((view.body as { score: { questions: Record<string, { earned: number }> } }).score.questions["sec.iso"].earned).toBe(3);
    const file = await call(
      clientFile.loader as Handler,
      getRequest(`/client/${w.client.id}/evidence/${certificate.evidenceId}/file`, w.manager.cookie),
      { orgId: w.client.id, evidenceId: certificate.evidenceId },
    );
    expect(file.status).toBe(200);
    expect(await evidenceOnPartnerPage()).toEqual(["ISO 27001"]);
  });
});

describe("answer once, with evidence", () => {
  it("offers an accepted evidence answer to another client, and shares the file only when the vendor confirms and submits", async () => {
    const vendor = await createOrganization(db(), "vendor");
    const responder = await person(vendor.id, "responder");
    const clientA = await createOrganization(db(), "client");
    const clientB = await createOrganization(db(), "client");
    const partnershipA = await createPartnership(db(), clientA.id, vendor.id);
    const partnershipB = await createPartnership(db(), clientB.id, vendor.id);
    const managerB = await person(clientB.id, "manager");
    const cert = await createStoredEvidence(db(), vendor.id, { title: "ISO 27001", validUntil: "2099-01-01" });
    const { version: versionA } = await createPublishedVersion(db(), clientA.id, template);
    const requestA = await createRequest(db(), partnershipA.id, versionA.id);
    await db().insert(questionnaireAnswers).values({
      requestId: requestA.id,
      questionKey: "sec.iso",
      value: { files: [{ fileId: cert.versionId, validUntil: "2099-01-01" }] },
      isConfirmed: true,
      reviewState: "accepted",
      reviewedAt: new Date(),
    });
    const { version: versionB } = await createPublishedVersion(db(), clientB.id, template);
    const requestB = await createRequest(db(), partnershipB.id, versionB.id);
    const path = `/vendor/${vendor.id}/questionnaires/${requestB.id}`;

    const opened = await call(vendorRequest.loader as Handler, getRequest(path, responder.cookie), { orgId: vendor.id, requestId: requestB.id });
    const offered = (opened.body as { answers: Record<string, { value: unknown; isPrefill: boolean; version: number }> }).answers["sec.iso"];
    expect(offered).toMatchObject({ isPrefill: true, value: { files: [{ fileId: cert.versionId }] } });
    const fileUrl = `/client/${clientB.id}/evidence/${cert.evidenceId}/file`;
    const fileForB = () => call(clientFile.loader as Handler, getRequest(fileUrl, managerB.cookie), { orgId: clientB.id, evidenceId: cert.evidenceId });
    expect((await fileForB()).status).toBe(404);

    const confirmed = await call(
      vendorRequest.action as Handler,
      postRequest(path, { intent: "confirm", questionKey: "sec.iso", version: String(offered.version) }, responder.cookie),
      { orgId: vendor.id, requestId: requestB.id },
    );
    expect(confirmed.body).toMatchObject({ ok: true });
    // Linked now, and visible to client B once the vendor submits.
    expect((await fileForB()).status).toBe(404);
    const submitted = await call(vendorRequest.action as Handler, postRequest(path, { intent: "submit" }, responder.cookie), { orgId: vendor.id, requestId: requestB.id });
    expect(submitted.status).toBe(302);
    expect((await fileForB()).status).toBe(200);
  });
});
