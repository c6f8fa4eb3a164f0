import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notifications, questionnaireAnswers, questionnaireComments, questionnaireSectionAssignments } from "#db/schema/index";
import type { Role } from "~/auth/roles";
import { templateContentSchema } from "~/domain/questionnaires/model";
import * as clientReview from "~/routes/client.$orgId.questionnaires.$requestId";
import * as vendorHome from "~/routes/vendor.$orgId._index";
import * as vendorRequest from "~/routes/vendor.$orgId.questionnaires.$requestId";
import { addMembership, createOrganization, createPartnership, createUser } from "../factories/index";
import { createPublishedVersion, createRequest, smallTemplate } from "../factories/questionnaire-requests";
import { db, getRequest, postRequest, sessionCookieFor, testContext } from "../helpers";

type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>;

/** Calls a loader or action; gives the status and the body, whether it returned or threw. */
async function call(handler: Handler, request: Request, params: Record<string, string>) {
  let result: unknown;
  try {
    result = await handler({ request, params, context: testContext });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const type = result.headers.get("content-type") ?? "";
    return { status: result.status, body: type.includes("json") ? await result.json() : null };
  }
  return { status: 200, body: result as Record<string, unknown> };
}

/** The small template plus a second section, so delegation has something to split. */
const twoSections = templateContentSchema.parse({
  ...smallTemplate,
  sections: [
    ...smallTemplate.sections,
    {
      key: "security",
      title: { en: "Security", nl: "Beveiliging" },
      questions: [{ key: "sec.note", type: "text", text: { en: "Describe access control", nl: "Beschrijf toegangsbeheer" }, required: false, weight: 0, critical: false }],
    },
  ],
});

async function person(orgId: string, role: Role) {
  const user = await createUser(db(), { password: null });
  await addMembership(db(), user.id, orgId, role);
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function world() {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id);
  const { version } = await createPublishedVersion(db(), client.id, twoSections);
  const request = await createRequest(db(), partnership.id, version.id);
  return {
    client,
    vendor,
    partnership,
    version,
    requestId: request.id,
    manager: await person(client.id, "manager"),
    reviewer: await person(client.id, "reviewer"),
    clientViewer: await person(client.id, "viewer"),
    vendorAdmin: await person(vendor.id, "admin"),
    responder: await person(vendor.id, "responder"),
    contributor: await person(vendor.id, "contributor"),
    vendorViewer: await person(vendor.id, "viewer"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const vendorPath = (w: World, requestId: string) => `/vendor/${w.vendor.id}/questionnaires/${requestId}`;
const clientPath = (w: World, requestId: string) => `/client/${w.client.id}/questionnaires/${requestId}`;
const vendorIntent = (w: World, cookie: string, form: Record<string, string>, requestId = w.requestId) =>
  call(vendorRequest.action as Handler, postRequest(vendorPath(w, requestId), form, cookie), { orgId: w.vendor.id, requestId });
const clientIntent = (w: World, cookie: string, form: Record<string, string>, requestId = w.requestId) =>
  call(clientReview.action as Handler, postRequest(clientPath(w, requestId), form, cookie), { orgId: w.client.id, requestId });
const openAsVendor = (w: World, cookie: string, requestId = w.requestId) =>
  call(vendorRequest.loader as Handler, getRequest(vendorPath(w, requestId), cookie), { orgId: w.vendor.id, requestId });
const openAsClient = (w: World, cookie: string, requestId = w.requestId) =>
  call(clientReview.loader as Handler, getRequest(clientPath(w, requestId), cookie), { orgId: w.client.id, requestId });
const assign = (w: World, cookie: string, sectionKey: string, assigneeUserId: string) =>
  vendorIntent(w, cookie, { intent: "assign", sectionKey, assigneeUserId });
const save = (w: World, cookie: string, questionKey: string, value: unknown) =>
  vendorIntent(w, cookie, { intent: "save", questionKey, version: "0", value: JSON.stringify(value) });

const commentsOf = (requestId: string) => db().select().from(questionnaireComments).where(eq(questionnaireComments.requestId, requestId));
const auditOf = (requestId: string, action: string) =>
  db().select().from(auditEvents).where(and(eq(auditEvents.entityId, requestId), eq(auditEvents.action, action)));
const notesFor = (userId: string, messageKey: string) =>
  db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.messageKey, messageKey)));

