import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { approvedSubprocessorsFor } from "#db/queries/subprocessors";
import { agreements, auditEvents, notifications, outboxEmails, subprocessorEvents, subprocessors } from "#db/schema/index";
import { approveLapsedProposals } from "~/domain/subprocessors/lapse.server";
import * as clientPartnership from "~/routes/client.$orgId.partners.$partnershipId";
import * as clientPartners from "~/routes/client.$orgId.partners._index";
import * as clientPage from "~/routes/client.$orgId.partners.$partnershipId_.subprocessors";
import * as vendorPartnership from "~/routes/vendor.$orgId.clients.$partnershipId";
import * as vendorPage from "~/routes/vendor.$orgId.clients.$partnershipId_.subprocessors";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { createOrganization, createPartnership } from "../factories/index";
import { createSubprocessor } from "../factories/subprocessors";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

async function world() {
  const client = await createOrganization(db(), "client", { name: `Voltera ${Math.random().toString(36).slice(2, 7)}` });
  const vendor = await createOrganization(db(), "vendor");
  const partnership = await createPartnership(db(), client.id, vendor.id);
  return {
    client,
    vendor,
    partnership,
    clientAdmin: await person(client.id, "admin", "nl"),
    manager: await person(client.id, "manager", "en"),
    reviewer: await person(client.id, "reviewer"),
    vendorAdmin: await person(vendor.id, "admin", "nl"),
    responder: await person(vendor.id, "responder", "en"),
    vendorViewer: await person(vendor.id, "viewer"),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const today = () => todayInDisplayZone();
const vendorPath = (w: World, partnershipId = w.partnership.id) => `/vendor/${w.vendor.id}/clients/${partnershipId}/subprocessors`;
const clientPath = (w: World, partnershipId = w.partnership.id) => `/client/${w.client.id}/partners/${partnershipId}/subprocessors`;

function vendorPost(w: World, form: Record<string, string>, cookie = w.responder.cookie, partnershipId = w.partnership.id) {
  return call(vendorPage.action as Handler, postRequest(vendorPath(w, partnershipId), form, cookie), { orgId: w.vendor.id, partnershipId });
}
function clientPost(w: World, form: Record<string, string>, cookie = w.manager.cookie, partnershipId = w.partnership.id) {
  return call(clientPage.action as Handler, postRequest(clientPath(w, partnershipId), form, cookie), { orgId: w.client.id, partnershipId });
}
function clientView(w: World, cookie = w.reviewer.cookie) {
  return call(clientPage.loader as Handler, getRequest(clientPath(w), cookie), { orgId: w.client.id, partnershipId: w.partnership.id });
}
function vendorView(w: World, cookie = w.vendorViewer.cookie) {
  return call(vendorPage.loader as Handler, getRequest(vendorPath(w), cookie), { orgId: w.vendor.id, partnershipId: w.partnership.id });
}

const proposal = {
  intent: "propose",
  name: "RecordSafe Inc.",
  service: "QA call recording",
  country: "US",
  dataAccessed: "Call recordings, phone numbers",
  transferMechanism: "eu_scc_2021_914",
};

const entriesOf = (partnershipId: string) => db().select().from(subprocessors).where(eq(subprocessors.partnershipId, partnershipId)).orderBy(asc(subprocessors.createdAt));
const eventsOf = (id: string) => db().select().from(subprocessorEvents).where(eq(subprocessorEvents.subprocessorId, id)).orderBy(asc(subprocessorEvents.createdAt));
const auditOf = (id: string) => db().select().from(auditEvents).where(and(eq(auditEvents.entityType, "subprocessor"), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.id));
const notificationsOf = (userIds: string[]) => db().select().from(notifications).where(inArray(notifications.userId, userIds));
const mailTo = (emails: string[]) => db().select().from(outboxEmails).where(inArray(outboxEmails.toAddress, emails));

async function propose(w: World, form: Record<string, string> = proposal) {
  const res = await vendorPost(w, form);
  expect(res.status, JSON.stringify(res.body)).toBe(302);
  const rows = await entriesOf(w.partnership.id);
  return rows[rows.length - 1];
}

describe("proposing a sub-processor", () => {
  it("records the proposal with the default 30-day deadline and tells the client's admins and managers in their language", async () => {
    const w = await world();
    const entry = await propose(w);
    expect(entry).toMatchObject({ status: "proposed", country: "US", transferMechanism: "eu_scc_2021_914", proposedByUserId: w.responder.user.id, lockVersion: 1 });
    expect(entry.objectionDeadline).toBe(addDays(today(), 30));
    expect((await eventsOf(entry.id)).map((e) => e.event)).toEqual(["proposed"]);
    const audit = await auditOf(entry.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "subprocessor.proposed", organizationId: w.vendor.id, actorUserId: w.responder.user.id });

    const notified = await notificationsOf([w.clientAdmin.user.id, w.manager.user.id, w.reviewer.user.id]);
    expect(notified.map((n) => n.userId).sort()).toEqual([w.clientAdmin.user.id, w.manager.user.id].sort());
    expect(notified[0]).toMatchObject({ messageKey: "subprocessors:notifications.proposed", link: clientPath(w) });
    const mails = await mailTo([w.clientAdmin.user.email, w.manager.user.email, w.reviewer.user.email]);
    expect(mails).toHaveLength(2);
    const nl = mails.find((m) => m.toAddress === w.clientAdmin.user.email)!;
    const en = mails.find((m) => m.toAddress === w.manager.user.email)!;
    expect(nl.subject).toContain("stelt een nieuwe subverwerker voor: RecordSafe Inc.");
    expect(nl.textBody).toContain("Verenigde Staten");
    expect(en.subject).toContain("proposes a new sub-processor: RecordSafe Inc.");
    expect(en.textBody).toContain(clientPath(w));
  });

  it("takes the notice period from the agreement in force", async () => {
    const w = await world();
    await db().insert(agreements).values({
      partnershipId: w.partnership.id,
      language: "nl",
      title: "Verwerkersovereenkomst",
      mergeData: {},
      status: "in_force",
      subprocessorNoticeDays: 14,
      inForceAt: new Date(),
    });
    const entry = await propose(w);
    expect(entry.objectionDeadline).toBe(addDays(today(), 14));
    const view = await vendorView(w);
    expect(view.body).toMatchObject({ register: { noticeDays: 14, isNoticeFromAgreement: true } });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const w = await world();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...proposal, transferMechanism: "" }, "transferMechanism", "subprocessors:errors.mechanismRequired"],
      [{ ...proposal, transferMechanism: "other" }, "transferOther", "subprocessors:errors.mechanismOtherRequired"],
      [{ ...proposal, country: "ZZ" }, "country", "subprocessors:errors.countryInvalid"],
      [{ ...proposal, name: "" }, "name", "validation.required"],
      [{ ...proposal, dataAccessed: "x".repeat(5000) }, "dataAccessed", "subprocessors:errors.tooLong"],
    ];
    for (const [form, field, message] of cases) {
      const res = await vendorPost(w, form);
      expect(res.status).toBe(200);
      const error = (res.body as { result: { error: Record<string, string[]> } }).result.error;
      expect(error[field], field).toContain(message);
    }
    expect(await entriesOf(w.partnership.id)).toEqual([]);
    expect((await vendorPost(w, { intent: "nonsense" })).status).toBe(400);
  });

  it("stores no mechanism inside the EEA and an own description for 'other'", async () => {
    const w = await world();
    const eea = await propose(w, { ...proposal, name: "Telefonie BV", country: "NL", transferMechanism: "eu_scc_2021_914" });
    expect(eea.transferMechanism).toBeNull();
    const other = await propose(w, { ...proposal, name: "Offshore Ltd", country: "ZA", transferMechanism: "other", transferOther: "Art. 49 derogation" });
    expect(other.transferMechanism).toBe("Art. 49 derogation");
  });

  it("is not possible on a partnership that is not active", async () => {
    const w = await world();
    const { partnerships } = await import("#db/schema/index");
    await db().update(partnerships).set({ status: "suspended" }).where(eq(partnerships.id, w.partnership.id));
    const res = await vendorPost(w, proposal);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ formError: { key: "subprocessors:errors.partnershipInactive" } });
    expect(await entriesOf(w.partnership.id)).toEqual([]);
  });
});

