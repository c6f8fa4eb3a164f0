import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  notifications,
  outboxEmails,
  partnerships,
  questionnaireCadences,
  questionnaireRequests,
  questionnaireTemplates,
  questionnaireTemplateVersions,
} from "#db/schema/index";
import { addDays } from "~/domain/questionnaires/requests/cadence";
import { issueDueCadences } from "~/domain/questionnaires/requests/cadences.server";
import { todayInAmsterdam } from "~/domain/questionnaires/requests/request-rules";
import * as partnershipPage from "~/routes/client.$orgId.partners.$partnershipId";
import { createOrganization, createPartnership } from "../factories/index";
import { createPublishedVersion, smallTemplate } from "../factories/questionnaire-requests";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

async function world(tier = 1) {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id, { riskTier: tier });
  const { template, version } = await createPublishedVersion(db(), client.id);
  return {
    client,
    vendor,
    partnership,
    template,
    version,
    manager: await person(client.id, "manager"),
    reviewer: await person(client.id, "reviewer"),
    vendorAdmin: await person(vendor.id, "admin", "nl"),
    responder: await person(vendor.id, "responder", "en"),
    contributor: await person(vendor.id, "contributor"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const pagePath = (w: World, partnershipId = w.partnership.id) => `/client/${w.client.id}/partners/${partnershipId}`;

function post(w: World, form: Record<string, string>, cookie = w.manager.cookie, partnershipId = w.partnership.id) {
  return call(partnershipPage.action as Handler, postRequest(pagePath(w, partnershipId), form, cookie), { orgId: w.client.id, partnershipId });
}
const setForm = (w: World, overrides: Record<string, string> = {}) => ({
  intent: "cadence_set",
  templateId: w.template.id,
  intervalMonths: "12",
  dueInDays: "30",
  ...overrides,
});

const cadencesOf = (partnershipId: string) =>
  db().select().from(questionnaireCadences).where(eq(questionnaireCadences.partnershipId, partnershipId));
const requestsOf = (partnershipId: string) =>
  db().select().from(questionnaireRequests).where(eq(questionnaireRequests.partnershipId, partnershipId));
const cadenceEvents = (clientOrgId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, clientOrgId),
        inArray(auditEvents.action, ["questionnaire.cadence_set", "questionnaire.cadence_stopped"]),
      ),
    );

/** A cadence made directly, due on `nextSendOn`. */
async function cadence(w: World, nextSendOn: string, overrides: Partial<typeof questionnaireCadences.$inferInsert> = {}) {
  const [row] = await db()
    .insert(questionnaireCadences)
    .values({ partnershipId: w.partnership.id, templateId: w.template.id, intervalMonths: 12, dueInDays: 30, nextSendOn, ...overrides })
    .returning();
  return row;
}
const outcomeOf = (outcomes: Awaited<ReturnType<typeof issueDueCadences>>, cadenceId: string) => outcomes.filter((o) => o.cadenceId === cadenceId);

