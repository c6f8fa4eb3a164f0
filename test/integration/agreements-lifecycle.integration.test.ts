import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementReminders, agreements, agreementTemplateVersions, auditEvents, outboxEmails } from "#db/schema/index";
import { runAgreementLifecycle } from "~/domain/agreements/lifecycle.server";
import { syncAgreementLibrary } from "~/domain/agreements/templates.server";
import * as clientDetail from "~/routes/client.$orgId.agreements.$agreementId";
import * as clientSend from "~/routes/client.$orgId.agreements.send";
import * as clientTemplate from "~/routes/client.$orgId.agreements.templates.$templateId";
import * as clientTemplates from "~/routes/client.$orgId.agreements.templates._index";
import * as vendorDetail from "~/routes/vendor.$orgId.agreements.$agreementId";
import * as verify from "~/routes/verify";
import { createAgreement, libraryVersion } from "../factories/agreements";
import { createStoredEvidence } from "../factories/evidence";
import { createOrganization, createPartnership } from "../factories/index";
import { db, getRequest, postRequest, testContext } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

/** Route handlers are typed for Remix's context; the tests pass the test context. */
const run = (handler: unknown, request: Request, params: Record<string, string>) => call(handler as Handler, request, params);

let clientOrgId: string;
let vendorOrgId: string;
let partnershipId: string;
let clientAdmin: Awaited<ReturnType<typeof person>>;
let vendorAdmin: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  clientOrgId = (await createOrganization(db(), "client")).id;
  vendorOrgId = (await createOrganization(db(), "vendor")).id;
  partnershipId = (await createPartnership(db(), clientOrgId, vendorOrgId)).id;
  clientAdmin = await person(clientOrgId, "admin", "en");
  vendorAdmin = await person(vendorOrgId, "admin", "nl");
});