describe("comments per question", () => {
  it("runs both ways, notifies the other side with a link to their own screen, and both sides read names", async () => {
    const w = await world();
    // The general section is the contributor's: they hear of the client's comments on it too.
    expect((await assign(w, w.responder.cookie, "general", w.contributor.user.id)).status).toBe(200);

    const fromClient = await clientIntent(w, w.reviewer.cookie, { intent: "comment", questionKey: "gen.dpa", body: "  Which agreement do you mean?  " });
    expect(fromClient.status).toBe(200);
    const vendorNotes = await db().select().from(notifications).where(and(eq(notifications.organizationId, w.vendor.id), eq(notifications.messageKey, "requests:comments.notification")));
    expect(vendorNotes.map((n) => n.userId).sort()).toEqual([w.vendorAdmin.user.id, w.responder.user.id, w.contributor.user.id].sort());
    expect(vendorNotes[0].link).toBe(vendorPath(w, w.requestId));
    expect(await notesFor(w.vendorViewer.user.id, "requests:comments.notification")).toHaveLength(0);

    const fromVendor = await vendorIntent(w, w.contributor.cookie, { intent: "comment", questionKey: "gen.dpa", body: "The processor agreement with you." });
    expect(fromVendor.status).toBe(200);
    const clientNotes = await db().select().from(notifications).where(and(eq(notifications.organizationId, w.client.id), eq(notifications.messageKey, "requests:comments.notification")));
    expect(clientNotes.map((n) => n.userId).sort()).toEqual([w.manager.user.id, w.reviewer.user.id].sort());
    expect(clientNotes[0].link).toBe(clientPath(w, w.requestId));

    const stored = await commentsOf(w.requestId);
    expect(stored.map((c) => c.body).sort()).toEqual(["The processor agreement with you.", "Which agreement do you mean?"]);
    expect(await auditOf(w.requestId, "questionnaire.commented")).toHaveLength(2);

    const asVendor = (await openAsVendor(w, w.vendorViewer.cookie)).body as { comments: Record<string, { authorName: string; organizationName: string; body: string }[]>; canComment: boolean };
    expect(asVendor.canComment).toBe(false);
    expect(asVendor.comments["gen.dpa"].map((c) => [c.authorName, c.organizationName])).toEqual([
      [w.reviewer.user.name, w.client.name],
      [w.contributor.user.name, w.partnership.vendorDisplayName],
    ]);
    const asClient = (await openAsClient(w, w.clientViewer.cookie)).body as typeof asVendor;
    expect(asClient.canComment).toBe(false);
    expect(asClient.comments["gen.dpa"]).toHaveLength(2);
    expect((await openAsClient(w, w.manager.cookie)).body).toMatchObject({ canComment: true });
  });

  it("refuses viewers (403) and another tenant's request (404), writing nothing", async () => {
    const w = await world();
    const other = await world();
    const comment = { intent: "comment", questionKey: "gen.dpa", body: "Hello" };
    expect((await clientIntent(w, w.clientViewer.cookie, comment)).status).toBe(403);
    expect((await vendorIntent(w, w.vendorViewer.cookie, comment)).status).toBe(403);
    expect((await clientIntent(w, w.manager.cookie, comment, other.requestId)).status).toBe(404);
    expect((await vendorIntent(w, w.responder.cookie, comment, other.requestId)).status).toBe(404);
    expect((await openAsVendor(w, w.responder.cookie, other.requestId)).status).toBe(404);
    expect(await commentsOf(other.requestId)).toHaveLength(0);
    expect(await commentsOf(w.requestId)).toHaveLength(0);
  });

  it("refuses an unknown question and an empty or oversized body, with nothing written", async () => {
    const w = await world();
    const unknown = await clientIntent(w, w.manager.cookie, { intent: "comment", questionKey: "no.such", body: "Hello" });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ formError: { key: "questionnaires:validation.answer.unknownQuestion" } });
    const empty = await vendorIntent(w, w.responder.cookie, { intent: "comment", questionKey: "gen.dpa", body: "   " });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ formError: { key: "requests:comments.errors.bodyRequired" } });
    const long = await clientIntent(w, w.manager.cookie, { intent: "comment", questionKey: "gen.dpa", body: "x".repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({ formError: { key: "requests:comments.errors.bodyTooLong", params: { max: 2000 } } });
    // Exactly the limit (after trimming) is fine.
    expect((await clientIntent(w, w.manager.cookie, { intent: "comment", questionKey: "gen.dpa", body: ` ${"x".repeat(2000)} ` })).status).toBe(200);
    expect(await commentsOf(w.requestId)).toHaveLength(1);
    expect(await auditOf(w.requestId, "questionnaire.commented")).toHaveLength(1);
    const notes = await db().select().from(notifications).where(eq(notifications.organizationId, w.vendor.id));
    expect(notes).toHaveLength(2);
  });
});