describe("the client's decision", () => {
  it("approves before the deadline; a second decision on the same entry is a conflict, never an overwrite", async () => {
    const w = await world();
    const entry = await propose(w);
    const approve = await clientPost(w, { intent: "approve", subprocessorId: entry.id, lockVersion: "1", comment: "SCCs checked" });
    expect(approve.status).toBe(302);
    const [after] = await entriesOf(w.partnership.id);
    expect(after).toMatchObject({ status: "approved", decidedByUserId: w.manager.user.id, decisionComment: "SCCs checked", lockVersion: 2 });
    expect((await auditOf(entry.id)).map((a) => [a.action, a.organizationId])).toEqual([
      ["subprocessor.proposed", w.vendor.id],
      ["subprocessor.approved", w.client.id],
    ]);
    const vendorNotes = await notificationsOf([w.vendorAdmin.user.id, w.responder.user.id]);
    expect(vendorNotes.map((n) => n.messageKey)).toEqual(["subprocessors:notifications.approved", "subprocessors:notifications.approved"]);

    // A colleague who loaded the page before the approval objects with the old version.
    const late = await clientPost(w, { intent: "object", subprocessorId: entry.id, lockVersion: "1", comment: "No" }, w.clientAdmin.cookie);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ formError: { key: "subprocessors:errors.alreadyDecided" } });
    const [still] = await entriesOf(w.partnership.id);
    expect(still).toMatchObject({ status: "approved", decidedByUserId: w.manager.user.id, lockVersion: 2 });
  });

  it("requires a reason to object, then records it and e-mails the vendor", async () => {
    const w = await world();
    const entry = await propose(w);
    const noReason = await clientPost(w, { intent: "object", subprocessorId: entry.id, lockVersion: "1", comment: "  " });
    expect(noReason.status).toBe(200);
    expect((noReason.body as { result: { error: Record<string, string[]> } }).result.error.comment).toEqual(["subprocessors:errors.reasonRequired"]);
    expect((await entriesOf(w.partnership.id))[0].status).toBe("proposed");

    const res = await clientPost(w, { intent: "object", subprocessorId: entry.id, lockVersion: "1", comment: "No transfer impact assessment" });
    expect(res.status).toBe(302);
    expect((await entriesOf(w.partnership.id))[0]).toMatchObject({ status: "objected", decisionComment: "No transfer impact assessment" });
    expect((await eventsOf(entry.id)).map((e) => [e.event, e.comment])).toEqual([
      ["proposed", null],
      ["objected", "No transfer impact assessment"],
    ]);
    const mails = await mailTo([w.vendorAdmin.user.email, w.responder.user.email]);
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.toAddress === w.vendorAdmin.user.email)!.subject).toContain("maakt bezwaar");
    expect(mails.find((m) => m.toAddress === w.responder.user.email)!.textBody).toContain("No transfer impact assessment");
  });

  it("refuses a decision after the deadline with a clear message", async () => {
    const w = await world();
    const entry = await createSubprocessor(db(), w.partnership.id, { objectionDeadline: addDays(today(), -1) });
    const res = await clientPost(w, { intent: "approve", subprocessorId: entry.id, lockVersion: "1" });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ formError: { key: "subprocessors:errors.deadlinePassed", params: { deadline: addDays(today(), -1) } } });
    expect((await entriesOf(w.partnership.id))[0].status).toBe("proposed");
    // The deadline day itself still counts.
    const onTime = await createSubprocessor(db(), w.partnership.id, { objectionDeadline: today() });
    expect((await clientPost(w, { intent: "approve", subprocessorId: onTime.id, lockVersion: "1" })).status).toBe(302);
  });

  it("answers 404 for an entry of another partnership, even through the client's own URL", async () => {
    const w = await world();
    const other = await world();
    const foreign = await createSubprocessor(db(), other.partnership.id);
    const res = await clientPost(w, { intent: "approve", subprocessorId: foreign.id, lockVersion: "1" });
    expect(res.status).toBe(404);
    // The same client's other partnership does not lend its entries either.
    const secondVendor = await createOrganization(db(), "vendor");
    const second = await createPartnership(db(), w.client.id, secondVendor.id);
    const sibling = await createSubprocessor(db(), second.id);
    expect((await clientPost(w, { intent: "approve", subprocessorId: sibling.id, lockVersion: "1" })).status).toBe(404);
    expect((await db().select().from(subprocessors).where(eq(subprocessors.id, foreign.id)))[0].status).toBe("proposed");
  });

  it("lets a reviewer see the register but not decide", async () => {
    const w = await world();
    const entry = await propose(w);
    const view = await clientView(w);
    expect(view.status).toBe(200);
    const entries = (view.body as { register: { entries: Array<{ id: string; canDecide: boolean; daysLeft: number }> } }).register.entries;
    expect(entries).toMatchObject([{ id: entry.id, canDecide: false, daysLeft: 30 }]);
    expect((await clientPost(w, { intent: "approve", subprocessorId: entry.id, lockVersion: "1" }, w.reviewer.cookie)).status).toBe(403);
    const asManager = await clientView(w, w.manager.cookie);
    expect((asManager.body as { register: { entries: Array<{ canDecide: boolean }> } }).register.entries[0].canDecide).toBe(true);
  });
});