describe("templates", () => {
  let templateId: string;
  const templatePath = () => `/client/${clientOrgId}/agreements/templates/${templateId}`;
  const current = async () => (await run(clientTemplate.loader, getRequest(templatePath(), clientAdmin.cookie), { orgId: clientOrgId, templateId })).body as {
    template: { current: { lockVersion: number; status: string; version: number }; content: { name: { nl: string; en: string }; clauses: { key: string; heading: { nl: string; en: string }; body: { nl: string; en: string } }[] } };
  };
  const draftForm = (content: Awaited<ReturnType<typeof current>>["template"]["content"], lockVersion: number, extra: Record<string, string> = {}) => ({
    intent: "save",
    lockVersion: String(lockVersion),
    nameNl: content.name.nl,
    nameEn: content.name.en,
    clauseKey: content.clauses.map((c) => c.key),
    headingNl: content.clauses.map((c) => c.heading.nl),
    headingEn: content.clauses.map((c) => c.heading.en),
    bodyNl: content.clauses.map((c) => c.body.nl),
    bodyEn: content.clauses.map((c) => c.body.en),
    ...extra,
  });

  it("syncs the shipped library idempotently", async () => {
    await syncAgreementLibrary(db());
    expect((await syncAgreementLibrary(db())).versionsAdded).toBe(0);
  });

  it("copies the library template into an own draft", async () => {
    const library = (await run(clientTemplates.loader, getRequest(`/client/${clientOrgId}/agreements/templates`, clientAdmin.cookie), { orgId: clientOrgId })).body as { library: { id: string }[] };
    const copy = await run(clientTemplates.action, postRequest(`/client/${clientOrgId}/agreements/templates`, { intent: "copy", templateId: library.library[0].id }, clientAdmin.cookie), { orgId: clientOrgId });
    expect(copy.status).toBe(302);
    templateId = copy.location!.split("/").pop()!.split("?")[0];
    const { template } = await current();
    expect(template.current.status).toBe("draft");
    expect(template.content.clauses.length).toBeGreaterThan(8);
  });

  it("refuses to publish a draft with an unknown merge field, and a stale save", async () => {
    const { template } = await current();
    const content = structuredClone(template.content);
    content.clauses[0].body.en += " {{client.adress}}";
    const saved = await run(clientTemplate.action, postRequest(templatePath(), draftForm(content, template.current.lockVersion), clientAdmin.cookie), { orgId: clientOrgId, templateId });
    expect(saved.body).toMatchObject({ ok: true, notice: "saved" });
    const stale = await run(clientTemplate.action, postRequest(templatePath(), draftForm(content, template.current.lockVersion), clientAdmin.cookie), { orgId: clientOrgId, templateId });
    expect(stale.status).toBe(409);
    const after = await current();
    const publish = await run(clientTemplate.action, postRequest(templatePath(), { intent: "publish", lockVersion: String(after.template.current.lockVersion) }, clientAdmin.cookie), { orgId: clientOrgId, templateId });
    expect(publish.status).toBe(422);
    expect(publish.body).toMatchObject({ formError: { key: "agreements:errors.unknownMergeField", params: { field: "client.adress" } } });
  });

  it("publishes a fixed draft; the published version never changes and a new draft is a new version", async () => {
    const { template } = await current();
    const content = structuredClone(template.content);
    content.clauses[0].body.en = content.clauses[0].body.en.replace(" {{client.adress}}", "");
    await run(clientTemplate.action, postRequest(templatePath(), draftForm(content, template.current.lockVersion, { change: "new" }), clientAdmin.cookie), { orgId: clientOrgId, templateId });
    const withEmpty = await current();
    expect(withEmpty.template.content.clauses.length).toBe(content.clauses.length + 1);
    const removed = await run(
      clientTemplate.action,
      postRequest(templatePath(), draftForm(withEmpty.template.content, withEmpty.template.current.lockVersion, { remove: String(content.clauses.length) }), clientAdmin.cookie),
      { orgId: clientOrgId, templateId },
    );
    expect(removed.body).toMatchObject({ ok: true });
    const ready = await current();
    const publish = await run(clientTemplate.action, postRequest(templatePath(), { intent: "publish", lockVersion: String(ready.template.current.lockVersion) }, clientAdmin.cookie), { orgId: clientOrgId, templateId });
    expect(publish.body).toMatchObject({ ok: true, notice: "published", version: 1 });
    const saveAgain = await run(clientTemplate.action, postRequest(templatePath(), draftForm(ready.template.content, ready.template.current.lockVersion + 1), clientAdmin.cookie), { orgId: clientOrgId, templateId });
    expect(saveAgain.status).toBe(422);
    await run(clientTemplate.action, postRequest(templatePath(), { intent: "new-draft" }, clientAdmin.cookie), { orgId: clientOrgId, templateId });
    const versions = await db().select().from(agreementTemplateVersions).where(eq(agreementTemplateVersions.templateId, templateId));
    expect(versions.map((v) => [v.version, v.status]).sort()).toEqual([
      [1, "published"],
      [2, "draft"],
    ]);
  });
});

