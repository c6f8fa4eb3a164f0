import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  findings,
  notifications,
  outboxEmails,
  questionnaireAnswerHistory,
  questionnaireAnswers,
  questionnaireRequests,
} from "#db/schema/index";
import * as clientReview from "~/routes/client.$orgId.questionnaires.$requestId";
import * as clientList from "~/routes/client.$orgId.questionnaires._index";
import * as clientSend from "~/routes/client.$orgId.questionnaires.send";
import * as vendorClient from "~/routes/vendor.$orgId.clients.$partnershipId";
import * as vendorHome from "~/routes/vendor.$orgId._index";
import * as vendorRequest from "~/routes/vendor.$orgId.questionnaires.$requestId";
import * as vendorList from "~/routes/vendor.$orgId.questionnaires._index";
import { createOrganization, createPartnership } from "../factories/index";
import { createPublishedVersion, createRequest } from "../factories/questionnaire-requests";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

async function world() {
  const client = await createOrganization(db(), "client");
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id);
  const { version } = await createPublishedVersion(db(), client.id);
  return {
    client,
    vendor,
    partnership,
    version,
    manager: await person(client.id, "manager"),
    reviewer: await person(client.id, "reviewer"),
    viewer: await person(client.id, "viewer"),
    vendorAdmin: await person(vendor.id, "admin", "nl"),
    responder: await person(vendor.id, "responder", "en"),
    contributor: await person(vendor.id, "contributor"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const future = "2099-06-30";

async function send(w: World, partnershipIds: string[], cookie = w.manager.cookie, overrides: Record<string, string> = {}) {
  const path = `/client/${w.client.id}/questionnaires/send`;
  return call(clientSend.action as Handler, postRequest(path, { templateVersionId: w.version.id, partnershipIds, dueDate: future, message: "Graag voor de audit.", ...overrides }, cookie), {
    orgId: w.client.id,
  });
}

async function sendOne(w: World) {
  const result = await send(w, [w.partnership.id]);
  expect(result.status).toBe(302);
  const [request] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.partnershipId, w.partnership.id));
  return request.id;
}

const vendorPath = (w: World, requestId: string) => `/vendor/${w.vendor.id}/questionnaires/${requestId}`;
const clientPath = (w: World, requestId: string) => `/client/${w.client.id}/questionnaires/${requestId}`;

function save(w: World, requestId: string, cookie: string, questionKey: string, value: unknown, version: number, raw?: string) {
  return call(
    vendorRequest.action as Handler,
    postRequest(vendorPath(w, requestId), { intent: "save", questionKey, version: String(version), value: raw ?? JSON.stringify(value) }, cookie),
    { orgId: w.vendor.id, requestId },
  );
}
const vendorIntent = (w: World, requestId: string, cookie: string, form: Record<string, string>) =>
  call(vendorRequest.action as Handler, postRequest(vendorPath(w, requestId), form, cookie), { orgId: w.vendor.id, requestId });
const openAsVendor = (w: World, requestId: string, cookie = w.responder.cookie) =>
  call(vendorRequest.loader as Handler, getRequest(vendorPath(w, requestId), cookie), { orgId: w.vendor.id, requestId });
const clientIntent = (w: World, requestId: string, cookie: string, form: Record<string, string>) =>
  call(clientReview.action as Handler, postRequest(clientPath(w, requestId), form, cookie), { orgId: w.client.id, requestId });
const openAsClient = (w: World, requestId: string, cookie = w.manager.cookie) =>
  call(clientReview.loader as Handler, getRequest(clientPath(w, requestId), cookie), { orgId: w.client.id, requestId });

/** Contributors answer only the sections delegated to them. */
async function assignToContributor(w: World, requestId: string, sectionKey = "general") {
  const result = await vendorIntent(w, requestId, w.responder.cookie, { intent: "assign", sectionKey, assigneeUserId: w.contributor.user.id });
  expect(result.status).toBe(200);
}

async function requestRow(id: string) {
  const [row] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.id, id));
  return row;
}
async function answerRow(requestId: string, questionKey: string) {
  const [row] = await db()
    .select()
    .from(questionnaireAnswers)
    .where(and(eq(questionnaireAnswers.requestId, requestId), eq(questionnaireAnswers.questionKey, questionKey)));
  return row;
}

