import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, questionnaireTemplates, questionnaireTemplateVersions } from "#db/schema/index";
import { standardTemplates } from "~/domain/questionnaires/library/index";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { action as builderAction, loader as builderLoader } from "~/routes/client.$orgId.templates.$templateId";
import { loader as previewLoader } from "~/routes/client.$orgId.templates.$templateId_.preview";
import { action as listAction, loader as listLoader } from "~/routes/client.$orgId.templates._index";
import { createMember, createPartnership } from "../factories/index";
import { createRequest, createTemplate } from "../factories/templates";
import { smallTemplate } from "../factories/questionnaire-requests";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

type Data<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>;

async function member(role: "admin" | "manager" | "reviewer" | "viewer", organizationId?: string) {
  const { user, organizationId: orgId } = await createMember(db(), "client", role, { organizationId });
  return { user, orgId, cookie: await sessionCookieFor(user.id) };
}

const list = async (orgId: string, cookie: string) =>
  (await listLoader({ request: getRequest(`/client/${orgId}/templates`, cookie), params: { orgId }, context: testContext })) as Data<typeof listLoader>;
const builder = async (orgId: string, templateId: string, cookie: string) =>
  (await builderLoader({ request: getRequest(`/client/${orgId}/templates/${templateId}`, cookie), params: { orgId, templateId }, context: testContext })) as Data<typeof builderLoader>;
const postList = (orgId: string, cookie: string, form: Record<string, string>) =>
  responseOf(() => listAction({ request: postRequest(`/client/${orgId}/templates`, form, cookie), params: { orgId }, context: testContext })) as Promise<Response>;
const postBuilder = (orgId: string, templateId: string, cookie: string, form: Record<string, string>) =>
  responseOf(() => builderAction({ request: postRequest(`/client/${orgId}/templates/${templateId}`, form, cookie), params: { orgId, templateId }, context: testContext })) as Promise<Response>;

const versionsOf = (templateId: string) =>
  db().select().from(questionnaireTemplateVersions).where(eq(questionnaireTemplateVersions.templateId, templateId)).orderBy(questionnaireTemplateVersions.version);
const auditCount = async (entityId: string) =>
  (await db().select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).length;
const templateIdFrom = (response: Response) => response.headers.get("location")!.split("/templates/")[1].split("?")[0];

beforeAll(async () => {
  await syncStandardLibrary(db());
});

