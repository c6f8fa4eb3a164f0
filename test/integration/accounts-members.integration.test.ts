import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships } from "#db/schema/index";
import type { OrganizationKind } from "~/auth/roles";
import * as auditorMembers from "~/routes/auditor.$orgId.members";
import * as clientMembers from "~/routes/client.$orgId.members";
import * as vendorMembers from "~/routes/vendor.$orgId.members";
import * as invitationRoute from "~/routes/invitations.$token";
import { addMembership, createMember, createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, testContext } from "../helpers";
import { auditActions, bodyOf, createColleagueInvitation, latestMailTo, mailsTo, statusOfResult, uniqueEmail } from "./accounts-helpers";

const routes = { client: clientMembers, vendor: vendorMembers, audit_firm: auditorMembers } as const;
const segment = { client: "client", vendor: "vendor", audit_firm: "auditor" } as const;

async function load(side: OrganizationKind, orgId: string, cookie: string) {
  const result = await responseOf(() =>
    routes[side].loader({ request: getRequest(`/${segment[side]}/${orgId}/members`, cookie), params: { orgId }, context: testContext }),
  );
  return { status: statusOfResult(result), body: await bodyOf(result) };
}

async function post(side: OrganizationKind, orgId: string, cookie: string, form: Record<string, string>) {
  const result = await responseOf(() =>
    routes[side].action({ request: postRequest(`/${segment[side]}/${orgId}/members`, form, cookie), params: { orgId }, context: testContext }),
  );
  return { status: statusOfResult(result), body: await bodyOf(result) };
}

async function invitationState(token: string) {
  const result = await responseOf(() =>
    invitationRoute.loader({ request: getRequest(`/invitations/${token}`), params: { token }, context: testContext }),
  );
  return ((await bodyOf(result)) as { state: string }).state;
}

async function roleOf(organizationId: string, userId: string) {
  const [row] = await db()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row?.role;
}

async function pendingFor(organizationId: string, email: string) {
  return db()
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email)));
}

describe("members page", () => {
  it("shows every member the list and pending invitations, without tokens", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const viewer = await createUser(db());
    await addMembership(db(), viewer.id, organizationId, "viewer");
    const { invitation } = await createColleagueInvitation(organizationId, admin.id, { role: "reviewer" });
    const { status, body } = await load("client", organizationId, await sessionCookieFor(viewer.id));
    expect(status).toBe(200);
    expect(body.canInvite).toBe(false);
    expect(body.canManage).toBe(false);
    expect(body.members.map((m: { email: string }) => m.email).sort()).toEqual([admin.email, viewer.email].sort());
    expect(body.members.find((m: { userId: string }) => m.userId === viewer.id)).toMatchObject({ role: "viewer", isSelf: true });
    expect(body.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, email: invitation.email, role: "reviewer", invitedBy: admin.name, isExpired: false }),
    ]);
    expect(JSON.stringify(body)).not.toContain(invitation.tokenHash);
  });

  it("offers an admin the roles of their own side only", async () => {
    const { user, organizationId } = await createMember(db(), "audit_firm", "lead_auditor");
    const { body } = await load("audit_firm", organizationId, await sessionCookieFor(user.id));
    expect(body).toMatchObject({ roles: ["lead_auditor", "auditor"], canInvite: true, canManage: true });
  });
});