describe("the client before submission", () => {
  it("sees nothing of the vendor's work in progress: no answers, no score from them, no follow-ups they reveal", async () => {
    const w = await world();
    const requestId = await sendOne(w);
    await openAsVendor(w, requestId);
    expect((await save(w, requestId, w.responder.cookie, "gen.dpa", { choice: "yes" }, 0)).status).toBe(200);
    const draft = await openAsClient(w, requestId);
    const nothing = await (async () => {
      const other = await world();
      return openAsClient(other, await sendOne(other));
    })();
    const view = draft.body as { answers: object; score: { score: number | null }; visibleQuestions: string[] };
    const untouched = nothing.body as typeof view;
    expect(view.answers).toEqual({});
    expect(view.score.score).toBe(untouched.score.score);
    expect(view.visibleQuestions).toEqual(untouched.visibleQuestions);
  });
});

describe("send -> answer -> submit -> review -> return -> resubmit -> accept", () => {
  it("runs the whole loop, with notifications, e-mails, history, audit and a fixed score", async () => {
    const w = await world();
    const requestId = await sendOne(w);
    const sent = await requestRow(requestId);
    expect(sent).toMatchObject({ status: "sent", templateVersionId: w.version.id, dueDate: future, message: "Graag voor de audit." });

    // The vendor's admins and responders hear of it, in-app and by e-mail in their own language.
    const notes = await db().select().from(notifications).where(eq(notifications.organizationId, w.vendor.id));
    expect(notes.map((n) => n.userId).sort()).toEqual([w.vendorAdmin.user.id, w.responder.user.id].sort());
    expect(notes[0]).toMatchObject({ messageKey: "requests:notifications.sent", link: vendorPath(w, requestId) });
    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.template, "questionnaire_sent"));
    const toAdmin = mails.find((m) => m.toAddress === w.vendorAdmin.user.email)!;
    const toResponder = mails.find((m) => m.toAddress === w.responder.user.email)!;
    expect(toAdmin.locale).toBe("nl");
    expect(toAdmin.subject).toContain("Kleine controle");
    expect(toResponder.locale).toBe("en");
    expect(toResponder.subject).toContain("Small check");
    expect(toResponder.textBody).toContain(vendorPath(w, requestId));
    expect(mails.some((m) => m.toAddress === w.contributor.user.email)).toBe(false);
    const [sentEvent] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "questionnaire.sent"), eq(auditEvents.entityId, requestId)));
    expect(sentEvent.organizationId).toBe(w.client.id);

    // Delegated to the contributor, the request is on their to-do list; it is in the client's list.
    await assignToContributor(w, requestId);
    const home = await call(vendorHome.loader as Handler, getRequest(`/vendor/${w.vendor.id}`, w.contributor.cookie), { orgId: w.vendor.id });
    expect((home.body!.todo as { id: string; clientName: string }[]).map((r) => [r.id, r.clientName])).toEqual([[requestId, w.client.name]]);
    const clientRows = await call(clientList.loader as Handler, getRequest(`/client/${w.client.id}/questionnaires`, w.viewer.cookie), { orgId: w.client.id });
    expect((clientRows.body!.requests as { id: string; status: string }[])[0]).toMatchObject({ id: requestId, status: "sent" });

    // Answering: autosave per question, status moves to in progress.
    expect((await save(w, requestId, w.responder.cookie, "gen.dpa", { choice: "yes" }, 0)).body).toEqual({ ok: true, questionKey: "gen.dpa", version: 1 });
    expect((await requestRow(requestId)).status).toBe("in_progress");
    expect((await save(w, requestId, w.contributor.cookie, "gen.staff", 20, 0)).status).toBe(200);

    // A contributor may answer but not submit; a submit with a required question open lists it.
    expect((await vendorIntent(w, requestId, w.contributor.cookie, { intent: "submit" })).status).toBe(403);
    const incomplete = await vendorIntent(w, requestId, w.responder.cookie, { intent: "submit" });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.missing).toEqual([{ questionKey: "gen.channel", messageKey: "questionnaires:validation.answer.requiredMissing", params: {} }]);
    expect((await requestRow(requestId)).status).toBe("in_progress");

    expect((await save(w, requestId, w.responder.cookie, "gen.channel", "phone", 0)).status).toBe(200);
    const submitted = await vendorIntent(w, requestId, w.responder.cookie, { intent: "submit" });
    expect(submitted.status).toBe(302);
    expect((await requestRow(requestId)).status).toBe("submitted");
    const clientNotes = await db().select().from(notifications).where(eq(notifications.userId, w.manager.user.id));
    expect(clientNotes.map((n) => n.messageKey)).toEqual(["requests:notifications.submitted"]);

    // Locked after submit.
    const late = await save(w, requestId, w.responder.cookie, "gen.staff", 30, 1);
    expect(late.status).toBe(422);
    expect(late.body.formError.key).toBe("requests:errors.notOpen");
    expect((await answerRow(requestId, "gen.staff")).value).toBe(20);

    // Review: the client sees the answers with the points each earned.
    const review = await openAsClient(w, requestId, w.reviewer.cookie);
    expect(review.body!.answers).toMatchObject({ "gen.dpa": { value: { choice: "yes" } }, "gen.staff": { value: 20 } });
    expect((review.body!.score as { questions: Record<string, unknown> }).questions["gen.staff"]).toEqual({ earned: 2, possible: 2, reason: "compliant" });
    expect(review.body!.canReview).toBe(true);
    expect(review.body!.canAccept).toBe(false);

    const noComment = await clientIntent(w, requestId, w.reviewer.cookie, { intent: "review", questionKey: "gen.staff", verdict: "rejected" });
    expect(noComment.status).toBe(422);
    expect(noComment.body.formError.key).toBe("requests:errors.commentRequired");
    expect((await clientIntent(w, requestId, w.reviewer.cookie, { intent: "review", questionKey: "gen.dpa", verdict: "accepted" })).status).toBe(200);
    expect(
      (await clientIntent(w, requestId, w.reviewer.cookie, { intent: "review", questionKey: "gen.staff", verdict: "clarification_requested", comment: "Only agents on this account?" })).status,
    ).toBe(200);
    expect((await clientIntent(w, requestId, w.viewer.cookie, { intent: "review", questionKey: "gen.channel", verdict: "accepted" })).status).toBe(403);

    // Accepting while a clarification is open is refused; return reopens only the flagged answer.
    const version = (await requestRow(requestId)).version;
    expect((await clientIntent(w, requestId, w.manager.cookie, { intent: "accept", version: String(version) })).body.formError.key).toBe("requests:errors.clarificationOpen");
    expect((await clientIntent(w, requestId, w.reviewer.cookie, { intent: "return", version: String(version - 1) })).status).toBe(409);
    expect((await clientIntent(w, requestId, w.reviewer.cookie, { intent: "return", version: String(version) })).status).toBe(200);
    expect((await requestRow(requestId)).status).toBe("returned");

    const reopened = await openAsVendor(w, requestId);
    const answers = reopened.body!.answers as Record<string, { isEditable: boolean; version: number; reviewComment: string | null }>;
    expect(answers["gen.dpa"].isEditable).toBe(false);
    expect(answers["gen.channel"].isEditable).toBe(false);
    expect(answers["gen.staff"]).toMatchObject({ isEditable: true, reviewComment: "Only agents on this account?" });
    const locked = await save(w, requestId, w.responder.cookie, "gen.dpa", { choice: "no" }, answers["gen.dpa"].version);
    expect(locked.status).toBe(422);
    expect(locked.body.formError.key).toBe("requests:errors.answerLocked");
    expect((await save(w, requestId, w.responder.cookie, "gen.staff", 7, answers["gen.staff"].version)).status).toBe(200);
    expect((await vendorIntent(w, requestId, w.responder.cookie, { intent: "submit" })).status).toBe(302);
    expect(await answerRow(requestId, "gen.staff")).toMatchObject({ value: 7, reviewState: "pending" });

    // Accept fixes the score: dpa 5/5 + staff 7 (half of 2) + channel 2/2 = 8 of 9.
    const ready = (await requestRow(requestId)).version;
    expect((await clientIntent(w, requestId, w.reviewer.cookie, { intent: "accept", version: String(ready) })).status).toBe(403);
    expect((await clientIntent(w, requestId, w.manager.cookie, { intent: "accept", version: String(ready) })).status).toBe(200);
    const accepted = await requestRow(requestId);
    expect(accepted).toMatchObject({ status: "accepted", score: 88.9, acceptedByUserId: w.manager.user.id });
    expect((accepted.scoreDetail as { questions: { key: string; earned: number }[] }).questions.find((q) => q.key === "gen.staff")!.earned).toBe(1);
    expect((await answerRow(requestId, "gen.channel")).reviewState).toBe("accepted");

    // The full history of an answer, and one audit event per step.
    const history = await db().select().from(questionnaireAnswerHistory).where(and(eq(questionnaireAnswerHistory.requestId, requestId), eq(questionnaireAnswerHistory.questionKey, "gen.staff")));
    expect(history.map((h) => h.kind)).toEqual(["saved", "reviewed", "reopened", "saved", "reviewed"]);
    const finalView = await openAsClient(w, requestId);
    expect((finalView.body!.history as { questionKey: string }[]).filter((h) => h.questionKey === "gen.staff")).toHaveLength(5);
    expect(finalView.body!.request).toMatchObject({ status: "accepted", score: 88.9 });
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.entityId, requestId)).orderBy(asc(auditEvents.id))).map((e) => e.action);
    expect(actions).toEqual(["questionnaire.sent", "questionnaire.section_assigned", "questionnaire.submitted", "answer.reviewed", "answer.reviewed", "questionnaire.returned", "questionnaire.submitted", "questionnaire.accepted"]);

    // Accepted requests are no longer on the to-do list, still in the full list.
    const todo = await call(vendorHome.loader as Handler, getRequest(`/vendor/${w.vendor.id}`, w.responder.cookie), { orgId: w.vendor.id });
    expect(todo.body!.todo).toEqual([]);
    const all = await call(vendorList.loader as Handler, getRequest(`/vendor/${w.vendor.id}/questionnaires`, w.responder.cookie), { orgId: w.vendor.id });
    expect((all.body!.requests as { id: string }[]).map((r) => r.id)).toEqual([requestId]);
  });

  it("records a finding for a rejected critical answer in the same step, and the cap applies", async () => {
    const w = await world();
    const requestId = await sendOne(w);
    await save(w, requestId, w.responder.cookie, "gen.dpa", { choice: "yes" }, 0);
    await save(w, requestId, w.responder.cookie, "gen.staff", 20, 0);
    await save(w, requestId, w.responder.cookie, "gen.channel", "phone", 0);
    await vendorIntent(w, requestId, w.responder.cookie, { intent: "submit" });

    // A finding only for a rejected critical question.
    const wrong = await clientIntent(w, requestId, w.reviewer.cookie, { intent: "review", questionKey: "gen.staff", verdict: "rejected", comment: "No.", raiseFinding: "on" });
    expect(wrong.body.formError.key).toBe("requests:errors.findingOnlyForCritical");
    expect((await answerRow(requestId, "gen.staff")).reviewState).toBe("pending");

    const rejected = await clientIntent(w, requestId, w.reviewer.cookie, { intent: "review", questionKey: "gen.dpa", verdict: "rejected", comment: "The agreement is not signed.", raiseFinding: "on" });
    expect(rejected.status).toBe(200);
    const [finding] = await db().select().from(findings).where(eq(findings.requestId, requestId));
    expect(finding).toMatchObject({ partnershipId: w.partnership.id, source: "questionnaire", questionKey: "gen.dpa", severity: "high", status: "open", title: "Is a processor agreement signed?" });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "finding.created"), eq(auditEvents.entityId, finding.id)));
    expect(event.organizationId).toBe(w.client.id);

    const version = (await requestRow(requestId)).version;
    expect((await clientIntent(w, requestId, w.manager.cookie, { intent: "accept", version: String(version) })).status).toBe(200);
    // 4 of 9 is 44.4, under the cap of 50: the rejected critical answer earned nothing.
    const accepted = await requestRow(requestId);
    expect(accepted.score).toBe(44.4);
    expect((accepted.scoreDetail as { failedCriticals: string[] }).failedCriticals).toEqual(["gen.dpa"]);
  });
});

