import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships, notifications, organizations, partnerships, users } from "#db/schema/index";
import { getUserByEmail } from "#db/queries/users";
import { validateSessionCookie } from "~/auth/session.server";
import * as route from "~/routes/invitations.$token";
import { addMembership, createMember, createOrganization, createPartnership, createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, testContext } from "../helpers";
import {
  auditActions,
  bodyOf,
  cookieFrom,
  createColleagueInvitation,
  createPartnerInvitation,
  statusOfResult,
} from "./accounts-helpers";

const NEW_PASSWORD = "a long and quiet harbour";

async function view(token: string, cookie?: string) {
  const result = await responseOf(() => route.loader({ request: getRequest(`/invitations/${token}`, cookie), params: { token }, context: testContext }));
  return { status: statusOfResult(result), page: await bodyOf(result) };
}

async function submit(token: string, form: Record<string, string>, cookie?: string) {
  const result = await responseOf(() =>
    route.action({ request: postRequest(`/invitations/${token}`, form, cookie), params: { token }, context: testContext }),
  );
  return { status: statusOfResult(result), result, body: result instanceof Response && result.status >= 300 && result.status < 400 ? null : await bodyOf(result) };
}

const register = (email: string, extra: Record<string, string> = {}) => ({
  intent: "register",
  email,
  name: "Fatima El Amrani",
  password: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
  ...extra,
});

async function getInvitation(id: string) {
  const [row] = await db().select().from(invitations).where(eq(invitations.id, id));
  return row;
}

async function getPartnership(id: string) {
  const [row] = await db().select().from(partnerships).where(eq(partnerships.id, id));
  return row;
}

/** Nothing changed: the invitation is still open, the partnership still waits, no account was made. */
async function expectNothingWritten(setup: Awaited<ReturnType<typeof createPartnerInvitation>>, options: { userExisted?: boolean } = {}) {
  const invitation = await getInvitation(setup.invitation.id);
  expect(invitation.acceptedAt).toBeNull();
  expect(invitation.acceptedByUserId).toBeNull();
  const partnership = await getPartnership(setup.partnership.id);
  expect(partnership).toMatchObject({ status: "invited", vendorOrgId: null });
  if (!options.userExisted) expect(await getUserByEmail(db(), setup.email)).toBeUndefined();
  expect((await auditActions(setup.clientOrgId)).map((e) => e.action)).not.toContain("invitation.accepted");
}