describe("inviting a colleague", () => {
  it("writes the invitation, mails it in the chosen language and records it", async () => {
    const { user: admin, organizationId } = await createMember(db(), "vendor", "admin");
    const email = uniqueEmail("new-colleague");
    const { status, body } = await post("vendor", organizationId, await sessionCookieFor(admin.id), {
      intent: "invite",
      email: email.toUpperCase(),
      role: "responder",
      locale: "en",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, notice: "auth:members.notices.invited" });
    const [invitation] = await pendingFor(organizationId, email);
    expect(invitation).toMatchObject({ kind: "colleague", role: "responder", locale: "en", invitedByUserId: admin.id, acceptedAt: null, revokedAt: null });
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const { mail, token } = await latestMailTo(email);
    expect(mail).toMatchObject({ template: "colleague_invitation", locale: "en" });
    expect(mail.textBody).toContain(`http://portal.test/invitations/${token}`);
    expect(await invitationState(token!)).toBe("open");
    expect((await auditActions(organizationId)).map((e) => e.action)).toContain("invitation.created");
  });

  it("rejects a bad address and a role of another side, writing nothing", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const cookie = await sessionCookieFor(admin.id);
    const bad = await post("client", organizationId, cookie, { intent: "invite", email: "nope@", role: "viewer", locale: "nl" });
    expect(JSON.stringify(bad.body)).toContain("validation.email");
    const email = uniqueEmail();
    const wrongRole = await post("client", organizationId, cookie, { intent: "invite", email, role: "lead_auditor", locale: "nl" });
    expect(JSON.stringify(wrongRole.body)).toContain("validation.invalidChoice");
    const noLocale = await post("client", organizationId, cookie, { intent: "invite", email, role: "viewer", locale: "de" });
    expect(JSON.stringify(noLocale.body)).toContain("validation.invalidChoice");
    expect(await pendingFor(organizationId, email)).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const member = await createUser(db());
    await addMembership(db(), member.id, organizationId, "reviewer");
    const { status, body } = await post("client", organizationId, await sessionCookieFor(admin.id), {
      intent: "invite",
      email: member.email,
      role: "viewer",
      locale: "nl",
    });
    expect(status).toBe(409);
    expect(body).toMatchObject({ formError: { key: "auth:members.alreadyMember" } });
    expect(await pendingFor(organizationId, member.email)).toEqual([]);
  });

  it("replaces a pending invitation to the same address: the old link stops working", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const cookie = await sessionCookieFor(admin.id);
    const email = uniqueEmail();
    await post("client", organizationId, cookie, { intent: "invite", email, role: "viewer", locale: "nl" });
    const first = await latestMailTo(email);
    await post("client", organizationId, cookie, { intent: "invite", email, role: "manager", locale: "nl" });
    const second = await latestMailTo(email);
    expect(second.token).not.toBe(first.token);
    const rows = await pendingFor(organizationId, email);
    expect(rows.filter((r) => r.revokedAt === null)).toEqual([expect.objectContaining({ role: "manager" })]);
    expect(await invitationState(first.token!)).toBe("revoked");
    expect(await invitationState(second.token!)).toBe("open");
  });

  it("refuses an oversized post with 413", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const request = new Request(`http://portal.test/client/${organizationId}/members`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://portal.test", cookie: await sessionCookieFor(admin.id) },
      body: `intent=invite&email=${"x".repeat(400 * 1024)}`,
    });
    const result = (await responseOf(() => clientMembers.action({ request, params: { orgId: organizationId }, context: testContext }))) as Response;
    expect(result.status).toBe(413);
  });
});