describe("setting a cadence on the partnership page", () => {
  it("lets a manager set one (tier suggestion shown, first send tomorrow), change it and stop it, with audit events", async () => {
    const w = await world(1);
    const page = await call(partnershipPage.loader as Handler, getRequest(pagePath(w), w.manager.cookie), { orgId: w.client.id, partnershipId: w.partnership.id });
    const before = (page.body as { cadence: { suggestedMonths: number; canManage: boolean; templateOptions: { templateId: string }[] } }).cadence;
    expect(before).toMatchObject({ suggestedMonths: 12, canManage: true });
    expect(before.templateOptions.map((o) => o.templateId)).toContain(w.template.id);

    const set = await post(w, setForm(w));
    expect(set).toMatchObject({ status: 302, location: `${pagePath(w)}?cadence=set` });
    const [row] = await cadencesOf(w.partnership.id);
    expect(row).toMatchObject({ templateId: w.template.id, intervalMonths: 12, dueInDays: 30, isActive: true, createdByUserId: w.manager.user.id });
    expect(row.nextSendOn).toBe(addDays(todayInAmsterdam(), 1));

    // Setting the same template again changes the one cadence.
    expect((await post(w, setForm(w, { intervalMonths: "6", dueInDays: "14" }))).status).toBe(302);
    const rows = await cadencesOf(w.partnership.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: row.id, intervalMonths: 6, dueInDays: 14 });

    const shown = await call(partnershipPage.loader as Handler, getRequest(`${pagePath(w)}?cadence=set`, w.reviewer.cookie), { orgId: w.client.id, partnershipId: w.partnership.id });
    const view = (shown.body as { cadence: { canManage: boolean; notice: string; cadences: { id: string; title: { en: string }; intervalMonths: number }[] } }).cadence;
    expect(view).toMatchObject({ canManage: false, notice: "set" });
    expect(view.cadences).toEqual([expect.objectContaining({ id: row.id, title: smallTemplate.title, intervalMonths: 6 })]);

    expect(await post(w, { intent: "cadence_stop", cadenceId: row.id })).toMatchObject({ status: 302, location: `${pagePath(w)}?cadence=stopped` });
    expect((await cadencesOf(w.partnership.id))[0].isActive).toBe(false);

    const events = await cadenceEvents(w.client.id);
    expect(events.map((e) => e.action).sort()).toEqual(["questionnaire.cadence_set", "questionnaire.cadence_set", "questionnaire.cadence_stopped"]);
    expect(events.every((e) => e.actorUserId === w.manager.user.id && e.entityId === row.id)).toBe(true);
  });

  it("starts one interval after the template was last sent to the partnership", async () => {
    const w = await world(3);
    await db().insert(questionnaireRequests).values({ partnershipId: w.partnership.id, templateVersionId: w.version.id, dueDate: "2099-01-01" });
    expect((await post(w, setForm(w, { intervalMonths: "36" }))).status).toBe(302);
    const [row] = await cadencesOf(w.partnership.id);
    const today = todayInAmsterdam();
    const [y, m, d] = today.split("-");
    const expected = `${Number(y) + 3}-${m}-${m === "02" && d === "29" ? "28" : d}`;
    expect(row.nextSendOn).toBe(expected);
  });

  it("refuses a foreign partnership (404), a reviewer (403), bad intervals and unavailable templates, writing nothing", async () => {
    const w = await world();
    const other = await world();
    // Another client's partnership, and its template, through our own organization's URL.
    expect((await post(w, setForm(w), w.manager.cookie, other.partnership.id)).status).toBe(404);
    expect((await post(w, { intent: "cadence_stop", cadenceId: (await cadence(other, "2030-01-01")).id })).status).toBe(404);
    expect((await post(w, setForm(w), w.reviewer.cookie)).status).toBe(403);
    for (const intervalMonths of ["0", "61"]) {
      const refused = await post(w, setForm(w, { intervalMonths }));
      expect(refused).toMatchObject({ status: 422, body: { formError: { key: "requests:cadence.errors.intervalRange" } } });
    }
    expect((await post(w, setForm(w, { dueInDays: "0" }))).status).toBe(422);
    expect((await post(w, setForm(w, { intervalMonths: "twelve" }))).body).toMatchObject({ ok: false, intent: "cadence_set" });
    const foreignTemplate = await post(w, setForm(w, { templateId: other.template.id }));
    expect(foreignTemplate).toMatchObject({ status: 422, body: { formError: { key: "requests:cadence.errors.templateUnavailable" } } });
    const [draftOnly] = await db().insert(questionnaireTemplates).values({ ownerOrgId: w.client.id }).returning();
    await db().insert(questionnaireTemplateVersions).values({ templateId: draftOnly.id, version: 1, status: "draft", content: smallTemplate });
    expect((await post(w, setForm(w, { templateId: draftOnly.id }))).status).toBe(422);

    await db().update(partnerships).set({ status: "suspended" }).where(eq(partnerships.id, w.partnership.id));
    const suspended = await post(w, setForm(w));
    expect(suspended).toMatchObject({ status: 422, body: { formError: { key: "requests:cadence.errors.partnershipInactive" } } });

    expect(await cadencesOf(w.partnership.id)).toEqual([]);
    expect(await cadenceEvents(w.client.id)).toEqual([]);
  });
});