describe("changes requested, then a new version", () => {
  it("the vendor asks for changes; the client's new version supersedes the old one", async () => {
    const versionId = (await libraryVersion(db())).id;
    const form = {
      partnershipId,
      templateVersionId: versionId,
      language: "en",
      effectiveDate: "2026-01-01",
      endDate: "",
      breachNotificationHours: "48",
      subprocessorNoticeDays: "30",
    };
    const first = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, form, clientAdmin.cookie), { orgId: clientOrgId });
    const oldId = first.location!.split("/").pop()!.split("?")[0];
    const ask = await run(vendorDetail.action, postRequest(`/vendor/${vendorOrgId}/agreements/${oldId}`, { intent: "comment", body: "Please make it 24 hours.", requestsChanges: "on" }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId: oldId });
    expect(ask.body).toMatchObject({ ok: true, notice: "commented" });
    const old = (await db().select().from(agreements).where(eq(agreements.id, oldId)))[0];
    expect(old.status).toBe("changes_requested");
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, clientAdmin.user.email), eq(outboxEmails.template, "agreement_changes_requested")));
    expect(mails).toHaveLength(1);

    const prefill = await run(clientSend.loader, getRequest(`/client/${clientOrgId}/agreements/send?supersedes=${oldId}&language=en`, clientAdmin.cookie), { orgId: clientOrgId });
    expect((prefill.body as { defaults: { breachNotificationHours: number }; replacing: { id: string } }).defaults.breachNotificationHours).toBe(48);
    const second = await run(clientSend.action, postRequest(`/client/${clientOrgId}/agreements/send`, { ...form, breachNotificationHours: "24", supersedesAgreementId: oldId }, clientAdmin.cookie), { orgId: clientOrgId });
    expect(second.status).toBe(302);
    const newId = second.location!.split("/").pop()!.split("?")[0];
    const [oldAfter, created] = await Promise.all([oldId, newId].map(async (id) => (await db().select().from(agreements).where(eq(agreements.id, id)))[0]));
    expect(oldAfter.status).toBe("superseded");
    expect(created).toMatchObject({ status: "sent", supersedesAgreementId: oldId, breachNotificationHours: 24 });
    expect(created.documentHash).not.toBe(oldAfter.documentHash);
    const signOld = await run(vendorDetail.action, postRequest(`/vendor/${vendorOrgId}/agreements/${oldId}`, { intent: "sign", fullName: "Noor Admin", jobTitle: "CEO", consent: "on", documentHash: oldAfter.documentHash! }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId: oldId });
    expect(signOld.status).toBe(422);
    expect(JSON.stringify(signOld.body)).toContain("agreements:errors.notSignable");
  });
});

describe("daily job", () => {
  // The job scans every tenant, so it runs on days in 1990: no other test's agreement ends then.
  it("reminds 30 days ahead once, then marks the lapsed agreement expired without a user", async () => {
    const other = await createPartnership(db(), clientOrgId, (await createOrganization(db(), "vendor")).id);
    const agreement = await createAgreement(db(), other.id, { inForce: true, endDate: "1990-06-30" });
    const first = await runAgreementLifecycle(db(), "1990-05-31");
    expect(first.reminded).toContainEqual({ agreementId: agreement.id, days: 30 });
    const again = await runAgreementLifecycle(db(), "1990-05-31");
    expect(again.reminded.filter((r) => r.agreementId === agreement.id)).toEqual([]);
    expect(await db().select().from(agreementReminders).where(eq(agreementReminders.agreementId, agreement.id))).toHaveLength(1);
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, clientAdmin.user.email), eq(outboxEmails.template, "agreement_ending")));
    expect(mails).toHaveLength(1);

    const lastDay = await runAgreementLifecycle(db(), "1990-06-30");
    expect(lastDay.expired).not.toContain(agreement.id);
    const lapsed = await runAgreementLifecycle(db(), "1990-07-01");
    expect(lapsed.expired).toContain(agreement.id);
    expect((await db().select().from(agreements).where(eq(agreements.id, agreement.id)))[0].status).toBe("expired");
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "agreement.expired"), eq(auditEvents.entityId, agreement.id)));
    expect(event.actorUserId).toBeNull();
    const answer = await verify.loader({ request: getRequest(`/verify?hash=${agreement.documentHash}`), params: {}, context: testContext });
    expect(answer?.answer?.result).toBe("ended");
  });

  it("shows an agreement past its end date as lapsed before the job has run", async () => {
    const other = await createPartnership(db(), clientOrgId, (await createOrganization(db(), "vendor")).id);
    const agreement = await createAgreement(db(), other.id, { inForce: true, endDate: "2020-01-31" });
    const view = await run(clientDetail.loader, getRequest(`/client/${clientOrgId}/agreements/${agreement.id}`, clientAdmin.cookie), { orgId: clientOrgId, agreementId: agreement.id });
    expect((view.body as { agreement: { health: string; status: string } }).agreement).toMatchObject({ status: "in_force", health: "lapsed" });
    const answer = await verify.loader({ request: getRequest(`/verify?hash=${agreement.documentHash}`), params: {}, context: testContext });
    expect(answer?.answer).toEqual({ result: "ended", since: "2020-02-01" });
  });
});