describe("delegating sections", () => {
  it("assigns, replaces and removes an assignment, with audit and a notice to the assignee", async () => {
    const w = await world();
    expect((await assign(w, w.vendorAdmin.cookie, "security", w.contributor.user.id)).status).toBe(200);
    expect((await assign(w, w.vendorAdmin.cookie, "security", w.responder.user.id)).status).toBe(200);
    const rows = await db().select().from(questionnaireSectionAssignments).where(eq(questionnaireSectionAssignments.requestId, w.requestId));
    expect(rows).toMatchObject([{ sectionKey: "security", assigneeUserId: w.responder.user.id, assignedByUserId: w.vendorAdmin.user.id }]);
    const [note] = await notesFor(w.contributor.user.id, "requests:delegation.notification");
    expect(note).toMatchObject({ link: vendorPath(w, w.requestId), params: { section: "Beveiliging", sectionEn: "Security" } });

    const view = (await openAsVendor(w, w.vendorAdmin.cookie)).body as { delegation: { assignments: Record<string, { name: string }>; assignableMembers: { userId: string }[] } };
    expect(view.delegation.assignments.security.name).toBe(w.responder.user.name);
    expect(view.delegation.assignableMembers.map((m) => m.userId).sort()).toEqual(
      [w.vendorAdmin.user.id, w.responder.user.id, w.contributor.user.id].sort(),
    );

    expect((await vendorIntent(w, w.vendorAdmin.cookie, { intent: "assign", sectionKey: "security", assigneeUserId: "" })).status).toBe(200);
    expect(await db().select().from(questionnaireSectionAssignments).where(eq(questionnaireSectionAssignments.requestId, w.requestId))).toHaveLength(0);
    expect(await auditOf(w.requestId, "questionnaire.section_assigned")).toHaveLength(3);
  });

  it("refuses a non-member, a viewer, an unknown section and a contributor delegating, with nothing written", async () => {
    const w = await world();
    const other = await world();
    const outsider = await assign(w, w.vendorAdmin.cookie, "security", other.contributor.user.id);
    expect(outsider.status).toBe(422);
    expect(outsider.body).toMatchObject({ formError: { key: "requests:delegation.errors.notAMember" } });
    expect((await assign(w, w.vendorAdmin.cookie, "security", w.vendorViewer.user.id)).status).toBe(422);
    expect((await assign(w, w.vendorAdmin.cookie, "security", w.manager.user.id)).status).toBe(422);
    expect((await assign(w, w.vendorAdmin.cookie, "nope", w.contributor.user.id)).status).toBe(422);
    expect((await assign(w, w.contributor.cookie, "security", w.contributor.user.id)).status).toBe(403);
    expect((await assign(w, w.vendorAdmin.cookie, "security", w.contributor.user.id)).status).toBe(200);
    const foreign = await vendorIntent(w, w.vendorAdmin.cookie, { intent: "assign", sectionKey: "security", assigneeUserId: w.contributor.user.id }, other.requestId);
    expect(foreign.status).toBe(404);
    expect(await db().select().from(questionnaireSectionAssignments).where(eq(questionnaireSectionAssignments.requestId, other.requestId))).toHaveLength(0);
    expect(await auditOf(other.requestId, "questionnaire.section_assigned")).toHaveLength(0);
    // Only the one valid assignment above was written.
    expect(await auditOf(w.requestId, "questionnaire.section_assigned")).toHaveLength(1);
  });

  it("lets a contributor save only in a section assigned to them; admins and responders everywhere", async () => {
    const w = await world();
    expect((await save(w, w.contributor.cookie, "sec.note", "Badges")).status).toBe(403);
    expect((await assign(w, w.responder.cookie, "security", w.contributor.user.id)).status).toBe(200);
    const outside = await save(w, w.contributor.cookie, "gen.staff", 12);
    expect(outside.status).toBe(403);
    const answers = () => db().select().from(questionnaireAnswers).where(eq(questionnaireAnswers.requestId, w.requestId));
    expect(await answers()).toHaveLength(0);
    expect((await save(w, w.contributor.cookie, "sec.note", "Badges")).status).toBe(200);
    expect((await save(w, w.responder.cookie, "gen.staff", 12)).status).toBe(200);
    expect((await answers()).map((a) => a.questionKey).sort()).toEqual(["gen.staff", "sec.note"]);

    const view = (await openAsVendor(w, w.contributor.cookie)).body as { delegation: { answerableSections: string[] | null; canDelegate: boolean } };
    expect(view.delegation).toMatchObject({ answerableSections: ["security"], canDelegate: false });
    expect(((await openAsVendor(w, w.responder.cookie)).body as typeof view).delegation.answerableSections).toBeNull();
  });

  it("shows a contributor only the requests with a section assigned to them", async () => {
    const w = await world();
    const second = await createRequest(db(), w.partnership.id, w.version.id);
    const home = (cookie: string) => call(vendorHome.loader as Handler, getRequest(`/vendor/${w.vendor.id}`, cookie), { orgId: w.vendor.id });
    const ids = async (cookie: string) => ((await home(cookie)).body as { todo: { id: string }[] }).todo.map((r) => r.id).sort();
    expect(await ids(w.contributor.cookie)).toEqual([]);
    expect((await assign(w, w.responder.cookie, "general", w.contributor.user.id)).status).toBe(200);
    expect(await ids(w.contributor.cookie)).toEqual([w.requestId]);
    expect(await ids(w.responder.cookie)).toEqual([w.requestId, second.id].sort());
  });
});