describe("managing members", () => {
  it("changes a role and records the change", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const member = await createUser(db());
    await addMembership(db(), member.id, organizationId, "viewer");
    const { body } = await post("client", organizationId, await sessionCookieFor(admin.id), { intent: "changeRole", userId: member.id, role: "manager" });
    expect(body).toMatchObject({ ok: true });
    expect(await roleOf(organizationId, member.id)).toBe("manager");
    const event = (await auditActions(organizationId)).find((e) => e.action === "membership.role_changed");
    expect(event?.summary).toMatchObject({ userId: member.id, from: "viewer", to: "manager" });
  });

  it("never lets the last admin be demoted or removed", async () => {
    const { user: admin, organizationId } = await createMember(db(), "vendor", "admin");
    const cookie = await sessionCookieFor(admin.id);
    const demote = await post("vendor", organizationId, cookie, { intent: "changeRole", userId: admin.id, role: "viewer" });
    expect(demote.status).toBe(422);
    expect(demote.body).toMatchObject({ formError: { key: "auth:members.lastAdmin" } });
    const remove = await post("vendor", organizationId, cookie, { intent: "remove", userId: admin.id });
    expect(remove.body).toMatchObject({ formError: { key: "auth:members.lastAdmin" } });
    expect(await roleOf(organizationId, admin.id)).toBe("admin");

    // With a second admin, the first may step down.
    const second = await createUser(db());
    await addMembership(db(), second.id, organizationId, "admin");
    expect((await post("vendor", organizationId, cookie, { intent: "changeRole", userId: admin.id, role: "viewer" })).body).toMatchObject({ ok: true });
    expect(await roleOf(organizationId, admin.id)).toBe("viewer");
    // ...and now the second is the last one.
    const secondCookie = await sessionCookieFor(second.id);
    expect((await post("vendor", organizationId, secondCookie, { intent: "remove", userId: second.id })).status).toBe(422);
  });

  it("keeps the last lead auditor of an audit firm", async () => {
    const { user: lead, organizationId } = await createMember(db(), "audit_firm", "lead_auditor");
    const { status, body } = await post("audit_firm", organizationId, await sessionCookieFor(lead.id), {
      intent: "changeRole",
      userId: lead.id,
      role: "auditor",
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ formError: { key: "auth:members.lastLeadAuditor" } });
  });

  it("removes a member and records it", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const member = await createUser(db());
    await addMembership(db(), member.id, organizationId, "reviewer");
    expect((await post("client", organizationId, await sessionCookieFor(admin.id), { intent: "remove", userId: member.id })).body).toMatchObject({ ok: true });
    expect(await roleOf(organizationId, member.id)).toBeUndefined();
    expect((await auditActions(organizationId)).map((e) => e.action)).toContain("membership.removed");
    // The removed member no longer gets in.
    expect((await load("client", organizationId, await sessionCookieFor(member.id))).status).toBe(404);
  });

  it("cannot touch a member of another organization (404)", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const other = await createMember(db(), "client", "viewer");
    const cookie = await sessionCookieFor(admin.id);
    expect((await post("client", organizationId, cookie, { intent: "remove", userId: other.user.id })).status).toBe(404);
    expect((await post("client", organizationId, cookie, { intent: "changeRole", userId: other.user.id, role: "admin" })).status).toBe(404);
    expect(await roleOf(other.organizationId, other.user.id)).toBe("viewer");
  });

  it("refuses management by roles without members.manage (403)", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const manager = await createUser(db());
    await addMembership(db(), manager.id, organizationId, "manager");
    const cookie = await sessionCookieFor(manager.id);
    expect((await post("client", organizationId, cookie, { intent: "remove", userId: admin.id })).status).toBe(403);
    expect((await post("client", organizationId, cookie, { intent: "changeRole", userId: manager.id, role: "admin" })).status).toBe(403);
    expect((await post("client", organizationId, cookie, { intent: "bogus" })).status).toBe(403);
    expect(await roleOf(organizationId, manager.id)).toBe("manager");
  });
});

describe("pending invitations", () => {
  it("re-sends with a new link; the old one stops working", async () => {
    const { user: admin, organizationId } = await createMember(db(), "vendor", "admin");
    const { token: oldToken, invitation, email } = await createColleagueInvitation(organizationId, admin.id);
    const { body } = await post("vendor", organizationId, await sessionCookieFor(admin.id), { intent: "resend", invitationId: invitation.id });
    expect(body).toMatchObject({ ok: true, notice: "auth:members.notices.resent" });
    const { token: newToken, mail } = await latestMailTo(email);
    expect(mail.template).toBe("colleague_invitation");
    expect(newToken).not.toBe(oldToken);
    expect(await invitationState(oldToken)).toBe("invalid");
    expect(await invitationState(newToken!)).toBe("open");
    expect((await auditActions(organizationId)).map((e) => e.action)).toContain("invitation.resent");
  });

  it("revokes an invitation; its link then says so", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const { token, invitation } = await createColleagueInvitation(organizationId, admin.id);
    const { body } = await post("client", organizationId, await sessionCookieFor(admin.id), { intent: "revoke", invitationId: invitation.id });
    expect(body).toMatchObject({ ok: true });
    expect(await invitationState(token)).toBe("revoked");
    expect((await auditActions(organizationId)).map((e) => e.action)).toContain("invitation.revoked");
  });

  it("cannot revoke or re-send another organization's invitation (404)", async () => {
    const { user: admin, organizationId } = await createMember(db(), "client", "admin");
    const other = await createMember(db(), "client", "admin");
    const { token, invitation } = await createColleagueInvitation(other.organizationId, other.user.id);
    const cookie = await sessionCookieFor(admin.id);
    expect((await post("client", organizationId, cookie, { intent: "revoke", invitationId: invitation.id })).status).toBe(404);
    expect((await post("client", organizationId, cookie, { intent: "resend", invitationId: invitation.id })).status).toBe(404);
    expect(await invitationState(token)).toBe("open");
  });
});