describe("the vendor's changes", () => {
  it("records edits to a pending proposal without moving the deadline; a stale version is a conflict", async () => {
    const w = await world();
    const entry = await propose(w);
    const edit = { ...proposal, intent: "edit", subprocessorId: entry.id, lockVersion: "1", country: "IE", transferMechanism: "" };
    expect((await vendorPost(w, edit)).status).toBe(302);
    const [after] = await entriesOf(w.partnership.id);
    expect(after).toMatchObject({ country: "IE", transferMechanism: null, status: "proposed", lockVersion: 2, objectionDeadline: entry.objectionDeadline });
    expect((await eventsOf(entry.id)).map((e) => [e.event, e.comment])).toEqual([
      ["proposed", null],
      ["edited", "country, transferMechanism"],
    ]);
    expect((await auditOf(entry.id)).map((a) => a.action)).toEqual(["subprocessor.proposed", "subprocessor.edited"]);
    expect((await notificationsOf([w.manager.user.id])).map((n) => n.messageKey).sort()).toEqual([
      "subprocessors:notifications.edited",
      "subprocessors:notifications.proposed",
    ]);
    // A client decision taken on the text before the correction is refused, not applied.
    const decision = await clientPost(w, { intent: "approve", subprocessorId: entry.id, lockVersion: "1" });
    expect(decision.status).toBe(409);
    expect(decision.body).toMatchObject({ formError: { key: "subprocessors:errors.stale" } });

    const stale = await vendorPost(w, { ...edit, name: "Renamed" });
    expect(stale.status).toBe(409);
    expect((await entriesOf(w.partnership.id))[0].name).toBe(proposal.name);
  });

  it("withdraws a proposal, removes an approved entry (telling the client), and edits neither afterwards", async () => {
    const w = await world();
    const proposed = await propose(w);
    expect((await vendorPost(w, { intent: "withdraw", subprocessorId: proposed.id, lockVersion: "1", comment: "Chose another" })).status).toBe(302);
    expect((await db().select().from(subprocessors).where(eq(subprocessors.id, proposed.id)))[0].status).toBe("withdrawn");
    const edit = await vendorPost(w, { ...proposal, intent: "edit", subprocessorId: proposed.id, lockVersion: "2" });
    expect(edit.status).toBe(409);

    const approved = await createSubprocessor(db(), w.partnership.id, { status: "approved", objectionDeadline: addDays(today(), -40), decidedAt: new Date() });
    const withdrawApproved = await vendorPost(w, { intent: "withdraw", subprocessorId: approved.id, lockVersion: "1" });
    expect(withdrawApproved.status).toBe(409);
    const editApproved = await vendorPost(w, { ...proposal, intent: "edit", subprocessorId: approved.id, lockVersion: "1" });
    expect(editApproved.status).toBe(409);
    expect((await vendorPost(w, { intent: "remove", subprocessorId: approved.id, lockVersion: "1" })).status).toBe(302);
    expect((await db().select().from(subprocessors).where(eq(subprocessors.id, approved.id)))[0]).toMatchObject({ status: "removed", lockVersion: 2 });
    expect((await auditOf(approved.id)).map((a) => a.action)).toEqual(["subprocessor.removed"]);
    const mails = await mailTo([w.manager.user.email]);
    expect(mails.map((m) => m.template).sort()).toEqual(["subprocessor_proposed", "subprocessor_removed"]);
    expect((await notificationsOf([w.manager.user.id])).map((n) => n.messageKey).sort()).toEqual([
      "subprocessors:notifications.proposed",
      "subprocessors:notifications.removed",
      "subprocessors:notifications.withdrawn",
    ]);
  });

  it("leaves approvedSubprocessorsFor with only the approved entries", async () => {
    const w = await world();
    await createSubprocessor(db(), w.partnership.id, { name: "B approved", status: "approved", country: "US", transferMechanism: "eu_scc_2021_914" });
    await createSubprocessor(db(), w.partnership.id, { name: "A approved", status: "approved" });
    await createSubprocessor(db(), w.partnership.id, { name: "Pending" });
    await createSubprocessor(db(), w.partnership.id, { name: "Gone", status: "removed" });
    expect(await approvedSubprocessorsFor(db(), w.partnership.id)).toEqual([
      { name: "A approved", service: "Telephony platform", country: "NL", transferMechanism: null },
      { name: "B approved", service: "Telephony platform", country: "US", transferMechanism: "eu_scc_2021_914" },
    ]);
  });
});