describe("partner invitation: a new contact person", () => {
  it("shows who invites whom, and a form to create the account", async () => {
    const setup = await createPartnerInvitation();
    const [client] = await db().select().from(organizations).where(eq(organizations.id, setup.clientOrgId));
    const { status, page } = await view(setup.token);
    expect(status).toBe(200);
    expect(page).toMatchObject({
      state: "open",
      invitation: {
        kind: "partner",
        email: setup.email,
        organizationName: client.name,
        inviterName: setup.inviter.name,
        vendorDisplayName: setup.partnership.vendorDisplayName,
      },
      visitor: { kind: "new_account" },
    });
    expect(JSON.stringify(page)).not.toContain(setup.invitation.tokenHash);
  });

  it("creates the account, the contact center and its admin membership, activates the partnership and signs in", async () => {
    const setup = await createPartnerInvitation({ locale: "en" });
    const { status, result } = await submit(setup.token, register(setup.email, { organizationName: "KlantContact Zuid B.V." }));
    expect(status).toBe(302);
    const response = result as Response;

    const user = await getUserByEmail(db(), setup.email);
    expect(user).toMatchObject({ name: "Fatima El Amrani", locale: "en" });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const partnership = await getPartnership(setup.partnership.id);
    expect(partnership.status).toBe("active");
    expect(partnership.version).toBe(setup.partnership.version + 1);
    const [vendor] = await db().select().from(organizations).where(eq(organizations.id, partnership.vendorOrgId!));
    expect(vendor).toMatchObject({ kind: "vendor", name: "KlantContact Zuid B.V." });
    expect(response.headers.get("location")).toBe(`/vendor/${vendor.id}`);
    const [membership] = await db().select().from(memberships).where(eq(memberships.organizationId, vendor.id));
    expect(membership).toMatchObject({ userId: user!.id, role: "admin" });
    expect(await getInvitation(setup.invitation.id)).toMatchObject({ acceptedByUserId: user!.id });
    expect((await getInvitation(setup.invitation.id)).acceptedAt).not.toBeNull();
    expect((await db().select().from(users).where(eq(users.id, user!.id)))[0].lastOrganizationId).toBe(vendor.id);

    expect((await auditActions(setup.clientOrgId)).map((e) => e.action).sort()).toEqual(["invitation.accepted", "partnership.activated"]);
    expect((await auditActions(vendor.id)).map((e) => e.action).sort()).toEqual([
      "membership.created",
      "organization.created",
      "partnership.activated",
    ]);

    const [note] = await db().select().from(notifications).where(eq(notifications.userId, setup.inviter.id));
    expect(note).toMatchObject({
      organizationId: setup.clientOrgId,
      messageKey: "auth:notifications.partnerInvitationAccepted",
      params: { name: "Fatima El Amrani", organizationName: "KlantContact Zuid B.V." },
    });

    const session = await validateSessionCookie(cookieFrom(response));
    expect(session?.user.id).toBe(user!.id);
  });

  it("names the contact center as the client registered it when no name is given", async () => {
    const setup = await createPartnerInvitation();
    expect((await submit(setup.token, register(setup.email))).status).toBe(302);
    const partnership = await getPartnership(setup.partnership.id);
    const [vendor] = await db().select().from(organizations).where(eq(organizations.id, partnership.vendorOrgId!));
    expect(vendor.name).toBe(setup.partnership.vendorDisplayName);
  });

  it("refuses a weak or mistyped password with field errors and writes nothing", async () => {
    const setup = await createPartnerInvitation();
    const weak = await submit(setup.token, register(setup.email, { password: "short", confirmPassword: "short" }));
    expect(JSON.stringify(weak.body)).toContain("validation.passwordTooShort");
    const mismatch = await submit(setup.token, register(setup.email, { confirmPassword: `${NEW_PASSWORD}!` }));
    expect(JSON.stringify(mismatch.body)).toContain("validation.passwordMismatch");
    await expectNothingWritten(setup);
  });

  it("checks the password against the invited address, whatever e-mail the form claims", async () => {
    const setup = await createPartnerInvitation({ email: `harbourmaster-${Date.now()}@example.test` });
    const password = `${setup.email.split("@")[0]}-and-more`;
    const { status, body } = await submit(setup.token, register("someone@else.test", { password, confirmPassword: password }));
    expect(status).toBe(422);
    expect(body).toMatchObject({ formError: { key: "validation.passwordContainsEmail" } });
    await expectNothingWritten(setup);
  });

  it("refuses an oversized post with 413", async () => {
    const setup = await createPartnerInvitation();
    const request = new Request(`http://portal.test/invitations/${setup.token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://portal.test" },
      body: `intent=register&name=${"x".repeat(400 * 1024)}`,
    });
    const result = (await responseOf(() => route.action({ request, params: { token: setup.token }, context: testContext }))) as Response;
    expect(result.status).toBe(413);
    await expectNothingWritten(setup);
  });
});

describe("partner invitation: a contact person who already has an account", () => {
  it("asks a visitor who is not signed in to sign in first, and accepts nothing", async () => {
    const setup = await createPartnerInvitation();
    await createUser(db(), { email: setup.email });
    expect((await view(setup.token)).page.visitor).toEqual({ kind: "sign_in_needed" });
    const { status, body } = await submit(setup.token, register(setup.email));
    expect(status).toBe(422);
    expect(body).toMatchObject({ formError: { key: "auth:invitation.signInFirst" } });
    await expectNothingWritten(setup, { userExisted: true });
  });

  it("lets a signed-in vendor admin link the contact center they already manage", async () => {
    const setup = await createPartnerInvitation();
    const { user, organizationId: vendorOrgId } = await createMember(db(), "vendor", "admin", { user: { email: setup.email } });
    // A vendor where the user is not admin is not offered.
    const elsewhere = await createOrganization(db(), "vendor");
    await addMembership(db(), user.id, elsewhere.id, "responder");
    const cookie = await sessionCookieFor(user.id);

    const { page } = await view(setup.token, cookie);
    expect(page.visitor).toEqual({ kind: "invitee", vendorOptions: [{ id: vendorOrgId, name: expect.any(String), alreadyPartner: false }] });

    const vendorCountBefore = await countVendorsNamed(setup.partnership.vendorDisplayName);
    const { status, result } = await submit(setup.token, { intent: "accept", vendorTarget: vendorOrgId }, cookie);
    expect(status).toBe(302);
    expect((result as Response).headers.get("location")).toBe(`/vendor/${vendorOrgId}`);
    expect(await getPartnership(setup.partnership.id)).toMatchObject({ status: "active", vendorOrgId });
    expect(await countVendorsNamed(setup.partnership.vendorDisplayName)).toBe(vendorCountBefore);
    const rows = await db().select().from(memberships).where(eq(memberships.organizationId, vendorOrgId));
    expect(rows).toHaveLength(1);
    expect((await auditActions(vendorOrgId)).map((e) => e.action)).toEqual(["partnership.activated"]);
    // The session rotates: the cookie used to accept is replaced.
    expect(await validateSessionCookie(cookie)).toBeNull();
    expect((await validateSessionCookie(cookieFrom(result as Response)))?.user.id).toBe(user.id);
  });

  it("creates a new contact center for a signed-in invitee who asks for one", async () => {
    const setup = await createPartnerInvitation();
    const { user } = await createMember(db(), "vendor", "admin", { user: { email: setup.email } });
    const cookie = await sessionCookieFor(user.id);
    const { status } = await submit(setup.token, { intent: "accept", vendorTarget: "new", organizationName: "Second site B.V." }, cookie);
    expect(status).toBe(302);
    const partnership = await getPartnership(setup.partnership.id);
    const [vendor] = await db().select().from(organizations).where(eq(organizations.id, partnership.vendorOrgId!));
    expect(vendor.name).toBe("Second site B.V.");
    expect(await getUserByEmail(db(), setup.email)).toMatchObject({ id: user.id });
  });

  it("refuses to link a contact center that already works with this client", async () => {
    const setup = await createPartnerInvitation();
    const { user, organizationId: vendorOrgId } = await createMember(db(), "vendor", "admin", { user: { email: setup.email } });
    const existing = await createPartnership(db(), setup.clientOrgId, vendorOrgId);
    const cookie = await sessionCookieFor(user.id);
    expect((await view(setup.token, cookie)).page.visitor.vendorOptions).toEqual([
      { id: vendorOrgId, name: expect.any(String), alreadyPartner: true },
    ]);
    const { status, body } = await submit(setup.token, { intent: "accept", vendorTarget: vendorOrgId }, cookie);
    expect(status).toBe(409);
    expect(body).toMatchObject({ formError: { key: "auth:invitation.alreadyPartners" } });
    await expectNothingWritten(setup, { userExisted: true });
    expect(await getPartnership(existing.id)).toMatchObject({ status: "active", vendorOrgId });
    expect(await validateSessionCookie(cookie)).not.toBeNull();
  });

  it("does not reveal a contact center's other clients to the inviting client", async () => {
    const setup = await createPartnerInvitation();
    const { user, organizationId: vendorOrgId } = await createMember(db(), "vendor", "admin", { user: { email: setup.email } });
    const otherClient = await createOrganization(db(), "client");
    await createPartnership(db(), otherClient.id, vendorOrgId);
    const cookie = await sessionCookieFor(user.id);
    expect((await submit(setup.token, { intent: "accept", vendorTarget: vendorOrgId }, cookie)).status).toBe(302);
    const clientTrail = JSON.stringify(await auditActions(setup.clientOrgId));
    expect(clientTrail).not.toContain(otherClient.id);
    expect(clientTrail).not.toContain(otherClient.name);
    const [note] = await db().select().from(notifications).where(eq(notifications.userId, setup.inviter.id));
    expect(JSON.stringify(note)).not.toContain(otherClient.name);
  });

  it("refuses to link an organization the user does not administer", async () => {
    const setup = await createPartnerInvitation();
    const { user } = await createMember(db(), "vendor", "admin", { user: { email: setup.email } });
    const notTheirs = await createMember(db(), "vendor", "admin");
    const responderOf = await createOrganization(db(), "vendor");
    await addMembership(db(), user.id, responderOf.id, "responder");
    const cookie = await sessionCookieFor(user.id);
    for (const organizationId of [notTheirs.organizationId, responderOf.id]) {
      expect((await submit(setup.token, { intent: "accept", vendorTarget: organizationId }, cookie)).status).toBe(404);
    }
    await expectNothingWritten(setup, { userExisted: true });
  });
});

describe("invitations that cannot be accepted", () => {
  it("tells an expired invitation apart and writes nothing", async () => {
    const setup = await createPartnerInvitation({ expiresAt: new Date(Date.now() - 60_000) });
    expect(await view(setup.token)).toEqual({ status: 410, page: { state: "expired" } });
    const { status, body } = await submit(setup.token, register(setup.email));
    expect(status).toBe(422);
    expect(body).toMatchObject({ formError: { key: "auth:invitation.expired" } });
    await expectNothingWritten(setup);
  });

  it("tells a revoked invitation apart and writes nothing", async () => {
    const setup = await createPartnerInvitation({ revokedAt: new Date() });
    expect(await view(setup.token)).toEqual({ status: 410, page: { state: "revoked" } });
    const { body } = await submit(setup.token, register(setup.email));
    expect(body).toMatchObject({ formError: { key: "auth:invitation.revoked" } });
    await expectNothingWritten(setup);
  });

  it("treats an invitation whose partnership was ended as withdrawn", async () => {
    const setup = await createPartnerInvitation();
    await db().update(partnerships).set({ status: "ended" }).where(eq(partnerships.id, setup.partnership.id));
    expect((await view(setup.token)).page).toEqual({ state: "revoked" });
    expect((await submit(setup.token, register(setup.email))).status).toBe(422);
    expect(await getUserByEmail(db(), setup.email)).toBeUndefined();
  });

  it("works only once", async () => {
    const setup = await createPartnerInvitation();
    expect((await submit(setup.token, register(setup.email))).status).toBe(302);
    expect(await view(setup.token)).toEqual({ status: 410, page: { state: "accepted" } });
    const vendorsBefore = await countVendorsNamed(setup.partnership.vendorDisplayName);
    const again = await submit(setup.token, register(setup.email));
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ formError: { key: "auth:invitation.alreadyAccepted" } });
    expect(await countVendorsNamed(setup.partnership.vendorDisplayName)).toBe(vendorsBefore);
  });

  it("answers a forged or malformed token with not found", async () => {
    const setup = await createPartnerInvitation();
    const forged = setup.token.slice(0, -1) + (setup.token.endsWith("A") ? "B" : "A");
    expect(await view(forged)).toEqual({ status: 404, page: { state: "invalid" } });
    expect(await view("../../etc/passwd")).toEqual({ status: 404, page: { state: "invalid" } });
    expect((await submit(forged, register(setup.email))).status).toBe(404);
    expect((await submit("not-a-token", register(setup.email))).status).toBe(404);
    await expectNothingWritten(setup);
  });

  it("refuses a visitor signed in as someone else, and offers to sign out", async () => {
    const setup = await createPartnerInvitation();
    const someoneElse = await createUser(db());
    const cookie = await sessionCookieFor(someoneElse.id);
    expect((await view(setup.token, cookie)).page.visitor).toEqual({ kind: "other_user", signedInEmail: someoneElse.email });
    expect((await submit(setup.token, { intent: "accept" }, cookie)).status).toBe(403);
    expect((await submit(setup.token, register(setup.email), cookie)).status).toBe(403);
    await expectNothingWritten(setup);
    // Also when the invitee has an account of their own.
    await createUser(db(), { email: setup.email });
    expect((await submit(setup.token, { intent: "accept" }, cookie)).status).toBe(403);
    await expectNothingWritten(setup, { userExisted: true });
  });
});

describe("colleague invitations", () => {
  it("shows the organization and role, and joins a new colleague with that role", async () => {
    const { user: admin, organizationId } = await createMember(db(), "audit_firm", "lead_auditor");
    const { token, email, invitation } = await createColleagueInvitation(organizationId, admin.id, { role: "auditor" });
    const { page } = await view(token);
    expect(page).toMatchObject({
      state: "open",
      invitation: { kind: "colleague", role: "auditor", organizationKind: "audit_firm", vendorDisplayName: null },
      visitor: { kind: "new_account" },
    });
    const { status, result } = await submit(token, register(email));
    expect(status).toBe(302);
    expect((result as Response).headers.get("location")).toBe(`/auditor/${organizationId}`);
    const user = await getUserByEmail(db(), email);
    const [membership] = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user!.id)));
    expect(membership.role).toBe("auditor");
    const actions = (await auditActions(organizationId)).map((e) => e.action).sort();
    expect(actions).toEqual(["invitation.accepted", "membership.created"]);
    const [note] = await db().select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(note).toMatchObject({ messageKey: "auth:notifications.colleagueInvitationAccepted", link: `/auditor/${organizationId}/members` });
    expect((await getInvitation(invitation.id)).acceptedByUserId).toBe(user!.id);
  });

  it("joins a signed-in colleague who already has an account", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const colleague = await createUser(db());
    const { token } = await createColleagueInvitation(organizationId, admin.id, { email: colleague.email.toUpperCase(), role: "reviewer" });
    const cookie = await sessionCookieFor(colleague.id);
    expect((await view(token, cookie)).page.visitor).toEqual({ kind: "invitee", vendorOptions: [] });
    const { status, result } = await submit(token, { intent: "accept" }, cookie);
    expect(status).toBe(302);
    expect((result as Response).headers.get("location")).toBe(`/client/${organizationId}`);
    const [membership] = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, colleague.id)));
    expect(membership.role).toBe("reviewer");
  });

  it("is a conflict when the invitee has become a member in the meantime", async () => {
    const { user: admin, organizationId } = await createMember(db(), "vendor", "admin");
    const colleague = await createUser(db());
    const { token, invitation } = await createColleagueInvitation(organizationId, admin.id, { email: colleague.email });
    await addMembership(db(), colleague.id, organizationId, "contributor");
    const { status, body } = await submit(token, { intent: "accept" }, await sessionCookieFor(colleague.id));
    expect(status).toBe(409);
    expect(body).toMatchObject({ formError: { key: "auth:invitation.alreadyMember" } });
    expect((await getInvitation(invitation.id)).acceptedAt).toBeNull();
  });
});

async function countVendorsNamed(name: string) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(and(eq(organizations.kind, "vendor"), eq(organizations.name, name)));
  return row.n;
}
