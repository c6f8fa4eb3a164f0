import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "#db/schema/index";
import { loader as auditorSection } from "~/routes/auditor.$orgId.$section";
import { loader as auditorLayout } from "~/routes/auditor.$orgId";
import { loader as clientSection } from "~/routes/client.$orgId.$section";
import { loader as clientLayout } from "~/routes/client.$orgId";
import { loader as vendorSection } from "~/routes/vendor.$orgId.$section";
import { loader as vendorLayout } from "~/routes/vendor.$orgId";
import { addMembership, createMember, createOrganization } from "../factories/index";
import { db, getRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

type Data<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>;

const lastOrganization = async (userId: string) =>
  (await db().select({ id: users.lastOrganizationId }).from(users).where(eq(users.id, userId)))[0].id;

// xmin changes with every update of the row: the way to see that nothing was written.
const rowVersion = async (userId: string) =>
  (await db().execute<{ xmin: string }>(sql`select xmin::text as xmin from users where id = ${userId}`))[0].xmin;

describe("side layouts", () => {
  it("gives the organization, the role and the navigation the role may see", async () => {
    const { user, organizationId } = await createMember(db(), "client", "reviewer");
    const cookie = await sessionCookieFor(user.id);
    const data = (await clientLayout({ request: getRequest(`/client/${organizationId}`, cookie), params: { orgId: organizationId }, context: testContext })) as Data<typeof clientLayout>;
    expect(data.organization).toMatchObject({ id: organizationId, kind: "client" });
    expect(data.role).toBe("reviewer");
    expect(data.nav.map((i) => i.key)).toContain("members");
    expect(data.nav.map((i) => i.key)).not.toContain("auditTrail");
  });

  it("remembers the organization as the user's last one, writing only when it changes", async () => {
    const { user, organizationId: clientId } = await createMember(db(), "client", "admin");
    const vendor = await createOrganization(db(), "vendor");
    await addMembership(db(), user.id, vendor.id, "viewer");
    const cookie = await sessionCookieFor(user.id);

    await clientLayout({ request: getRequest(`/client/${clientId}`, cookie), params: { orgId: clientId }, context: testContext });
    expect(await lastOrganization(user.id)).toBe(clientId);
    const before = await rowVersion(user.id);
    await clientLayout({ request: getRequest(`/client/${clientId}/partners`, cookie), params: { orgId: clientId }, context: testContext });
    expect(await rowVersion(user.id)).toBe(before);

    const data = (await vendorLayout({ request: getRequest(`/vendor/${vendor.id}`, cookie), params: { orgId: vendor.id }, context: testContext })) as Data<typeof vendorLayout>;
    expect(data.nav.map((i) => i.key)).toEqual(["todo", "clients", "questionnaires", "agreements", "evidence", "training", "incidents", "members"]);
    expect(await lastOrganization(user.id)).toBe(vendor.id);
  });

  it("does not remember an organization the user may not see", async () => {
    const { user, organizationId } = await createMember(db(), "client", "admin");
    const foreign = await createOrganization(db(), "client");
    const cookie = await sessionCookieFor(user.id);
    await clientLayout({ request: getRequest(`/client/${organizationId}`, cookie), params: { orgId: organizationId }, context: testContext });
    expect(await statusOf(() => clientLayout({ request: getRequest(`/client/${foreign.id}`, cookie), params: { orgId: foreign.id }, context: testContext }))).toBe(404);
    // An organization of another side in the wrong URL is hidden too.
    expect(await statusOf(() => auditorLayout({ request: getRequest(`/auditor/${organizationId}`, cookie), params: { orgId: organizationId }, context: testContext }))).toBe(404);
    expect(await lastOrganization(user.id)).toBe(organizationId);
  });
});

describe("sections still to come", () => {
  it("shows each side's own sections and 404s for anything else", async () => {
    const client = await createMember(db(), "client", "viewer");
    const vendor = await createMember(db(), "vendor", "contributor");
    const auditor = await createMember(db(), "audit_firm", "auditor");
    const cases = [
      [clientSection, "client", client, "findings", 200],
      [clientSection, "client", client, "evidence", 404],
      [clientSection, "client", client, "nonsense", 404],
      [vendorSection, "vendor", vendor, "incidents", 200],
      [vendorSection, "vendor", vendor, "findings", 404],
      [auditorSection, "auditor", auditor, "engagements", 200],
      [auditorSection, "auditor", auditor, "questionnaires", 404],
    ] as const;
    for (const [loader, segment, who, section, expected] of cases) {
      const cookie = await sessionCookieFor(who.user.id);
      const orgId = who.organizationId;
      const status = await statusOf(() => loader({ request: getRequest(`/${segment}/${orgId}/${section}`, cookie), params: { orgId, section }, context: testContext }));
      expect(status, `${segment}/${section}`).toBe(expected);
    }
  });

  it("sends the vendor's /clients to the client list on its home page", async () => {
    const vendor = await createMember(db(), "vendor", "viewer");
    const cookie = await sessionCookieFor(vendor.user.id);
    const orgId = vendor.organizationId;
    const response = (await responseOf(() => vendorSection({ request: getRequest(`/vendor/${orgId}/clients`, cookie), params: { orgId, section: "clients" }, context: testContext }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/vendor/${orgId}#clients`);
  });
});