describe("autosave conflicts", () => {
  it("never overwrites silently: the second save with the same version gets both values back", async () => {
    const w = await world();
    const requestId = await sendOne(w);
    await assignToContributor(w, requestId);
    expect((await save(w, requestId, w.responder.cookie, "gen.staff", 12, 0)).status).toBe(200);
    const first = await save(w, requestId, w.contributor.cookie, "gen.staff", 15, 0);
    expect(first.status).toBe(409);
    expect(first.body).toEqual({ ok: false, conflict: { value: 12, version: 1, isConfirmed: true } });
    expect(await answerRow(requestId, "gen.staff")).toMatchObject({ value: 12, version: 1 });

    // Two colleagues both editing version 1.
    expect((await save(w, requestId, w.responder.cookie, "gen.staff", 13, 1)).status).toBe(200);
    const second = await save(w, requestId, w.contributor.cookie, "gen.staff", 14, 1);
    expect(second.status).toBe(409);
    expect(second.body.conflict).toEqual({ value: 13, version: 2, isConfirmed: true });
    // Choosing "mine" is a save on top of the version now seen.
    expect((await save(w, requestId, w.contributor.cookie, "gen.staff", 14, 2)).body).toEqual({ ok: true, questionKey: "gen.staff", version: 3 });
    const history = await db().select().from(questionnaireAnswerHistory).where(eq(questionnaireAnswerHistory.requestId, requestId));
    expect(history.map((h) => h.value)).toEqual([12, 13, 14]);
  });
});

