import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, invitations, outboxEmails, partnerships } from "#db/schema/index";
import { hashEmailToken } from "~/auth/tokens.server";
import { action as inviteAction, loader as inviteLoader } from "~/routes/client.$orgId.partners.new";
import { action as detailAction, loader as detailLoader } from "~/routes/client.$orgId.partners.$partnershipId";
import { addMembership, createMember, createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

async function clientWith(role: "admin" | "manager" | "reviewer" | "viewer" = "manager") {
  const { user, organizationId } = await createMember(db(), "client", role, { user: { name: "Mark Jansen" } });
  return { user, orgId: organizationId, cookie: await sessionCookieFor(user.id) };
}

const uniqueEmail = () => `contact-${crypto.randomUUID().slice(0, 8)}@vendor.example`;

function inviteForm(overrides: Record<string, string | string[]> = {}) {
  return {
    vendorDisplayName: "KlantContact Zuid",
    email: uniqueEmail(),
    locale: "nl",
    services: ["inbound", "outbound"],
    dataCategories: ["contact_details", "payment_data"],
    "sites[0].name": "Maastricht",
    "sites[0].city": "Maastricht",
    "sites[0].country": "NL",
    "sites[1].name": "Paramaribo",
    "sites[1].city": "Paramaribo",
    "sites[1].country": "SR",
    extraCountries: "BE",
    agentHeadcount: "120",
    contractStart: "2026-01-01",
    contractEnd: "2027-12-31",
    riskTier: "",
    ...overrides,
  };
}

async function invite(orgId: string, cookie: string, form: Record<string, string | string[]>) {
  return responseOf(() =>
    inviteAction({ request: postRequest(`/client/${orgId}/partners/new`, form, cookie), params: { orgId }, context: testContext }),
  );
}

async function post(orgId: string, partnershipId: string, cookie: string, form: Record<string, string | string[]>) {
  return responseOf(() =>
    detailAction({
      request: postRequest(`/client/${orgId}/partners/${partnershipId}`, form, cookie),
      params: { orgId, partnershipId },
      context: testContext,
    }),
  );
}

const tokenIn = (text: string) => /\/invitations\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function countRows(orgId: string) {
  const [p] = await db().select({ n: sql<number>`count(*)::int` }).from(partnerships).where(eq(partnerships.clientOrgId, orgId));
  const [i] = await db().select({ n: sql<number>`count(*)::int` }).from(invitations).where(eq(invitations.organizationId, orgId));
  const [a] = await db().select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.organizationId, orgId));
  return { partnerships: p.n, invitations: i.n, auditEvents: a.n };
}