describe("evidence on an agreement", () => {
  it("the vendor attaches its own document, the client sees it; another vendor's document is refused", async () => {
    const agreement = await createAgreement(db(), partnershipId, { inForce: true });
    const own = await createStoredEvidence(db(), vendorOrgId, { title: "ISO 27001 certificaat", validUntil: "2099-01-01" });
    const foreign = await createStoredEvidence(db(), (await createOrganization(db(), "vendor")).id, { title: "Someone else's" });
    const path = `/vendor/${vendorOrgId}/agreements/${agreement.id}`;
    const refused = await run(vendorDetail.action, postRequest(path, { intent: "attach", evidenceId: foreign.evidenceId }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId: agreement.id });
    expect(refused.status).toBe(422);
    const attached = await run(vendorDetail.action, postRequest(path, { intent: "attach", evidenceId: own.evidenceId }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId: agreement.id });
    expect(attached.body).toMatchObject({ ok: true, notice: "attached" });
    const view = await run(clientDetail.loader, getRequest(`/client/${clientOrgId}/agreements/${agreement.id}`, clientAdmin.cookie), { orgId: clientOrgId, agreementId: agreement.id });
    expect((view.body as { evidence: { id: string; title: string }[] }).evidence).toEqual([{ id: own.evidenceId, title: "ISO 27001 certificaat", validUntil: "2099-01-01" }]);
    const detached = await run(vendorDetail.action, postRequest(path, { intent: "detach", evidenceId: own.evidenceId }, vendorAdmin.cookie), { orgId: vendorOrgId, agreementId: agreement.id });
    expect(detached.body).toMatchObject({ ok: true, notice: "detached" });
    const after = await run(clientDetail.loader, getRequest(`/client/${clientOrgId}/agreements/${agreement.id}`, clientAdmin.cookie), { orgId: clientOrgId, agreementId: agreement.id });
    expect((after.body as { evidence: unknown[] }).evidence).toEqual([]);
  });
});

describe("renewal", () => {
  it("a new version of an agreement in force takes over only once countersigned; the old one is then superseded", async () => {
    const vendor = await createOrganization(db(), "vendor");
    const signer = await person(vendor.id, "admin", "en");
    const partnership = await createPartnership(db(), clientOrgId, vendor.id);
    const old = await createAgreement(db(), partnership.id, { inForce: true, endDate: "2099-01-31" });
    const versionId = (await libraryVersion(db())).id;
    const sent = await run(
      clientSend.action,
      postRequest(
        `/client/${clientOrgId}/agreements/send`,
        { partnershipId: partnership.id, templateVersionId: versionId, language: "en", effectiveDate: "2099-02-01", endDate: "2101-01-31", breachNotificationHours: "24", subprocessorNoticeDays: "30", supersedesAgreementId: old.id },
        clientAdmin.cookie,
      ),
      { orgId: clientOrgId },
    );
    const renewalId = sent.location!.split("/").pop()!.split("?")[0];
    const statusOf = async (id: string) => (await db().select().from(agreements).where(eq(agreements.id, id)))[0];
    expect((await statusOf(old.id)).status).toBe("in_force");
    const renewal = await statusOf(renewalId);
    const signature = { fullName: "Sam Signer", jobTitle: "Director", consent: "on", documentHash: renewal.documentHash! };
    await run(vendorDetail.action, postRequest(`/vendor/${vendor.id}/agreements/${renewalId}`, { intent: "sign", ...signature }, signer.cookie), { orgId: vendor.id, agreementId: renewalId });
    const countersigned = await run(clientDetail.action, postRequest(`/client/${clientOrgId}/agreements/${renewalId}`, { intent: "countersign", ...signature }, clientAdmin.cookie), { orgId: clientOrgId, agreementId: renewalId });
    expect(countersigned.body).toMatchObject({ notice: "signed" });
    expect((await statusOf(renewalId)).status).toBe("in_force");
    expect((await statusOf(old.id)).status).toBe("superseded");
    const answer = await verify.loader({ request: getRequest(`/verify?hash=${old.documentHash}`), params: {}, context: testContext });
    expect(answer?.answer?.result).toBe("ended");
  });
});
