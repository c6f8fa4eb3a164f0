import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginTokens, outboxEmails } from "#db/schema/index";
import { validateSessionCookie } from "~/auth/session.server";
import { hashEmailToken, newEmailToken } from "~/auth/tokens.server";
import { MAGIC_LINK } from "~/domain/accounts/magic-link.server";
import * as requestRoute from "~/routes/sign-in_.link";
import * as tokenRoute from "~/routes/sign-in_.link_.$token";
import { createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, testContext } from "../helpers";
import { auditByIp, bodyOf, cookieFrom, latestMailTo, mailsTo, statusOfResult, uniqueEmail, uniqueIp } from "./accounts-helpers";

async function requestLink(email: string, ip = uniqueIp()) {
  return responseOf(() =>
    requestRoute.action({ request: postRequest("/sign-in/link", { email }), params: {}, context: { ...testContext, clientIp: ip } }),
  );
}

async function openLink(token: string, cookie?: string) {
  return responseOf(() => tokenRoute.loader({ request: getRequest(`/sign-in/link/${token}`, cookie), params: { token }, context: testContext }));
}

async function useLink(token: string, options: { cookie?: string; ip?: string } = {}) {
  return responseOf(() =>
    tokenRoute.action({
      request: postRequest(`/sign-in/link/${token}`, {}, options.cookie),
      params: { token },
      context: { ...testContext, clientIp: options.ip ?? testContext.clientIp },
    }),
  );
}