describe("approval by lapse", () => {
  it("approves proposals past their deadline once, with a system audit event, and leaves the rest alone", async () => {
    const w = await world();
    const day = today();
    const lapsed = await createSubprocessor(db(), w.partnership.id, { objectionDeadline: addDays(day, -1) });
    const lastDay = await createSubprocessor(db(), w.partnership.id, { objectionDeadline: day });
    const objected = await createSubprocessor(db(), w.partnership.id, { status: "objected", objectionDeadline: addDays(day, -5) });

    const first = await approveLapsedProposals(db(), day);
    expect(first.filter((o) => [lapsed.id, lastDay.id, objected.id].includes(o.subprocessorId))).toEqual([{ subprocessorId: lapsed.id, result: "approved" }]);
    const rows = new Map((await entriesOf(w.partnership.id)).map((r) => [r.id, r]));
    expect(rows.get(lapsed.id)).toMatchObject({ status: "approved", decidedByUserId: null, lockVersion: 2 });
    expect(rows.get(lapsed.id)!.decidedAt).not.toBeNull();
    expect(rows.get(lastDay.id)!.status).toBe("proposed");
    expect(rows.get(objected.id)!.status).toBe("objected");
    expect((await eventsOf(lapsed.id)).map((e) => [e.event, e.actorUserId])).toEqual([
      ["proposed", null],
      ["approved_by_lapse", null],
    ]);
    expect((await auditOf(lapsed.id)).map((a) => [a.action, a.actorUserId, a.organizationId])).toEqual([["subprocessor.approved_by_lapse", null, w.client.id]]);
    expect((await notificationsOf([w.manager.user.id, w.responder.user.id])).map((n) => n.messageKey).sort()).toEqual([
      "subprocessors:notifications.lapsedClient",
      "subprocessors:notifications.lapsedVendor",
    ]);

    // Running again the same day changes nothing.
    const second = await approveLapsedProposals(db(), day);
    expect(second.some((o) => o.subprocessorId === lapsed.id)).toBe(false);
    expect(await eventsOf(lapsed.id)).toHaveLength(2);
    expect(await auditOf(lapsed.id)).toHaveLength(1);

    const view = await clientView(w);
    const entries = (view.body as { register: { entries: Array<{ id: string; status: string; history: Array<{ event: string }> }> } }).register.entries;
    expect(entries.map((e) => e.status)).toEqual(["proposed", "approved", "objected"]);
    expect(entries.find((e) => e.id === lapsed.id)!.history.map((h) => h.event)).toEqual(["proposed", "approved_by_lapse"]);
  });
});