describe("inviting a contact center", () => {
  it("creates the partnership, the invitation, the mail in the chosen language and the audit events, then redirects", async () => {
    const { user, orgId, cookie } = await clientWith("manager");
    const form = inviteForm({ locale: "nl" });
    const before = Date.now();
    const response = (await invite(orgId, cookie, form)) as Response;

    expect(response.status).toBe(302);
    const [partnership] = await db().select().from(partnerships).where(eq(partnerships.clientOrgId, orgId));
    expect(response.headers.get("location")).toBe(`/client/${orgId}/partners/${partnership.id}?notice=invited`);
    expect(partnership).toMatchObject({
      vendorOrgId: null,
      status: "invited",
      vendorDisplayName: "KlantContact Zuid",
      services: ["inbound", "outbound"],
      dataCategories: ["contact_details", "payment_data"],
      sites: [
        { name: "Maastricht", city: "Maastricht", country: "NL" },
        { name: "Paramaribo", city: "Paramaribo", country: "SR" },
      ],
      countries: ["NL", "SR", "BE"],
      agentHeadcount: 120,
      contractStart: "2026-01-01",
      contractEnd: "2027-12-31",
      riskTier: 1,
      riskReasons: ["outside_eea", "payment_data", "outbound_telemarketing"],
      version: 1,
    });

    const [invitation] = await db().select().from(invitations).where(eq(invitations.partnershipId, partnership.id));
    expect(invitation).toMatchObject({
      kind: "partner",
      organizationId: orgId,
      role: "admin",
      email: form.email,
      locale: "nl",
      invitedByUserId: user.id,
      acceptedAt: null,
      revokedAt: null,
    });
    const days = (invitation.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);

    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, form.email as string));
    expect(mail).toMatchObject({ locale: "nl", template: "partner_invitation", status: "pending" });
    expect(mail.textBody).toContain("Mark Jansen");
    const token = tokenIn(mail.textBody)!;
    expect(mail.textBody).toContain(`http://portal.test/invitations/${token}`);
    expect(hashEmailToken(token)).toBe(invitation.tokenHash);
    expect(JSON.stringify(mail)).not.toContain(invitation.tokenHash);

    const events = await db().select().from(auditEvents).where(eq(auditEvents.organizationId, orgId));
    expect(events.map((e) => e.action).sort()).toEqual(["invitation.created", "partnership.created"]);
    const created = events.find((e) => e.action === "partnership.created")!;
    expect(created).toMatchObject({ actorUserId: user.id, entityId: partnership.id, ipAddress: "203.0.113.10" });
    expect(created.summary).toMatchObject({ riskTier: 1, suggestedTier: 1 });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("writes the e-mail in English when English is chosen, and keeps the tier the client picked", async () => {
    const { orgId, cookie } = await clientWith("admin");
    const form = inviteForm({ locale: "en", riskTier: "3" });
    expect(((await invite(orgId, cookie, form)) as Response).status).toBe(302);
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, form.email as string));
    expect(mail.locale).toBe("en");
    expect(mail.subject).toMatch(/invites you/);
    const [partnership] = await db().select().from(partnerships).where(eq(partnerships.clientOrgId, orgId));
    expect(partnership.riskTier).toBe(3);
    expect(partnership.riskReasons).toEqual(["outside_eea", "payment_data", "outbound_telemarketing"]);
  });

  it("answers validation errors next to the fields and writes nothing", async () => {
    const { orgId, cookie } = await clientWith("manager");
    const form = inviteForm({
      email: "nope",
      services: ["inbound", "telepathy"],
      "sites[1].country": "SUR",
      agentHeadcount: "100001",
      contractEnd: "2025-06-30",
    });
    const result = (await invite(orgId, cookie, form)) as { ok: false; result: { error: Record<string, string[]> } };
    expect(result.ok).toBe(false);
    expect(result.result.error).toMatchObject({
      email: ["validation.email"],
      services: ["orgs:validation.unknownService"],
      "sites[1].country": ["validation.countryCode"],
      agentHeadcount: ["validation.numberRange"],
      contractEnd: ["validation.dateOrder"],
    });
    expect(await countRows(orgId)).toEqual({ partnerships: 0, invitations: 0, auditEvents: 0 });
    expect(await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, "nope"))).toEqual([]);
  });

  it("refuses a second open invitation to the same address, keeping the form filled and writing nothing", async () => {
    const { orgId, cookie } = await clientWith("manager");
    const email = uniqueEmail();
    expect(((await invite(orgId, cookie, inviteForm({ email }))) as Response).status).toBe(302);
    const before = await countRows(orgId);
    const again = (await invite(orgId, cookie, inviteForm({ email: email.toUpperCase(), vendorDisplayName: "Again" }))) as Response;
    expect(again.status).toBe(422);
    const body = await again.json();
    expect(body.result.error[""]).toEqual(["orgs:invite.alreadyInvited"]);
    expect(body.result.initialValue.vendorDisplayName).toBe("Again");
    expect(await countRows(orgId)).toEqual(before);
  });

  it("forbids reviewers and viewers (403) and writes nothing", async () => {
    for (const role of ["reviewer", "viewer"] as const) {
      const { orgId, cookie } = await clientWith(role);
      expect(await statusOf(() => inviteAction({ request: postRequest(`/client/${orgId}/partners/new`, inviteForm(), cookie), params: { orgId }, context: testContext }))).toBe(403);
      expect(await statusOf(() => inviteLoader({ request: getRequest(`/client/${orgId}/partners/new`, cookie), params: { orgId }, context: testContext }))).toBe(403);
      expect(await countRows(orgId)).toEqual({ partnerships: 0, invitations: 0, auditEvents: 0 });
    }
  });

  it("does not let a member of another client invite on this client's behalf (404)", async () => {
    const { orgId } = await clientWith("admin");
    const other = await clientWith("admin");
    expect(await statusOf(() => invite(orgId, other.cookie, inviteForm()).then((r) => { if (r instanceof Response && r.status >= 400) throw r; return r; }))).toBe(404);
    expect(await countRows(orgId)).toEqual({ partnerships: 0, invitations: 0, auditEvents: 0 });
  });
});

