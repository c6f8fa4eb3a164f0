import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, partnerships } from "#db/schema/index";
import { action as detailAction, loader as detailLoader } from "~/routes/client.$orgId.partners.$partnershipId";
import { loader as listLoader } from "~/routes/client.$orgId.partners._index";
import { loader as overviewLoader } from "~/routes/client.$orgId._index";
import { loader as vendorClientLoader } from "~/routes/vendor.$orgId.clients.$partnershipId";
import { loader as vendorHomeLoader } from "~/routes/vendor.$orgId._index";
import { addMembership, createMember, createOrganization, createPartnership, createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

type Data<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>;

async function member(kind: "client" | "vendor", role: "admin" | "manager" | "reviewer" | "viewer" | "responder", organizationId?: string) {
  const { user, organizationId: orgId } = await createMember(db(), kind, role, { organizationId });
  return { user, orgId, cookie: await sessionCookieFor(user.id) };
}

const list = async (orgId: string, cookie: string, search = "") =>
  (await listLoader({ request: getRequest(`/client/${orgId}/partners${search}`, cookie), params: { orgId }, context: testContext })) as Data<typeof listLoader>;

const detail = (orgId: string, partnershipId: string, cookie: string) =>
  detailLoader({ request: getRequest(`/client/${orgId}/partners/${partnershipId}`, cookie), params: { orgId, partnershipId }, context: testContext });

const post = (orgId: string, partnershipId: string, cookie: string, form: Record<string, string | string[]>) =>
  responseOf(() =>
    detailAction({ request: postRequest(`/client/${orgId}/partners/${partnershipId}`, form, cookie), params: { orgId, partnershipId }, context: testContext }),
  );

function editForm(version: number, overrides: Record<string, string | string[]> = {}) {
  return {
    intent: "update",
    version: String(version),
    vendorDisplayName: "Noord",
    services: ["inbound", "chat"],
    dataCategories: ["contact_details"],
    "sites[0].name": "Groningen",
    "sites[0].city": "Groningen",
    "sites[0].country": "NL",
    extraCountries: "",
    agentHeadcount: "80",
    contractStart: "2025-01-01",
    contractEnd: "2026-12-31",
    riskTier: "",
    ...overrides,
  };
}

describe("partnership register (client)", () => {
  it("lists only the client's own partnerships, filtered by status and tier", async () => {
    const a = await member("client", "viewer");
    const b = await member("client", "admin");
    const vendor = await createOrganization(db(), "vendor");
    const one = await createPartnership(db(), a.orgId, vendor.id, { vendorDisplayName: "Alpha", riskTier: 1, status: "active" });
    const two = await createPartnership(db(), a.orgId, null, { vendorDisplayName: "beta", riskTier: 2, status: "invited" });
    const three = await createPartnership(db(), a.orgId, null, { vendorDisplayName: "Gamma", riskTier: 1, status: "ended" });
    const foreign = await createPartnership(db(), b.orgId, vendor.id, { vendorDisplayName: "Alpha too", riskTier: 1 });

    expect((await list(a.orgId, a.cookie)).partners.map((p) => p.id)).toEqual([one.id, two.id, three.id]);
    expect((await list(a.orgId, a.cookie, "?tier=1")).partners.map((p) => p.id)).toEqual([one.id, three.id]);
    expect((await list(a.orgId, a.cookie, "?tier=1&status=active")).partners.map((p) => p.id)).toEqual([one.id]);
    expect((await list(a.orgId, a.cookie, "?status=invited")).partners.map((p) => p.id)).toEqual([two.id]);
    expect((await list(b.orgId, b.cookie)).partners.map((p) => p.id)).toEqual([foreign.id]);
  });

  it("ignores filter values that are not options", async () => {
    const a = await member("client", "viewer");
    await createPartnership(db(), a.orgId, null);
    const data = await list(a.orgId, a.cookie, "?status=deleted&tier=7");
    expect(data.filters).toEqual({ status: undefined, tier: undefined });
    expect(data.partners).toHaveLength(1);
  });

  it("returns a view model, not rows", async () => {
    const a = await member("client", "viewer");
    await createPartnership(db(), a.orgId, null);
    const [row] = (await list(a.orgId, a.cookie)).partners;
    expect(Object.keys(row).sort()).toEqual(["contractEnd", "countries", "id", "name", "riskTier", "services", "status"]);
  });

  it("hides another client's partnership on the detail page (404), and tolerates a malformed id", async () => {
    const a = await member("client", "admin");
    const b = await member("client", "admin");
    const foreign = await createPartnership(db(), b.orgId, null);
    expect(await statusOf(() => detail(a.orgId, foreign.id, a.cookie))).toBe(404);
    expect(await statusOf(() => detail(a.orgId, "not-a-uuid", a.cookie))).toBe(404);
    expect(await statusOf(() => detail(b.orgId, foreign.id, b.cookie))).toBe(200);
  });

  it("summarizes the portfolio on the client's overview", async () => {
    const a = await member("client", "reviewer");
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createPartnership(db(), a.orgId, (await createOrganization(db(), "vendor")).id, { riskTier: 1, contractEnd: soon });
    await createPartnership(db(), a.orgId, null, { riskTier: 3, status: "invited" });
    await createPartnership(db(), a.orgId, null, { riskTier: 2, status: "ended", contractEnd: soon });
    const data = (await overviewLoader({ request: getRequest(`/client/${a.orgId}`, a.cookie), params: { orgId: a.orgId }, context: testContext })) as Data<typeof overviewLoader>;
    expect(data.canInvite).toBe(false);
    expect(data.overview).toMatchObject({
      total: 3,
      byTier: { 1: 1, 2: 0, 3: 1 },
      byStatus: { invited: 1, active: 1, suspended: 0, ended: 1 },
      pendingInvitations: 0,
    });
    expect(data.overview.contractsEnding).toHaveLength(1);
  });

  it("shows an empty overview to a client without partners", async () => {
    const a = await member("client", "manager");
    const data = (await overviewLoader({ request: getRequest(`/client/${a.orgId}`, a.cookie), params: { orgId: a.orgId }, context: testContext })) as Data<typeof overviewLoader>;
    expect(data.overview.total).toBe(0);
    expect(data.canInvite).toBe(true);
  });
});

describe("editing a partnership with optimistic concurrency", () => {
  async function setUp() {
    const manager = await member("client", "manager");
    const colleague = await createUser(db());
    await addMembership(db(), colleague.id, manager.orgId, "admin");
    const partnership = await createPartnership(db(), manager.orgId, (await createOrganization(db(), "vendor")).id, {
      vendorDisplayName: "Noord",
      services: ["inbound", "chat"],
      dataCategories: ["contact_details"],
      sites: [{ name: "Groningen", city: "Groningen", country: "NL" }],
      countries: ["NL"],
      agentHeadcount: 80,
      contractStart: "2025-01-01",
      contractEnd: "2026-12-31",
      riskTier: 3,
      riskReasons: [],
    });
    return { ...manager, colleagueCookie: await sessionCookieFor(colleague.id), partnership };
  }

  const events = (orgId: string, partnershipId: string) =>
    db().select().from(auditEvents).where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.entityId, partnershipId)));

  it("saves the changes, recomputes the reasons, bumps the version and records what changed", async () => {
    const { orgId, cookie, partnership } = await setUp();
    const response = (await post(orgId, partnership.id, cookie, editForm(1, { services: ["inbound", "outbound"], "sites[1].name": "Tanger", "sites[1].city": "Tanger", "sites[1].country": "MA" }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/client/${orgId}/partners/${partnership.id}?notice=saved`);
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after).toMatchObject({
      version: 2,
      services: ["inbound", "outbound"],
      countries: ["NL", "MA"],
      riskTier: 1,
      riskReasons: ["outside_eea", "outbound_telemarketing"],
    });
    const [event] = await events(orgId, partnership.id);
    expect(event.action).toBe("partnership.updated");
    const changes = (event.summary as { changes: Record<string, unknown> }).changes;
    expect(Object.keys(changes).sort()).toEqual(["countries", "riskReasons", "riskTier", "services", "sites"]);
    expect(changes.riskTier).toEqual({ from: 3, to: 1 });
  });

  it("refuses a stale version with 409 and writes nothing", async () => {
    const { orgId, cookie, colleagueCookie, partnership } = await setUp();
    // The colleague saves first, from the same version.
    expect(((await post(orgId, partnership.id, colleagueCookie, editForm(1, { agentHeadcount: "90" }))) as Response).status).toBe(302);
    const response = (await post(orgId, partnership.id, cookie, editForm(1, { vendorDisplayName: "Mine" }))) as Response;
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false, formError: { key: "orgs:partnership.conflict" } });
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after).toMatchObject({ version: 2, vendorDisplayName: "Noord", agentHeadcount: 90 });
    expect(await events(orgId, partnership.id)).toHaveLength(1);
  });

  it("saves nothing and records nothing when nothing changed", async () => {
    const { orgId, cookie, partnership } = await setUp();
    const response = (await post(orgId, partnership.id, cookie, editForm(1, { riskTier: "3" }))) as Response;
    expect(response.headers.get("location")).toMatch(/notice=unchanged$/);
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after.version).toBe(1);
    expect(await events(orgId, partnership.id)).toHaveLength(0);
  });

  it("answers validation errors and writes nothing", async () => {
    const { orgId, cookie, partnership } = await setUp();
    const result = (await post(orgId, partnership.id, cookie, editForm(1, { dataCategories: ["dna"], contractEnd: "2024-01-01", "sites[0].country": "Netherlands" }))) as {
      result: { error: Record<string, string[]> };
    };
    expect(result.result.error).toMatchObject({
      dataCategories: ["orgs:validation.unknownDataCategory"],
      contractEnd: ["validation.dateOrder"],
      "sites[0].country": ["validation.countryCode"],
    });
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after.version).toBe(1);
  });

  it("changes the status with the same version check, and keeps ended final", async () => {
    const { orgId, cookie, partnership } = await setUp();
    expect(((await post(orgId, partnership.id, cookie, { intent: "status", version: "1", status: "suspended" })) as Response).status).toBe(302);
    const stale = (await post(orgId, partnership.id, cookie, { intent: "status", version: "1", status: "ended" })) as Response;
    expect(stale.status).toBe(409);
    expect(((await post(orgId, partnership.id, cookie, { intent: "status", version: "2", status: "ended" })) as Response).status).toBe(302);
    const back = (await post(orgId, partnership.id, cookie, { intent: "status", version: "3", status: "active" })) as Response;
    expect(back.status).toBe(422);
    const edit = (await post(orgId, partnership.id, cookie, editForm(3))) as Response;
    expect(edit.status).toBe(422);
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after).toMatchObject({ status: "ended", version: 3 });
    const statusEvents = (await events(orgId, partnership.id)).filter((e) => e.action === "partnership.status_changed");
    expect(statusEvents.map((e) => e.summary)).toMatchObject([{ from: "active", to: "suspended" }, { from: "suspended", to: "ended" }]);
  });

  it("forbids reviewers and viewers to edit (403), and hides another client's partnership (404)", async () => {
    const { orgId, partnership } = await setUp();
    const reviewer = await member("client", "reviewer", orgId);
    const outcome = await post(orgId, partnership.id, reviewer.cookie, editForm(1, { vendorDisplayName: "Hacked" }));
    expect(outcome).toBeInstanceOf(Response);
    expect(await statusOf(async () => { throw outcome; })).toBe(403);
    const other = await member("client", "admin");
    const foreign = await post(other.orgId, partnership.id, other.cookie, editForm(1, { vendorDisplayName: "Hacked" }));
    expect((foreign as Response).status).toBe(404);
    const [after] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(after).toMatchObject({ vendorDisplayName: "Noord", version: 1 });
  });

  it("rejects an unknown intent with 400", async () => {
    const { orgId, cookie, partnership } = await setUp();
    expect(((await post(orgId, partnership.id, cookie, { intent: "delete" })) as Response).status).toBe(400);
  });
});

describe("the vendor's side of a partnership", () => {
  it("lists only the vendor's own clients, and shows one client's register read-only", async () => {
    const vendor = await member("vendor", "responder");
    const otherVendor = await createOrganization(db(), "vendor");
    const client = await createOrganization(db(), "client", { name: "Voltera" });
    const mine = await createPartnership(db(), client.id, vendor.orgId, { services: ["chat"], riskReasons: ["recordings"] });
    const notMine = await createPartnership(db(), client.id, otherVendor.id, { vendorDisplayName: "Competitor" });

    const home = (await vendorHomeLoader({ request: getRequest(`/vendor/${vendor.orgId}`, vendor.cookie), params: { orgId: vendor.orgId }, context: testContext })) as Data<typeof vendorHomeLoader>;
    expect(home.clients).toEqual([{ id: mine.id, clientName: "Voltera", services: ["chat"], status: "active" }]);

    const view = (await vendorClientLoader({
      request: getRequest(`/vendor/${vendor.orgId}/clients/${mine.id}`, vendor.cookie),
      params: { orgId: vendor.orgId, partnershipId: mine.id },
      context: testContext,
    })) as Data<typeof vendorClientLoader>;
    expect(view.partnership).toMatchObject({ clientName: "Voltera", services: ["chat"], riskReasons: ["recordings"], status: "active" });
    expect(JSON.stringify(view)).not.toContain("Competitor");
    expect(view.partnership).not.toHaveProperty("vendorDisplayName");

    expect(
      await statusOf(() =>
        vendorClientLoader({
          request: getRequest(`/vendor/${vendor.orgId}/clients/${notMine.id}`, vendor.cookie),
          params: { orgId: vendor.orgId, partnershipId: notMine.id },
          context: testContext,
        }),
      ),
    ).toBe(404);
  });

  it("does not show a pending invitation's partnership to any vendor", async () => {
    const vendor = await member("vendor", "admin");
    const client = await createOrganization(db(), "client");
    const pending = await createPartnership(db(), client.id, null);
    const status = await statusOf(() =>
      vendorClientLoader({
        request: getRequest(`/vendor/${vendor.orgId}/clients/${pending.id}`, vendor.cookie),
        params: { orgId: vendor.orgId, partnershipId: pending.id },
        context: testContext,
      }),
    );
    expect(status).toBe(404);
  });
});