describe("bad input", () => {
  it("refuses each with a translated error and writes nothing", async () => {
    const w = await world();
    const requestId = await sendOne(w);
    const cases: [string, unknown, string | undefined, string][] = [
      ["gen.followup", "hidden until dpa is no", undefined, "questionnaires:validation.answer.hiddenQuestionAnswered"],
      ["gen.unknown", "x", undefined, "questionnaires:validation.answer.unknownQuestion"],
      ["gen.staff", "twelve", undefined, "questionnaires:validation.answer.wrongType"],
      ["gen.staff", 5000, undefined, "questionnaires:validation.answer.outOfBounds"],
      ["gen.staff", 2.5, undefined, "questionnaires:validation.answer.notInteger"],
      ["gen.channel", "fax", undefined, "questionnaires:validation.answer.unknownOption"],
      ["gen.dpa", { choice: "partly" }, undefined, "questionnaires:validation.answer.answerNotAllowed"],
      ["gen.dpa", { choice: "not_applicable" }, undefined, "questionnaires:validation.answer.notApplicableWithoutReason"],
      ["gen.dpa", null, "{not json", "questionnaires:validation.answer.wrongType"],
    ];
    for (const [key, value, raw, message] of cases) {
      const result = await save(w, requestId, w.responder.cookie, key, value, 0, raw);
      expect(result.status, key).toBe(422);
      expect(result.body.formError.key, `${key} ${JSON.stringify(value)}`).toBe(message);
    }
    // A stale version on the first save of a question.
    expect((await save(w, requestId, w.responder.cookie, "gen.staff", 3, 4)).status).toBe(409);
    const written = await db().select().from(questionnaireAnswers).where(eq(questionnaireAnswers.requestId, requestId));
    expect(written).toEqual([]);
    expect((await requestRow(requestId)).status).toBe("sent");

    // After "no", the follow-up is shown and may be answered.
    await save(w, requestId, w.responder.cookie, "gen.dpa", { choice: "no" }, 0);
    expect((await save(w, requestId, w.responder.cookie, "gen.followup", "Being signed", 0)).status).toBe(200);
  });

  it("answers 404 for another tenant's request on both sides, and 403 where the role may not", async () => {
    const w = await world();
    const other = await world();
    const foreignId = await sendOne(other);
    const ownId = await sendOne(w);

    expect((await openAsVendor(w, foreignId)).status).toBe(404);
    expect((await save(w, foreignId, w.responder.cookie, "gen.staff", 1, 0)).status).toBe(404);
    expect((await vendorIntent(w, foreignId, w.responder.cookie, { intent: "submit" })).status).toBe(404);
    expect((await openAsClient(w, foreignId)).status).toBe(404);
    expect((await clientIntent(w, foreignId, w.manager.cookie, { intent: "accept", version: "1" })).status).toBe(404);
    expect((await openAsVendor(w, "not-a-uuid")).status).toBe(404);
    expect(await db().select().from(questionnaireAnswers).where(eq(questionnaireAnswers.requestId, foreignId))).toEqual([]);

    // The client's viewer can look but not send; the vendor's viewer cannot answer.
    expect((await send(w, [w.partnership.id], w.viewer.cookie)).status).toBe(403);
    const viewer = await person(w.vendor.id, "viewer");
    expect((await save(w, ownId, viewer.cookie, "gen.staff", 1, 0)).status).toBe(403);
    expect((await openAsVendor(w, ownId, viewer.cookie)).status).toBe(200);
  });

  it("refuses a send with a foreign or inactive partnership, a past due date or a long message, atomically", async () => {
    const w = await world();
    const other = await world();
    const invited = await createPartnership(db(), w.client.id, null);
    const before = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.partnershipId, w.partnership.id));
    for (const ids of [[w.partnership.id, other.partnership.id], [w.partnership.id, invited.id]]) {
      const result = await send(w, ids);
      expect(result.status).toBe(422);
      expect(result.body.formError.key).toBe("requests:errors.partnershipUnavailable");
    }
    expect((await send(w, [w.partnership.id], undefined, { dueDate: "2000-01-01" })).body.formError.key).toBe("requests:errors.dueDatePast");
    const long = await send(w, [w.partnership.id], undefined, { message: "x".repeat(2001) });
    expect(long.body.result.error).toEqual({ message: ["requests:errors.messageTooLong"] });
    // Another client's template version cannot be sent.
    expect((await send(w, [w.partnership.id], undefined, { templateVersionId: other.version.id })).body.formError.key).toBe("requests:errors.versionUnavailable");
    const after = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.partnershipId, w.partnership.id));
    expect(after.length).toBe(before.length);
  });
});