describe("resending and revoking the invitation", () => {
  async function invited() {
    const client = await clientWith("manager");
    const form = inviteForm({ locale: "en" });
    await invite(client.orgId, client.cookie, form);
    const [partnership] = await db().select().from(partnerships).where(eq(partnerships.clientOrgId, client.orgId));
    const [invitation] = await db().select().from(invitations).where(eq(invitations.partnershipId, partnership.id));
    return { ...client, partnership, invitation, email: form.email as string };
  }

  it("resends with a new token and validity; the old link stops working", async () => {
    const { orgId, cookie, partnership, invitation, email } = await invited();
    const [firstMail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    const oldToken = tokenIn(firstMail.textBody)!;

    const response = (await post(orgId, partnership.id, cookie, { intent: "resend" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/client/${orgId}/partners/${partnership.id}?notice=resent`);

    const [after] = await db().select().from(invitations).where(eq(invitations.partnershipId, partnership.id));
    expect(after.id).toBe(invitation.id);
    expect(after.tokenHash).not.toBe(invitation.tokenHash);
    expect(after.expiresAt.getTime()).toBeGreaterThanOrEqual(invitation.expiresAt.getTime());
    const stillValid = await db().select().from(invitations).where(eq(invitations.tokenHash, hashEmailToken(oldToken)));
    expect(stillValid).toEqual([]);

    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).orderBy(desc(outboxEmails.createdAt));
    expect(mails).toHaveLength(2);
    const newToken = tokenIn(mails[0].textBody)!;
    expect(newToken).not.toBe(oldToken);
    expect(hashEmailToken(newToken)).toBe(after.tokenHash);
    expect(mails[0].locale).toBe("en");

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.action, "invitation.resent")));
    expect(event.entityId).toBe(invitation.id);
  });

  it("revokes: the invitation is marked, the partnership stays invited, and a second revoke is refused", async () => {
    const { orgId, cookie, partnership, invitation } = await invited();
    const response = (await post(orgId, partnership.id, cookie, { intent: "revoke" })) as Response;
    expect(response.status).toBe(302);
    const [after] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after.revokedAt).not.toBeNull();
    const [p] = await db().select().from(partnerships).where(eq(partnerships.id, partnership.id));
    expect(p.status).toBe("invited");

    const again = (await post(orgId, partnership.id, cookie, { intent: "revoke" })) as Response;
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ formError: { key: "orgs:invitation.notPending" } });

    // Resending after a revoke revives it with a fresh link.
    expect(((await post(orgId, partnership.id, cookie, { intent: "resend" })) as Response).status).toBe(302);
    const [revived] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(revived.revokedAt).toBeNull();
    expect(revived.tokenHash).not.toBe(after.tokenHash);
  });

  it("shows the invitation on the detail page without its token hash", async () => {
    const { orgId, cookie, partnership, invitation, email } = await invited();
    const data = (await detailLoader({
      request: getRequest(`/client/${orgId}/partners/${partnership.id}?notice=invited`, cookie),
      params: { orgId, partnershipId: partnership.id },
      context: testContext,
    })) as Exclude<Awaited<ReturnType<typeof detailLoader>>, Response>;
    expect(data.invitation).toMatchObject({ email, locale: "en", state: "pending" });
    expect(data.notice).toBe("invited");
    expect(JSON.stringify(data)).not.toContain(invitation.tokenHash);
  });

  it("ending an invited partnership revokes its invitation", async () => {
    const { orgId, cookie, partnership, invitation } = await invited();
    const response = (await post(orgId, partnership.id, cookie, { intent: "status", version: "1", status: "ended" })) as Response;
    expect(response.status).toBe(302);
    const [after] = await db().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after.revokedAt).not.toBeNull();
    expect(((await post(orgId, partnership.id, cookie, { intent: "resend" })) as Response).status).toBe(422);
  });

  it("forbids a reviewer to resend or revoke (403), and hides another client's partnership (404)", async () => {
    const { orgId, partnership, invitation } = await invited();
    const reviewer = await createUser(db());
    await addMembership(db(), reviewer.id, orgId, "reviewer");
    const reviewerCookie = await sessionCookieFor(reviewer.id);
    for (const intent of ["resend", "revoke"]) {
      expect(await statusOf(() => post(orgId, partnership.id, reviewerCookie, { intent }).then(throwIfError))).toBe(403);
    }
    const other = await clientWith("admin");
    for (const intent of ["resend", "revoke"]) {
      expect(await statusOf(() => post(other.orgId, partnership.id, other.cookie, { intent }).then(throwIfError))).toBe(404);
    }
    const [after] = await db().select().from(invitations).where(inArray(invitations.id, [invitation.id]));
    expect(after.tokenHash).toBe(invitation.tokenHash);
    expect(after.revokedAt).toBeNull();
  });
});

function throwIfError(result: unknown) {
  if (result instanceof Response && result.status >= 400) throw result;
  return result;
}