describe("issueDueCadences (the daily job)", () => {
  const today = "2031-03-31";

  it("sends the latest published version once when due, with notifications, e-mails and a system audit event", async () => {
    const w = await world();
    const [v2] = await db()
      .insert(questionnaireTemplateVersions)
      .values({ templateId: w.template.id, version: 2, status: "published", content: { ...smallTemplate, title: { nl: "Kleine controle 2", en: "Small check 2" } }, publishedAt: new Date() })
      .returning();
    await db().insert(questionnaireTemplateVersions).values({ templateId: w.template.id, version: 3, status: "draft", content: smallTemplate });
    const c = await cadence(w, today, { intervalMonths: 1, dueInDays: 30 });

    const outcomes = outcomeOf(await issueDueCadences(db(), today), c.id);
    expect(outcomes).toEqual([expect.objectContaining({ result: "sent", nextSendOn: "2031-04-30" })]);
    const [request] = await requestsOf(w.partnership.id);
    expect(request).toMatchObject({ cadenceId: c.id, templateVersionId: v2.id, status: "sent", dueDate: "2031-04-30", sentByUserId: null, message: null });
    expect((await cadencesOf(w.partnership.id))[0].nextSendOn).toBe("2031-04-30");

    const notes = await db().select().from(notifications).where(eq(notifications.organizationId, w.vendor.id));
    expect(notes.map((n) => n.userId).sort()).toEqual([w.vendorAdmin.user.id, w.responder.user.id].sort());
    expect(notes[0]).toMatchObject({ messageKey: "requests:notifications.sent", link: `/vendor/${w.vendor.id}/questionnaires/${request.id}` });
    const mails = await db()
      .select()
      .from(outboxEmails)
      .where(inArray(outboxEmails.toAddress, [w.vendorAdmin.user.email, w.responder.user.email, w.contributor.user.email]));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([w.vendorAdmin.user.email, w.responder.user.email].sort());
    expect(mails.every((m) => m.template === "questionnaire_sent")).toBe(true);

    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "questionnaire.sent"), eq(auditEvents.entityId, request.id)));
    expect(event).toMatchObject({ organizationId: w.client.id, actorUserId: null, actorLabel: "cadence" });
    expect(event.summary).toMatchObject({ templateVersionId: v2.id, version: 2, cadenceId: c.id, dueDate: "2031-04-30" });
  });

  it("sends once when run twice on the same day, one after the other or at the same time", async () => {
    const w = await world();
    const c = await cadence(w, "2031-03-01");
    await issueDueCadences(db(), today);
    expect(outcomeOf(await issueDueCadences(db(), today), c.id)).toEqual([]);
    expect(await requestsOf(w.partnership.id)).toHaveLength(1);

    const v = await world();
    const d = await cadence(v, today);
    const [first, second] = await Promise.all([issueDueCadences(db(), today), issueDueCadences(db(), today)]);
    expect([...outcomeOf(first, d.id), ...outcomeOf(second, d.id)].filter((o) => o.result === "sent")).toHaveLength(1);
    expect(await requestsOf(v.partnership.id)).toHaveLength(1);
    expect((await cadencesOf(v.partnership.id))[0].nextSendOn).toBe("2032-03-31");
  });

  it("sends nothing before the date, for a suspended partnership or for a stopped cadence", async () => {
    const early = await world();
    const notYet = await cadence(early, addDays(today, 1));
    const paused = await world();
    const pausedCadence = await cadence(paused, today);
    await db().update(partnerships).set({ status: "suspended" }).where(eq(partnerships.id, paused.partnership.id));
    const stopped = await world();
    await cadence(stopped, today);
    expect((await post(stopped, { intent: "cadence_stop", cadenceId: (await cadencesOf(stopped.partnership.id))[0].id })).status).toBe(302);

    const outcomes = await issueDueCadences(db(), today);
    expect(outcomeOf(outcomes, notYet.id)).toEqual([]);
    expect(outcomeOf(outcomes, pausedCadence.id)).toEqual([expect.objectContaining({ result: "skipped", reason: "partnership_inactive" })]);
    for (const w of [early, paused, stopped]) expect(await requestsOf(w.partnership.id)).toEqual([]);
    // The paused cadence keeps its date and goes out once the partnership is active again.
    expect((await cadencesOf(paused.partnership.id))[0].nextSendOn).toBe(today);
  });
});