describe("requesting a sign-in link", () => {
  it("mails a single-use link in the user's language and records it", async () => {
    const user = await createUser(db(), { locale: "en" });
    const ip = uniqueIp();
    const result = await bodyOf(await requestLink(user.email.toUpperCase(), ip));
    expect(result).toMatchObject({ sent: true });
    const { mail, token } = await latestMailTo(user.email);
    expect(mail).toMatchObject({ template: "magic_link", locale: "en", status: "pending" });
    expect(token).toBeDefined();
    const [row] = await db().select().from(loginTokens).where(eq(loginTokens.tokenHash, hashEmailToken(token!)));
    expect(row).toMatchObject({ userId: user.id, purpose: "magic_link", usedAt: null });
    const minutes = (row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(MAGIC_LINK.validMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(MAGIC_LINK.validMinutes + 1);
    expect(await auditByIp(ip, "auth.magic_link_requested")).toHaveLength(1);
  });

  it("writes the mail in Dutch when the user has no language set", async () => {
    const user = await createUser(db(), { locale: null });
    await requestLink(user.email);
    const { mail } = await latestMailTo(user.email);
    expect(mail.locale).toBe("nl");
  });

  it("answers exactly the same for an unknown address and sends nothing", async () => {
    const user = await createUser(db());
    const unknown = uniqueEmail("nobody");
    const known = await bodyOf(await requestLink(user.email));
    const answer = await bodyOf(await requestLink(unknown));
    expect(answer).toEqual(known);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("sends at most three links per address per window, silently", async () => {
    const user = await createUser(db());
    const answers = [];
    for (let i = 0; i < MAGIC_LINK.maxPerWindow + 2; i++) answers.push(await bodyOf(await requestLink(user.email)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(MAGIC_LINK.maxPerWindow);
    expect(await db().select().from(loginTokens).where(eq(loginTokens.userId, user.id))).toHaveLength(MAGIC_LINK.maxPerWindow);
  });

  it("rejects a malformed address without sending anything", async () => {
    const result = await bodyOf(await requestLink("not-an-address"));
    expect(result.sent).toBe(false);
    expect(JSON.stringify(result)).toContain("validation.email");
  });

  it("sends a signed-in visitor home instead of showing the form", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const result = (await responseOf(() =>
      requestRoute.loader({ request: getRequest("/sign-in/link", cookie), params: {}, context: testContext }),
    )) as Response;
    expect(result.status).toBe(302);
  });
});

describe("using a sign-in link", () => {
  async function issuedLink() {
    const user = await createUser(db());
    await requestLink(user.email);
    const { token } = await latestMailTo(user.email);
    return { user, token: token! };
  }

  it("only shows a button on GET: opening the link does not use it", async () => {
    const { token } = await issuedLink();
    const page = await openLink(token);
    expect(statusOfResult(page)).toBe(200);
    expect(await bodyOf(page)).toEqual({ usable: true });
    await openLink(token);
    const [row] = await db().select().from(loginTokens).where(eq(loginTokens.tokenHash, hashEmailToken(token)));
    expect(row.usedAt).toBeNull();
  });

  it("signs in on POST with a new session, replacing the one that came in", async () => {
    const { user, token } = await issuedLink();
    const other = await createUser(db());
    const previous = await sessionCookieFor(other.id);
    const result = (await useLink(token, { cookie: previous })) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
    expect((await validateSessionCookie(cookieFrom(result)))?.user.id).toBe(user.id);
    expect(await validateSessionCookie(previous)).toBeNull();
  });

  it("works once: the second use is refused", async () => {
    const { token } = await issuedLink();
    expect(statusOfResult(await useLink(token))).toBe(302);
    const again = await useLink(token);
    expect(statusOfResult(again)).toBe(422);
    expect(await bodyOf(again)).toMatchObject({ formError: { key: "auth:magicLink.invalid" } });
    expect(statusOfResult(await openLink(token))).toBe(404);
  });

  it("refuses an expired link", async () => {
    const user = await createUser(db());
    const { token, tokenHash } = newEmailToken();
    await db().insert(loginTokens).values({
      userId: user.id,
      purpose: "magic_link",
      tokenHash,
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect(statusOfResult(await openLink(token))).toBe(404);
    const result = await useLink(token);
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "auth:magicLink.invalid" } });
    expect((result as Response).headers.get("set-cookie")).toBeNull();
    const [row] = await db().select().from(loginTokens).where(eq(loginTokens.tokenHash, tokenHash));
    expect(row.usedAt).toBeNull();
  });

  it("refuses a forged link and records the attempt", async () => {
    const ip = uniqueIp();
    const result = await useLink(newEmailToken().token, { ip });
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "auth:magicLink.invalid" } });
    expect(await auditByIp(ip, "auth.magic_link_rejected")).toHaveLength(1);
  });

  it("refuses a malformed token before it reaches the database", async () => {
    const ip = uniqueIp();
    const result = await useLink("short'; drop table users;--", { ip });
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "auth:magicLink.invalid" } });
    expect(await auditByIp(ip)).toEqual([]);
    expect(statusOfResult(await openLink("x".repeat(500)))).toBe(404);
  });

  it("does not accept a password-reset token as a sign-in link", async () => {
    const user = await createUser(db());
    const { token, tokenHash } = newEmailToken();
    await db().insert(loginTokens).values({
      userId: user.id,
      purpose: "password_reset",
      tokenHash,
      expiresAt: new Date(Date.now() + 10 * 60_000),
    });
    expect(statusOfResult(await useLink(token))).toBe(422);
  });
});

describe("sign-in link with a destination", () => {
  it("carries the page to return to in the link and goes there after signing in", async () => {
    const user = await createUser(db());
    await requestRoute.action({
      request: postRequest("/sign-in/link", { email: user.email, redirectTo: "/invitations/abc" }),
      params: {},
      context: { ...testContext, clientIp: uniqueIp() },
    });
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, user.email));
    const url = new URL(mail.textBody.match(/http:\/\/portal\.test\/sign-in\/link\/\S+/)![0]);
    expect(url.searchParams.get("redirectTo")).toBe("/invitations/abc");
    const token = url.pathname.split("/").pop()!;
    const response = (await responseOf(() =>
      tokenRoute.action({
        request: postRequest(`/sign-in/link/${token}`, { redirectTo: "/invitations/abc" }),
        params: { token },
        context: testContext,
      }),
    )) as Response;
    expect(response.headers.get("location")).toBe("/invitations/abc");
  });

  it("ignores a destination on another site", async () => {
    const user = await createUser(db());
    await requestRoute.action({
      request: postRequest("/sign-in/link", { email: user.email, redirectTo: "https://evil.example/x" }),
      params: {},
      context: { ...testContext, clientIp: uniqueIp() },
    });
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, user.email));
    expect(mail.textBody).not.toContain("evil.example");
  });
});