describe("standard library sync", () => {
  it("is idempotent and never touches a published version", async () => {
    const again = await syncStandardLibrary(db());
    expect(again).toEqual({ created: [], versionsAdded: 0 });
    const library = await db().select().from(questionnaireTemplates).where(isNull(questionnaireTemplates.ownerOrgId));
    for (const standard of standardTemplates) {
      const row = library.find((t) => t.librarySlug === standard.slug)!;
      const versions = await versionsOf(row.id);
      expect(versions.map((v) => [v.version, v.status])).toContainEqual([standard.version, "published"]);
    }
  });

  it("adds a published version when the code's version number is higher", async () => {
    // In a transaction that is rolled back: a stray library template would show up for every client.
    const rollback = new Error("rollback");
    await db()
      .transaction(async (tx) => {
        const slug = `test-${randomUUID().slice(0, 8)}`;
        const content = standardTemplates[0].content;
        expect(await syncStandardLibrary(tx, [{ slug, version: 1, content }])).toEqual({ created: [slug], versionsAdded: 1 });
        const changed = { ...content, title: { nl: "Nieuw", en: "New" } };
        expect(await syncStandardLibrary(tx, [{ slug, version: 2, content: changed }])).toEqual({ created: [], versionsAdded: 1 });
        expect(await syncStandardLibrary(tx, [{ slug, version: 2, content: changed }])).toEqual({ created: [], versionsAdded: 0 });
        const [row] = await tx
          .select()
          .from(questionnaireTemplates)
          .where(and(isNull(questionnaireTemplates.ownerOrgId), eq(questionnaireTemplates.librarySlug, slug)));
        const versions = await tx
          .select()
          .from(questionnaireTemplateVersions)
          .where(eq(questionnaireTemplateVersions.templateId, row.id))
          .orderBy(questionnaireTemplateVersions.version);
        expect(versions.map((v) => [v.version, v.status, v.content.title.en])).toEqual([
          [1, "published", content.title.en],
          [2, "published", "New"],
        ]);
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
  });
});

describe("templates list and builder", () => {
  it("lists the library to every client role and the own templates", async () => {
    const viewer = await member("viewer");
    await createTemplate(db(), viewer.orgId);
    const data = await list(viewer.orgId, viewer.cookie);
    expect(data.library.map((t) => t.librarySlug)).toEqual(expect.arrayContaining(standardTemplates.map((t) => t.slug)));
    expect(data.own).toHaveLength(1);
    expect(data.own[0]).toMatchObject({ isLibrary: false, draft: { version: 1 }, latestPublished: null });
    expect(data.canEdit).toBe(false);
  });

  it("copies a library template to an own draft v1, with an audit event", async () => {
    const manager = await member("manager");
    const libraryItem = (await list(manager.orgId, manager.cookie)).library.find((t) => t.librarySlug === "telemarketing")!;
    const response = await postList(manager.orgId, manager.cookie, { intent: "copy", templateId: libraryItem.id });
    expect(response.status).toBe(302);
    const templateId = templateIdFrom(response);
    const [template] = await db().select().from(questionnaireTemplates).where(eq(questionnaireTemplates.id, templateId));
    expect(template).toMatchObject({ ownerOrgId: manager.orgId, copiedFromTemplateId: libraryItem.id, librarySlug: null });
    const versions = await versionsOf(templateId);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, status: "draft" });
    expect(versions[0].content).toEqual(standardTemplates.find((t) => t.slug === "telemarketing")!.content);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.entityId, templateId));
    expect(event).toMatchObject({ action: "template.copied", organizationId: manager.orgId });
  });

  it("creates a blank template, and refuses one without a title with nothing written", async () => {
    const admin = await member("admin");
    const refused = await postList(admin.orgId, admin.cookie, { intent: "create", title_nl: "", title_en: "" });
    expect(refused.status).toBe(422);
    expect((await list(admin.orgId, admin.cookie)).own).toHaveLength(0);
    const created = await postList(admin.orgId, admin.cookie, { intent: "create", title_nl: "Eigen", title_en: "Own" });
    expect(created.status).toBe(302);
    expect((await list(admin.orgId, admin.cookie)).own.map((t) => t.title)).toEqual([{ nl: "Eigen", en: "Own" }]);
  });

  it("saves one builder edit per post; a stale lockVersion is a 409 and writes nothing", async () => {
    const manager = await member("manager");
    const { template } = await createTemplate(db(), manager.orgId);
    const added = await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "addSection", lockVersion: "1", key: "second", title_nl: "Twee", title_en: "Two" });
    expect(added.status).toBe(302);
    let data = await builder(manager.orgId, template.id, manager.cookie);
    expect(data.content.sections.map((s) => s.key)).toEqual(["general", "second"]);
    expect(data.shownVersion.lockVersion).toBe(2);

    const eventsBefore = await auditCount(template.id);
    const stale = await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "moveSection", lockVersion: "1", sectionKey: "second", direction: "up" });
    expect(stale.status).toBe(409);
    data = await builder(manager.orgId, template.id, manager.cookie);
    expect(data.content.sections.map((s) => s.key)).toEqual(["general", "second"]);
    expect(await auditCount(template.id)).toBe(eventsBefore);

    const moved = await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "moveSection", lockVersion: "2", sectionKey: "second", direction: "up" });
    expect(moved.status).toBe(302);
    expect((await builder(manager.orgId, template.id, manager.cookie)).content.sections.map((s) => s.key)).toEqual(["second", "general"]);
  });

  it("sets a number question's thresholds with the scoring form, and removes the rule again", async () => {
    const manager = await member("manager");
    const { template } = await createTemplate(db(), manager.orgId, { content: smallTemplate });
    const lockVersion = String((await builder(manager.orgId, template.id, manager.cookie)).shownVersion.lockVersion);
    const set = await postBuilder(manager.orgId, template.id, manager.cookie, {
      intent: "setScoring",
      lockVersion,
      questionKey: "gen.staff",
      questionType: "number",
      scored: "on",
      thresholdDirection: "at_least",
      thresholdValue0: "20",
      thresholdCredit0: "100",
      thresholdValue1: "10",
      thresholdCredit1: "40",
    });
    expect(set.status).toBe(302);
    let data = await builder(manager.orgId, template.id, manager.cookie);
    const staff = () => data.content.sections[0].questions.find((q) => q.key === "gen.staff")!;
    expect(staff().scoring).toEqual({ kind: "thresholds", direction: "at_least", thresholds: [{ value: 20, credit: 1 }, { value: 10, credit: 0.4 }] });

    // A rule of the wrong kind for the type is refused by the template schema.
    const wrong = await postBuilder(manager.orgId, template.id, manager.cookie, {
      intent: "setScoring",
      lockVersion: String(data.shownVersion.lockVersion),
      questionKey: "gen.staff",
      questionType: "yes_no",
      scored: "on",
      compliantAnswer: "yes",
    });
    expect(wrong.status).toBe(422);

    const cleared = await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "setScoring", lockVersion: String(data.shownVersion.lockVersion), questionKey: "gen.staff", questionType: "number" });
    expect(cleared.status).toBe(302);
    data = await builder(manager.orgId, template.id, manager.cookie);
    expect(staff().scoring).toBeUndefined();
  });

  it("refuses an edit that makes the template invalid, with the problems, and writes nothing", async () => {
    const manager = await member("manager");
    const { template, version } = await createTemplate(db(), manager.orgId);
    const response = await postBuilder(manager.orgId, template.id, manager.cookie, {
      intent: "updateQuestion",
      lockVersion: "1",
      questionKey: "general.question_1",
      key: "Not A Key",
      type: "yes_no",
      text_nl: "Vraag",
      text_en: "Question",
      weight: "1",
      critical: "on",
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { issues: { path: string; messageKey: string }[] };
    expect(body.issues.map((i) => i.messageKey)).toEqual(
      expect.arrayContaining(["questionnaires:validation.invalidKey", "questionnaires:validation.criticalWithoutScoring"]),
    );
    const [stored] = await versionsOf(template.id);
    expect(stored.content).toEqual(version.content);
    expect(stored.lockVersion).toBe(1);
  });

  it("publishes; the published version is immutable and editing starts a new draft", async () => {
    const admin = await member("admin");
    const { template, version } = await createTemplate(db(), admin.orgId);
    expect((await postBuilder(admin.orgId, template.id, admin.cookie, { intent: "publish", lockVersion: "1" })).status).toBe(302);
    let versions = await versionsOf(template.id);
    expect(versions[0]).toMatchObject({ status: "published", publishedByUserId: admin.user.id });
    expect(versions[0].publishedAt).toBeInstanceOf(Date);

    // No draft any more: an edit is refused, and the database refuses a change of the published row.
    const refused = await postBuilder(admin.orgId, template.id, admin.cookie, { intent: "moveSection", lockVersion: "2", sectionKey: "general", direction: "down" });
    expect(refused.status).toBe(422);
    await expect(
      db().update(questionnaireTemplateVersions).set({ content: { ...version.content, title: { nl: "x", en: "x" } } }).where(eq(questionnaireTemplateVersions.id, version.id)),
    ).rejects.toThrow();

    expect((await postBuilder(admin.orgId, template.id, admin.cookie, { intent: "startDraft" })).status).toBe(302);
    const edited = await postBuilder(admin.orgId, template.id, admin.cookie, { intent: "meta", lockVersion: "1", title_nl: "Versie twee", title_en: "Version two" });
    expect(edited.status).toBe(302);
    versions = await versionsOf(template.id);
    expect(versions.map((v) => [v.version, v.status, v.content.title.nl])).toEqual([
      [1, "published", "Testsjabloon"],
      [2, "draft", "Versie twee"],
    ]);
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.entityId, template.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["template.published", "template.draft_saved"]));
  });

  it("shows which partners received which version, only the client's own", async () => {
    const manager = await member("manager");
    const other = await member("manager");
    const { template, version } = await createTemplate(db(), manager.orgId, { status: "published" });
    const partnership = await createPartnership(db(), manager.orgId, null, { vendorDisplayName: "Belcentrum Noord" });
    await createRequest(db(), partnership.id, version.id);
    await createRequest(db(), partnership.id, version.id);
    const data = await builder(manager.orgId, template.id, manager.cookie);
    expect(data.versions[0].recipients).toEqual([{ partnershipId: partnership.id, partnerName: "Belcentrum Noord", requests: 2 }]);

    // A library version is shared: each client sees only its own recipients.
    const libraryId = (await list(manager.orgId, manager.cookie)).library[0].id;
    const libraryVersion = (await versionsOf(libraryId))[0];
    const foreignPartnership = await createPartnership(db(), other.orgId, null);
    await createRequest(db(), foreignPartnership.id, libraryVersion.id);
    const libraryView = await builder(manager.orgId, libraryId, manager.cookie);
    expect(libraryView.versions.flatMap((v) => v.recipients)).toEqual([]);
  });

  it("hides another client's template (404) and keeps library templates read-only", async () => {
    const owner = await member("manager");
    const outsider = await member("admin");
    const { template } = await createTemplate(db(), owner.orgId);
    expect(await statusOf(() => builder(outsider.orgId, template.id, outsider.cookie))).toBe(404);
    expect((await postBuilder(outsider.orgId, template.id, outsider.cookie, { intent: "publish", lockVersion: "1" })).status).toBe(404);
    expect((await postList(outsider.orgId, outsider.cookie, { intent: "copy", templateId: template.id })).status).toBe(404);
    expect(await statusOf(() => builder(outsider.orgId, randomUUID(), outsider.cookie))).toBe(404);

    const libraryId = (await list(outsider.orgId, outsider.cookie)).library[0].id;
    const view = await builder(outsider.orgId, libraryId, outsider.cookie);
    expect(view.template.isLibrary).toBe(true);
    expect(view.canEdit).toBe(false);
    const refused = await postBuilder(outsider.orgId, libraryId, outsider.cookie, { intent: "startDraft" });
    expect(refused.status).toBe(422);
    expect(await versionsOf(libraryId)).toHaveLength(1);
  });

  it("lets a reviewer look but not edit (403)", async () => {
    const manager = await member("manager");
    const reviewer = await member("reviewer", manager.orgId);
    const { template } = await createTemplate(db(), manager.orgId);
    expect((await builder(manager.orgId, template.id, reviewer.cookie)).canEdit).toBe(false);
    expect(await statusOf(() => builderAction({ request: postRequest(`/client/${manager.orgId}/templates/${template.id}`, { intent: "meta", lockVersion: "1" }, reviewer.cookie), params: { orgId: manager.orgId, templateId: template.id }, context: testContext }))).toBe(403);
    expect(await statusOf(() => listAction({ request: postRequest(`/client/${manager.orgId}/templates`, { intent: "create" }, reviewer.cookie), params: { orgId: manager.orgId }, context: testContext }))).toBe(403);
  });

  it("previews a version with the partnership context deciding the gates", async () => {
    const viewer = await member("viewer");
    const telemarketing = (await list(viewer.orgId, viewer.cookie)).library.find((t) => t.librarySlug === "telemarketing")!;
    const preview = async (search: string) =>
      (await previewLoader({
        request: getRequest(`/client/${viewer.orgId}/templates/${telemarketing.id}/preview${search}`, viewer.cookie),
        params: { orgId: viewer.orgId, templateId: telemarketing.id },
        context: testContext,
      })) as Data<typeof previewLoader>;
    const inbound = await preview("?lang=en&services=inbound&riskTier=2&countries=NL");
    const outbound = await preview("?lang=en&services=outbound&riskTier=2&countries=NL");
    expect(outbound.visible.sections.length).toBeGreaterThanOrEqual(inbound.visible.sections.length);
    expect(outbound.options.lang).toBe("en");
  });

  it("archives and restores an own template", async () => {
    const manager = await member("manager");
    const { template } = await createTemplate(db(), manager.orgId);
    expect((await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "archive" })).status).toBe(302);
    expect((await builder(manager.orgId, template.id, manager.cookie)).canEdit).toBe(false);
    expect((await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "meta", lockVersion: "1", title_nl: "a", title_en: "b" })).status).toBe(422);
    expect((await postBuilder(manager.orgId, template.id, manager.cookie, { intent: "restore" })).status).toBe(302);
    const [row] = await db().select({ archivedAt: questionnaireTemplates.archivedAt }).from(questionnaireTemplates).where(eq(questionnaireTemplates.id, template.id));
    expect(row.archivedAt).toBeNull();
  });
});
