import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notifications, outboxEmails, trainingRequirements } from "#db/schema/index";
import * as clientHistory from "~/routes/client.$orgId.training.$requirementId_.$partnershipId";
import * as clientRequirement from "~/routes/client.$orgId.training.$requirementId";
import * as clientList from "~/routes/client.$orgId.training._index";
import * as clientNew from "~/routes/client.$orgId.training.new";
import { createOrganization, createPartnership } from "../factories/index";
import { createTrainingAttestation, createTrainingRequirement } from "../factories/training";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

async function world() {
  const client = await createOrganization(db(), "client", { name: "Voltera Test" });
  const vendor = await createOrganization(db(), "vendor");
  const otherVendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: "Alpha Contact" });
  const otherPartnership = await createPartnership(db(), client.id, otherVendor.id, { vendorDisplayName: "Beta Contact" });
  const foreignClient = await createOrganization(db(), "client");
  const foreignPartnership = await createPartnership(db(), foreignClient.id, vendor.id);
  return {
    client,
    vendor,
    otherVendor,
    partnership,
    otherPartnership,
    foreignClient,
    foreignPartnership,
    admin: await person(client.id, "admin"),
    manager: await person(client.id, "manager"),
    viewer: await person(client.id, "viewer"),
    vendorAdmin: await person(vendor.id, "admin", "nl"),
    responder: await person(vendor.id, "responder", "en"),
    contributor: await person(vendor.id, "contributor"),
    otherVendorAdmin: await person(otherVendor.id, "admin"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const validForm = (overrides: Record<string, string | string[]> = {}) => ({
  topic: "security_awareness",
  title: "",
  frequencyMonths: "12",
  minimumCoveragePercent: "90",
  appliesToRoles: ["agent", "team_lead", "it"],
  scope: "all",
  ...overrides,
});

function create(w: World, form: Record<string, string | string[]>, cookie = w.manager.cookie) {
  return call(clientNew.action as Handler, postRequest(`/client/${w.client.id}/training/new`, form, cookie), { orgId: w.client.id });
}

/** The requirement notifications of this world's vendors (the database is shared by the file's tests). */
const requirementNotices = (w: World) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.messageKey, "training:notifications.requirementAdded"), inArray(notifications.organizationId, [w.vendor.id, w.otherVendor.id])));

const requirementsOf = (clientId: string) => db().select().from(trainingRequirements).where(eq(trainingRequirements.clientOrgId, clientId));

