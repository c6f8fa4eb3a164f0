import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/index";
import * as clientPartner from "~/routes/client.$orgId.partners.$partnershipId";
import * as clientDetail from "~/routes/client.$orgId.evidence.$evidenceId";
import * as clientFile from "~/routes/client.$orgId.evidence.$evidenceId_.file";
import * as vendorDetail from "~/routes/vendor.$orgId.evidence.$evidenceId";
import { createStoredEvidence } from "../factories/evidence";
import { createOrganization, createPartnership } from "../factories/index";
import { db, getRequest, postRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const vendor = await createOrganization(db(), "vendor");
  const clientA = await createOrganization(db(), "client");
  const clientB = await createOrganization(db(), "client");
  const partnershipA = await createPartnership(db(), clientA.id, vendor.id);
  const partnershipB = await createPartnership(db(), clientB.id, vendor.id);
  return {
    vendor,
    clientA,
    clientB,
    partnershipA,
    partnershipB,
    responder: await person(vendor.id, "responder"),
    contributor: await person(vendor.id, "contributor"),
    viewerA: await person(clientA.id, "viewer"),
    viewerB: await person(clientB.id, "viewer"),
  };
}
beforeAll(async () => {
  w = await world();
});

const vendorPost = (evidenceId: string, form: Record<string, string>, cookie = w.responder.cookie) =>
  call(vendorDetail.action as Handler, postRequest(`/vendor/${w.vendor.id}/evidence/${evidenceId}`, form, cookie), { orgId: w.vendor.id, evidenceId });
const clientGet = (handler: Handler, clientId: string, evidenceId: string, cookie: string, suffix = "") =>
  call(handler, getRequest(`/client/${clientId}/evidence/${evidenceId}${suffix}`, cookie), { orgId: clientId, evidenceId });

describe("sharing evidence with one client", () => {
  it("shows a shared document to that client only, on its partnership page and in full, until sharing stops", async () => {
    const doc = await createStoredEvidence(db(), w.vendor.id, { title: "ISO 27001", validUntil: "2099-01-01" });
    expect((await clientGet(clientDetail.loader as Handler, w.clientA.id, doc.evidenceId, w.viewerA.cookie)).status).toBe(404);

    expect((await vendorPost(doc.evidenceId, { intent: "share", partnershipId: w.partnershipA.id })).status).toBe(302);
    const seen = await clientGet(clientDetail.loader as Handler, w.clientA.id, doc.evidenceId, w.viewerA.cookie);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ evidence: { title: "ISO 27001", current: { validUntil: "2099-01-01" } } });
    const page = await call(clientPartner.loader as Handler, getRequest(`/client/${w.clientA.id}/partners/${w.partnershipA.id}`, w.viewerA.cookie), {
      orgId: w.clientA.id,
      partnershipId: w.partnershipA.id,
    });
    expect((page.body as { evidence: { title: string }[] }).evidence.map((e) => e.title)).toEqual(["ISO 27001"]);

    // Client B, another client of the same vendor, sees nothing of it.
    expect((await clientGet(clientDetail.loader as Handler, w.clientB.id, doc.evidenceId, w.viewerB.cookie)).status).toBe(404);
    expect((await clientGet(clientFile.loader as Handler, w.clientB.id, doc.evidenceId, w.viewerB.cookie, "/file")).status).toBe(404);
    const pageB = await call(clientPartner.loader as Handler, getRequest(`/client/${w.clientB.id}/partners/${w.partnershipB.id}`, w.viewerB.cookie), {
      orgId: w.clientB.id,
      partnershipId: w.partnershipB.id,
    });
    expect((pageB.body as { evidence: unknown[] }).evidence).toEqual([]);

    // A client's page never reveals the vendor's other clients.
    expect((seen.body as { evidence: { links: { clientName: string }[] } }).evidence.links.every((l) => l.clientName === w.clientA.name)).toBe(true);

    expect((await vendorPost(doc.evidenceId, { intent: "unshare", partnershipId: w.partnershipA.id })).status).toBe(302);
    expect((await clientGet(clientFile.loader as Handler, w.clientA.id, doc.evidenceId, w.viewerA.cookie, "/file")).status).toBe(404);
    const actions = (await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, doc.evidenceId))).map((e) => e.action);
    expect(actions.sort()).toEqual(["evidence.linked", "evidence.unlinked"]);
  });

  it("keeps an archived document visible where it is linked, but refuses new links to it", async () => {
    const doc = await createStoredEvidence(db(), w.vendor.id, { title: "Old policy" });
    await vendorPost(doc.evidenceId, { intent: "share", partnershipId: w.partnershipA.id });
    expect((await vendorPost(doc.evidenceId, { intent: "archive" })).status).toBe(302);
    expect((await clientGet(clientFile.loader as Handler, w.clientA.id, doc.evidenceId, w.viewerA.cookie, "/file")).status).toBe(200);
    const refused = await vendorPost(doc.evidenceId, { intent: "share", partnershipId: w.partnershipB.id });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ formError: { key: "evidence:errors.archived" } });
  });

  it("lets only the compliance contact share, and 404s sharing with another vendor's partnership", async () => {
    const doc = await createStoredEvidence(db(), w.vendor.id);
    expect((await vendorPost(doc.evidenceId, { intent: "share", partnershipId: w.partnershipA.id }, w.contributor.cookie)).status).toBe(403);
    const stranger = await createPartnership(db(), w.clientA.id, (await createOrganization(db(), "vendor")).id);
    expect((await vendorPost(doc.evidenceId, { intent: "share", partnershipId: stranger.id })).status).toBe(404);
  });
});