describe("the partnership pages", () => {
  it("show how many proposals await a decision, on both sides", async () => {
    const w = await world();
    await createSubprocessor(db(), w.partnership.id);
    await createSubprocessor(db(), w.partnership.id);
    await createSubprocessor(db(), w.partnership.id, { status: "approved" });
    const client = await call(clientPartnership.loader as Handler, getRequest(`/client/${w.client.id}/partners/${w.partnership.id}`, w.reviewer.cookie), {
      orgId: w.client.id,
      partnershipId: w.partnership.id,
    });
    expect(client.body).toMatchObject({ subprocessorsPending: 2 });
    const vendor = await call(vendorPartnership.loader as Handler, getRequest(`/vendor/${w.vendor.id}/clients/${w.partnership.id}`, w.vendorViewer.cookie), {
      orgId: w.vendor.id,
      partnershipId: w.partnership.id,
    });
    expect(vendor.body).toMatchObject({ subprocessorsPending: 2 });
  });

  it("list the client's pending proposals across partners, earliest deadline first, and no one else's", async () => {
    const w = await world();
    const otherVendor = await createOrganization(db(), "vendor");
    const second = await createPartnership(db(), w.client.id, otherVendor.id);
    const later = await createSubprocessor(db(), w.partnership.id, { name: "Later", objectionDeadline: addDays(today(), 20) });
    const sooner = await createSubprocessor(db(), second.id, { name: "Sooner", objectionDeadline: addDays(today(), 2) });
    await createSubprocessor(db(), w.partnership.id, { name: "Done", status: "approved" });
    const stranger = await world();
    await createSubprocessor(db(), stranger.partnership.id, { name: "Foreign" });
    const res = await call(clientPartners.loader as Handler, getRequest(`/client/${w.client.id}/partners`, w.reviewer.cookie), { orgId: w.client.id });
    const pending = (res.body as { pendingSubprocessors: Array<{ id: string; partnershipId: string; daysLeft: number }> }).pendingSubprocessors;
    expect(pending.map((p) => [p.id, p.partnershipId, p.daysLeft])).toEqual([
      [sooner.id, second.id, 2],
      [later.id, w.partnership.id, 20],
    ]);
  });
});