describe("creating a training requirement", () => {
  it("stores it, records the audit event and tells the vendors it applies to", async () => {
    const w = await world();
    const result = await create(w, validForm({ appliesToRoles: ["it", "agent"] }));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/client/${w.client.id}/training?notice=created`);
    const [row] = await requirementsOf(w.client.id);
    expect(row).toMatchObject({
      topic: "security_awareness",
      title: "",
      frequencyMonths: 12,
      minimumCoveragePercent: 90,
      // In the catalogue's order, whatever the form sent.
      appliesToRoles: ["agent", "it"],
      appliesToPartnershipIds: null,
      namesRequired: false,
      lockVersion: 1,
      createdByUserId: w.manager.user.id,
    });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training_requirement.created"), eq(auditEvents.entityId, row.id)));
    expect(event).toMatchObject({ organizationId: w.client.id, actorUserId: w.manager.user.id });

    // Both partners' admins and responders hear of it; contributors do not.
    const notified = await requirementNotices(w);
    const users = notified.map((n) => n.userId).sort();
    expect(users).toEqual([w.vendorAdmin.user.id, w.responder.user.id, w.otherVendorAdmin.user.id].sort());
    expect(notified.find((n) => n.userId === w.vendorAdmin.user.id)?.link).toBe(`/vendor/${w.vendor.id}/training/${w.partnership.id}/${row.id}`);
    expect(notified[0].params).toMatchObject({ clientName: "Voltera Test", titleEn: "Security awareness: phishing and social engineering" });

    // E-mail in each recipient's language, with the catalogue name as the title.
    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.template, "training_requirement_added"));
    const dutch = mails.find((m) => m.toAddress === w.vendorAdmin.user.email);
    const english = mails.find((m) => m.toAddress === w.responder.user.email);
    expect(dutch?.subject).toBe("Voltera Test stelt een trainingseis: Beveiligingsbewustzijn: phishing en social engineering");
    expect(english?.subject).toBe("Voltera Test set a training requirement: Security awareness: phishing and social engineering");
  });

  it("applies to the selected partners only, and tells only their vendors", async () => {
    const w = await world();
    const result = await create(w, validForm({ scope: "selected", partnershipIds: [w.otherPartnership.id], topic: "telemarketing_code" }));
    expect(result.status).toBe(302);
    const [row] = await requirementsOf(w.client.id);
    expect(row.appliesToPartnershipIds).toEqual([w.otherPartnership.id]);
    const notified = await requirementNotices(w);
    expect(notified.map((n) => n.userId)).toEqual([w.otherVendorAdmin.user.id]);
  });

  it.each([
    ["no roles", { appliesToRoles: [] as string[] }, "appliesToRoles"],
    ["a frequency of 0 months", { frequencyMonths: "0" }, "frequencyMonths"],
    ["a frequency of 61 months", { frequencyMonths: "61" }, "frequencyMonths"],
    ["a minimum above 100", { minimumCoveragePercent: "101" }, "minimumCoveragePercent"],
    ["a minimum that is not a number", { minimumCoveragePercent: "lots" }, "minimumCoveragePercent"],
    ["an unknown topic", { topic: "juggling" }, "topic"],
    ["an unknown role", { appliesToRoles: ["agent", "ceo"] }, "appliesToRoles[1]"],
    ["a title that is too long", { title: "x".repeat(201) }, "title"],
  ])("refuses %s with a field error and writes nothing", async (_name, overrides, field) => {
    const w = await world();
    const result = await create(w, validForm(overrides));
    expect(result.status).toBe(200);
    expect(Object.keys((result.body as { result: { error: Record<string, unknown> } }).result.error)).toContain(field);
    expect(await requirementsOf(w.client.id)).toEqual([]);
    expect(await requirementNotices(w)).toEqual([]);
  });

  it.each([
    ["a custom topic without a title", (w: World) => validForm({ topic: "custom" }), "training:errors.titleRequired"],
    ["selected partners without any", (w: World) => validForm({ scope: "selected" }), "training:errors.partnershipsRequired"],
    ["another client's partnership", (w: World) => validForm({ scope: "selected", partnershipIds: [w.partnership.id, w.foreignPartnership.id] }), "training:errors.partnershipUnavailable"],
  ])("refuses %s with a translated form error and writes nothing", async (_name, form, key) => {
    const w = await world();
    const result = await create(w, form(w));
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ formError: { key } });
    expect(await requirementsOf(w.client.id)).toEqual([]);
  });

  it("keeps a custom title and the names-required choice", async () => {
    const w = await world();
    expect((await create(w, validForm({ topic: "custom", title: "Script Voltera 2026", namesRequired: "on" }))).status).toBe(302);
    const [row] = await requirementsOf(w.client.id);
    expect(row).toMatchObject({ topic: "custom", title: "Script Voltera 2026", namesRequired: true });
  });
});

describe("editing and archiving a requirement", () => {
  const path = (w: World, id: string) => `/client/${w.client.id}/training/${id}`;
  const edit = (w: World, id: string, form: Record<string, string | string[]>, cookie = w.admin.cookie) =>
    call(clientRequirement.action as Handler, postRequest(path(w, id), form, cookie), { orgId: w.client.id, requirementId: id });

  it("saves under optimistic concurrency: the stale editor gets a conflict, nothing overwritten", async () => {
    const w = await world();
    const requirement = await createTrainingRequirement(db(), w.client.id);
    const first = await edit(w, requirement.id, { intent: "update", lockVersion: "1", ...validForm({ topic: "avg_basics", minimumCoveragePercent: "97" }) });
    expect(first.status).toBe(302);
    const stale = await edit(w, requirement.id, { intent: "update", lockVersion: "1", ...validForm({ topic: "avg_basics", minimumCoveragePercent: "50" }) }, w.manager.cookie);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ formError: { key: "training:errors.conflict" } });
    const [row] = await requirementsOf(w.client.id);
    expect(row).toMatchObject({ minimumCoveragePercent: 97, lockVersion: 2 });
    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training_requirement.updated"), eq(auditEvents.entityId, requirement.id)));
    expect(events).toHaveLength(1);
    expect(events[0].summary).toMatchObject({ before: { minimumCoveragePercent: 95 }, after: { minimumCoveragePercent: 97 } });
  });

  it("tells the vendors that come into scope, and only them", async () => {
    const w = await world();
    const requirement = await createTrainingRequirement(db(), w.client.id, { appliesToPartnershipIds: [w.otherPartnership.id] });
    const result = await edit(w, requirement.id, { intent: "update", lockVersion: "1", ...validForm({ topic: "avg_basics", scope: "all" }) });
    expect(result.status).toBe(302);
    const notified = await requirementNotices(w);
    expect(notified.map((n) => n.userId).sort()).toEqual([w.vendorAdmin.user.id, w.responder.user.id].sort());
  });

  it("archives: the requirement leaves the matrix, stays listed and can no longer change", async () => {
    const w = await world();
    const requirement = await createTrainingRequirement(db(), w.client.id);
    const archived = await edit(w, requirement.id, { intent: "archive", lockVersion: "1" });
    expect(archived).toMatchObject({ status: 302, location: `/client/${w.client.id}/training?notice=archived` });
    const [row] = await requirementsOf(w.client.id);
    expect(row.archivedAt).not.toBeNull();
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training_requirement.archived"), eq(auditEvents.entityId, requirement.id)))).toHaveLength(1);
    const again = await edit(w, requirement.id, { intent: "update", lockVersion: "2", ...validForm() });
    expect(again).toMatchObject({ status: 422, body: { formError: { key: "training:errors.archived" } } });
    const list = await call(clientList.loader as Handler, getRequest(`/client/${w.client.id}/training`, w.viewer.cookie), { orgId: w.client.id });
    const body = list.body as { requirements: { id: string; archived: boolean }[]; cells: Record<string, unknown> };
    expect(body.requirements).toEqual([expect.objectContaining({ id: requirement.id, archived: true })]);
    expect(body.cells).toEqual({});
  });

  it("hides another client's requirement (404) from its pages and its form", async () => {
    const w = await world();
    const foreign = await createTrainingRequirement(db(), w.foreignClient.id);
    const page = await call(clientRequirement.loader as Handler, getRequest(path(w, foreign.id), w.admin.cookie), { orgId: w.client.id, requirementId: foreign.id });
    expect(page.status).toBe(404);
    const post = await edit(w, foreign.id, { intent: "archive", lockVersion: "1" });
    expect(post.status).toBe(404);
    const history = await call(clientHistory.loader as Handler, getRequest(`${path(w, foreign.id)}/${w.foreignPartnership.id}`, w.admin.cookie), {
      orgId: w.client.id,
      requirementId: foreign.id,
      partnershipId: w.foreignPartnership.id,
    });
    expect(history.status).toBe(404);
    // Own requirement with another client's partnership: 404 too.
    const own = await createTrainingRequirement(db(), w.client.id);
    const mixed = await call(clientHistory.loader as Handler, getRequest(`${path(w, own.id)}/${w.foreignPartnership.id}`, w.admin.cookie), {
      orgId: w.client.id,
      requirementId: own.id,
      partnershipId: w.foreignPartnership.id,
    });
    expect(mixed.status).toBe(404);
    const [row] = await requirementsOf(w.foreignClient.id);
    expect(row.archivedAt).toBeNull();
  });

  it("lets viewers read but not change (403)", async () => {
    const w = await world();
    const requirement = await createTrainingRequirement(db(), w.client.id);
    const page = await call(clientRequirement.loader as Handler, getRequest(path(w, requirement.id), w.viewer.cookie), { orgId: w.client.id, requirementId: requirement.id });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ canEdit: false });
    expect((await edit(w, requirement.id, { intent: "archive", lockVersion: "1" }, w.viewer.cookie)).status).toBe(403);
  });
});

describe("the coverage matrix", () => {
  it("shows each partner's status per requirement, and which requirements do not apply", async () => {
    const w = await world();
    const today = new Date().toISOString().slice(0, 10);
    const yearly = await createTrainingRequirement(db(), w.client.id, { minimumCoveragePercent: 95 });
    const outboundOnly = await createTrainingRequirement(db(), w.client.id, { topic: "telemarketing_code", appliesToPartnershipIds: [w.otherPartnership.id] });
    await createTrainingAttestation(db(), w.partnership.id, yearly.id, { coveragePercent: 82, agentsTrained: 82, firstCompletionDate: today, lastCompletionDate: today, periodEnd: today });
    await createTrainingAttestation(db(), w.otherPartnership.id, yearly.id, { firstCompletionDate: "2020-01-01", lastCompletionDate: "2020-02-01", periodStart: "2020-01-01", periodEnd: "2020-02-01" });
    const list = await call(clientList.loader as Handler, getRequest(`/client/${w.client.id}/training`, w.viewer.cookie), { orgId: w.client.id });
    const cells = (list.body as { cells: Record<string, { applies: boolean; status: string | null; coveragePercent: number | null }> }).cells;
    expect(cells[`${w.partnership.id}:${yearly.id}`]).toMatchObject({ applies: true, status: "below_minimum", coveragePercent: 82 });
    expect(cells[`${w.otherPartnership.id}:${yearly.id}`]).toMatchObject({ applies: true, status: "lapsed" });
    expect(cells[`${w.partnership.id}:${outboundOnly.id}`]).toMatchObject({ applies: false, status: null });
    expect(cells[`${w.otherPartnership.id}:${outboundOnly.id}`]).toMatchObject({ applies: true, status: "missing" });
    // The foreign client's partnership with the same vendor is not in this client's matrix.
    expect(Object.keys(cells).some((k) => k.startsWith(w.foreignPartnership.id))).toBe(false);
  });
});