describe("answer once", () => {
  /** One vendor, two clients with the same question keys (each its own template). */
  async function twoClients() {
    const a = await world();
    const clientB = await createOrganization(db(), "client", { name: `Client B ${a.vendor.id.slice(0, 6)}` });
    const partnershipB = await createPartnership(db(), clientB.id, a.vendor.id);
    const { version: versionB } = await createPublishedVersion(db(), clientB.id);
    const managerB = await person(clientB.id, "manager");
    const b: World = { ...a, client: clientB, partnership: partnershipB, version: versionB, manager: managerB, reviewer: managerB, viewer: managerB };
    return { a, b };
  }

  async function acceptedAtA(a: World) {
    const requestId = await sendOne(a);
    await save(a, requestId, a.responder.cookie, "gen.dpa", { choice: "yes" }, 0);
    await save(a, requestId, a.responder.cookie, "gen.staff", 12, 0);
    await save(a, requestId, a.responder.cookie, "gen.channel", "mail", 0);
    await save(a, requestId, a.responder.cookie, "gen.note", "Only for client A", 0);
    await vendorIntent(a, requestId, a.responder.cookie, { intent: "submit" });
    const version = (await requestRow(requestId)).version;
    expect((await clientIntent(a, requestId, a.manager.cookie, { intent: "accept", version: String(version) })).status).toBe(200);
    return requestId;
  }

  it("offers client A's accepted answers in client B's request, unconfirmed until confirmed, and B never sees A", async () => {
    const { a, b } = await twoClients();
    const requestA = await acceptedAtA(a);
    const requestB = await sendOne(b);

    const opened = await openAsVendor(b, requestB);
    const answers = opened.body!.answers as Record<string, { value: unknown; isPrefill: boolean; version: number }>;
    expect(answers["gen.dpa"]).toMatchObject({ value: { choice: "yes" }, isPrefill: true });
    expect(answers["gen.staff"]).toMatchObject({ value: 12, isPrefill: true });
    expect(answers["gen.note"]).toMatchObject({ value: "Only for client A", isPrefill: true });
    // Not counted before confirmation.
    expect(opened.body!.progress).toEqual({ answered: 0, total: 4, percent: 0 });
    const row = await answerRow(requestB, "gen.dpa");
    expect(row).toMatchObject({ isConfirmed: false });
    expect(row.prefilledFromAnswerId).not.toBeNull();
    // Opening again does not offer twice.
    await openAsVendor(b, requestB);
    expect((await db().select().from(questionnaireAnswers).where(eq(questionnaireAnswers.requestId, requestB))).length).toBe(4);

    const notYet = await vendorIntent(b, requestB, b.responder.cookie, { intent: "submit" });
    expect((notYet.body.missing as { questionKey: string }[]).map((m) => m.questionKey).sort()).toEqual(["gen.channel", "gen.dpa", "gen.staff"]);

    await assignToContributor(b, requestB);
    expect((await vendorIntent(b, requestB, b.contributor.cookie, { intent: "confirm", questionKey: "gen.dpa", version: String(answers["gen.dpa"].version) })).status).toBe(200);
    expect((await vendorIntent(b, requestB, b.responder.cookie, { intent: "confirm", questionKey: "gen.dpa", version: "2" })).body.formError.key).toBe("requests:errors.nothingToConfirm");
    // Changing an offered answer confirms the new value.
    expect((await save(b, requestB, b.responder.cookie, "gen.staff", 14, answers["gen.staff"].version)).status).toBe(200);
    expect((await vendorIntent(b, requestB, b.responder.cookie, { intent: "confirm", questionKey: "gen.channel", version: String(answers["gen.channel"].version) })).status).toBe(200);
    const progress = (await openAsVendor(b, requestB)).body!.progress;
    expect(progress).toEqual({ answered: 3, total: 4, percent: 75 });
    expect((await vendorIntent(b, requestB, b.responder.cookie, { intent: "submit" })).status).toBe(302);

    // Client B sees its own answers; nothing of client A, not even the unconfirmed note.
    const view = await openAsClient(b, requestB);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(a.client.name);
    expect(text).not.toContain(a.client.id);
    expect(text).not.toContain(requestA);
    expect(text).not.toContain("Only for client A");
    expect(text).not.toContain("prefilled");
    expect(view.body!.answers).toMatchObject({ "gen.dpa": { value: { choice: "yes" } }, "gen.staff": { value: 14 } });
    // And client B's list holds only its own request.
    const listB = await call(clientList.loader as Handler, getRequest(`/client/${b.client.id}/questionnaires`, b.manager.cookie), { orgId: b.client.id });
    expect((listB.body!.requests as { id: string }[]).map((r) => r.id)).toEqual([requestB]);
  });

  it("offers nothing when the vendor turned reuse off for the source or the target client", async () => {
    const { a, b } = await twoClients();
    await acceptedAtA(a);
    const toggle = (w: World, cookie: string, enabled: boolean) =>
      call(vendorClient.action as Handler, postRequest(`/vendor/${w.vendor.id}/clients/${w.partnership.id}`, { intent: "reuse", enabled: String(enabled) }, cookie), {
        orgId: w.vendor.id,
        partnershipId: w.partnership.id,
      });
    // Only the vendor's admin decides.
    expect((await toggle(a, a.responder.cookie, false)).status).toBe(403);
    expect((await toggle(a, a.vendorAdmin.cookie, false)).status).toBe(200);
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "answer_reuse.changed"), eq(auditEvents.entityId, a.partnership.id)));
    expect(event.summary).toEqual({ enabled: false });
    const shown = await call(vendorClient.loader as Handler, getRequest(`/vendor/${a.vendor.id}/clients/${a.partnership.id}`, a.responder.cookie), {
      orgId: a.vendor.id,
      partnershipId: a.partnership.id,
    });
    expect(shown.body!.answerReuse).toEqual({ enabled: false, canManage: false });

    const first = await sendOne(b);
    expect(Object.keys((await openAsVendor(b, first)).body!.answers as object)).toEqual([]);

    // Source allowed again, target switched off: still nothing.
    expect((await toggle(a, a.vendorAdmin.cookie, true)).status).toBe(200);
    expect((await toggle(b, b.vendorAdmin.cookie, false)).status).toBe(200);
    const { version } = await createPublishedVersion(db(), b.client.id);
    const second = await send({ ...b, version }, [b.partnership.id]);
    expect(second.status).toBe(302);
    const [latest] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.templateVersionId, version.id));
    expect(Object.keys((await openAsVendor(b, latest.id)).body!.answers as object)).toEqual([]);

    // Another vendor's partnership cannot be switched.
    const stranger = await world();
    expect((await toggle({ ...a, partnership: stranger.partnership }, a.vendorAdmin.cookie, false)).status).toBe(404);
  });

  it("a request made directly by the factory is usable too", async () => {
    const w = await world();
    const row = await createRequest(db(), w.partnership.id, w.version.id);
    expect((await openAsVendor(w, row.id)).status).toBe(200);
  });
});
