import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, outboxEmails, sessions, users } from "#db/schema/index";
import { verifyPassword } from "~/auth/password.server";
import { validateSessionCookie } from "~/auth/session.server";
import { describeUserAgent, sessionHandle } from "~/domain/accounts/profile.server";
import { action, loader } from "~/routes/profile";
import { createUser, DEFAULT_TEST_PASSWORD } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

const NEW_PASSWORD = "a long and new passphrase 42";

const sessionIdOf = (cookie: string) => cookie.split("=")[1];

async function post(form: Record<string, string>, cookie?: string) {
  return responseOf(() => action({ request: postRequest("/profile", form, cookie), params: {}, context: testContext }));
}

async function load(cookie: string) {
  return loader({ request: getRequest("/profile", cookie), params: {}, context: testContext });
}

/** What an action returned: a plain object, `data()` or a `json()` Response. */
async function bodyOf(result: unknown): Promise<Record<string, unknown>> {
  if (result instanceof Response) return result.json();
  if (result && typeof result === "object" && "data" in result && "init" in result) return (result as { data: Record<string, unknown> }).data;
  return result as Record<string, unknown>;
}

async function lastEvent(userId: string, action: string) {
  const [event] = await db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event;
}

describe("profile: name and language", () => {
  it("shows the user's details and sessions, without session ids", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const data = await load(cookie);
    expect(data.user).toEqual({ name: user.name, email: user.email, locale: "en", hasPassword: true });
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions[0]).toMatchObject({ isCurrent: true, ipAddress: "203.0.113.10", browser: "vitest" });
    expect(data.sessions[1].isCurrent).toBe(false);
    const page = JSON.stringify(data);
    expect(page).not.toContain(sessionIdOf(cookie));
    expect(page).not.toContain(sessionIdOf(other));
  });

  it("sends a visitor to the sign-in page", async () => {
    expect(await statusOf(() => loader({ request: getRequest("/profile"), params: {}, context: testContext }))).toBe(302);
    expect(await statusOf(() => action({ request: postRequest("/profile", { intent: "signOutEverywhere" }), params: {}, context: testContext }))).toBe(302);
  });

  it("changes name and language at once, remembers the language and records it", async () => {
    const user = await createUser(db(), { locale: "en" });
    const cookie = await sessionCookieFor(user.id);
    const result = (await post({ intent: "profile", name: "  Renée van Dijk ", locale: "nl" }, cookie)) as {
      data: { ok: boolean };
      init: { headers: Record<string, string> };
    };
    expect(result.data.ok).toBe(true);
    expect(result.init.headers["Set-Cookie"]).toMatch(/^lng=/);
    const session = await validateSessionCookie(cookie);
    expect(session?.user).toMatchObject({ name: "Renée van Dijk", locale: "nl" });
    const event = await lastEvent(user.id, "user.profile_updated");
    expect(event).toMatchObject({ organizationId: null, entityType: "user", actorUserId: user.id, ipAddress: "203.0.113.10" });
    expect(event.summary).toEqual({ name: "Renée van Dijk", locale: "nl" });
  });

  it("refuses an empty name and an unknown language, and changes nothing", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const body = await bodyOf(await post({ intent: "profile", name: "   ", locale: "de" }, cookie));
    expect(body.ok).toBe(false);
    const text = JSON.stringify(body);
    expect(text).toContain("validation.required");
    expect(text).toContain("validation.invalidChoice");
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.name).toBe(user.name);
  });

  it("records nothing when nothing changed", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    await post({ intent: "profile", name: user.name, locale: "en" }, cookie);
    expect(await lastEvent(user.id, "user.profile_updated")).toBeUndefined();
  });
});

describe("profile: password", () => {
  it("changes the password, ends the other sessions, sends an e-mail and records it", async () => {
    const user = await createUser(db(), { locale: "nl" });
    const cookie = await sessionCookieFor(user.id);
    const others = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const result = await post({ intent: "password", currentPassword: DEFAULT_TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, cookie);
    const body = await bodyOf(result);
    expect(body).toMatchObject({ ok: true, intent: "password", endedSessions: 2 });
    // The current session continues under a new id; the old id is dead.
    const setCookie = (result as { init?: ResponseInit }).init?.headers as Record<string, string> | undefined;
    const renewed = setCookie?.["Set-Cookie"]?.split(";")[0];
    expect(renewed).toMatch(/^portal_session=/);
    expect(renewed).not.toBe(cookie);
    expect(await validateSessionCookie(renewed!)).not.toBeNull();
    expect(await validateSessionCookie(cookie)).toBeNull();
    for (const other of others) expect(await validateSessionCookie(other)).toBeNull();
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    const mail = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, user.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "password_changed", locale: "nl", status: "pending" });
    expect(mail[0].textBody).toContain(user.name);
    const event = await lastEvent(user.id, "user.password_changed");
    expect(event).toMatchObject({ organizationId: null, entityType: "user", actorUserId: user.id });
    expect(event.summary).toMatchObject({ endedSessions: 2 });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const result = await post(
      { intent: "password", currentPassword: "not-the-password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      cookie,
    );
    expect((result as Response).status).toBe(422);
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "account:password.wrongCurrent" } });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash!, DEFAULT_TEST_PASSWORD)).toBe(true);
    expect(await validateSessionCookie(other)).not.toBeNull();
    expect(await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, user.email))).toEqual([]);
    expect(await lastEvent(user.id, "user.password_changed")).toBeUndefined();
  });

  it("throttles guesses of the current password like sign-in attempts", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const context = { ...testContext, clientIp: "198.51.100.77" };
    const attempt = (currentPassword: string) =>
      responseOf(() =>
        action({
          request: postRequest("/profile", { intent: "password", currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, cookie),
          params: {},
          context,
        }),
      );
    for (let i = 0; i < 5; i++) await attempt(`guess-number-${i}`);
    const result = await attempt(DEFAULT_TEST_PASSWORD);
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "auth:signIn.throttled" } });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash!, DEFAULT_TEST_PASSWORD)).toBe(true);
    expect(await lastEvent(user.id, "user.password_change_failed")).toBeDefined();
  });

  it("requires the current password when the account has one", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const result = await post({ intent: "password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, cookie);
    expect(await bodyOf(result)).toMatchObject({ formError: { key: "account:password.wrongCurrent" } });
  });

  it("lets an account without a password set one without a current password", async () => {
    const user = await createUser(db(), { password: null });
    const cookie = await sessionCookieFor(user.id);
    expect((await load(cookie)).user.hasPassword).toBe(false);
    const body = await bodyOf(await post({ intent: "password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, cookie));
    expect(body).toMatchObject({ ok: true, endedSessions: 0 });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect((await lastEvent(user.id, "user.password_changed")).summary).toMatchObject({ firstPassword: true });
  });

  it.each([
    ["too short", "short-one", "validation.passwordTooShort"],
    ["too common", "wachtwoord123", "validation.passwordTooCommon"],
  ])("refuses a password that is %s", async (_label, password, key) => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const body = await bodyOf(
      await post({ intent: "password", currentPassword: DEFAULT_TEST_PASSWORD, newPassword: password, confirmPassword: password }, cookie),
    );
    expect(body.ok).toBe(false);
    expect(JSON.stringify(body)).toContain(key);
    // The typed passwords are never sent back.
    expect(JSON.stringify(body)).not.toContain(DEFAULT_TEST_PASSWORD);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash!, DEFAULT_TEST_PASSWORD)).toBe(true);
  });

  it("refuses a password containing the e-mail address, and a confirmation that differs", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const withEmail = `${user.email.split("@")[0]}-and-more`;
    const body = await bodyOf(
      await post({ intent: "password", currentPassword: DEFAULT_TEST_PASSWORD, newPassword: withEmail, confirmPassword: "something else entirely" }, cookie),
    );
    const text = JSON.stringify(body);
    expect(text).toContain("validation.passwordContainsEmail");
    expect(text).toContain("validation.passwordMismatch");
  });
});

describe("profile: sessions", () => {
  it("ends one of the user's own other sessions", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const target = (await load(cookie)).sessions.find((s) => !s.isCurrent)!;
    const body = await bodyOf(await post({ intent: "revoke", session: target.handle }, cookie));
    expect(body).toMatchObject({ ok: true, intent: "revoke" });
    expect(await validateSessionCookie(other)).toBeNull();
    expect(await validateSessionCookie(cookie)).not.toBeNull();
    expect((await load(cookie)).sessions).toHaveLength(1);
    const event = await lastEvent(user.id, "session.revoked");
    expect(event).toMatchObject({ organizationId: null, entityType: "user", actorUserId: user.id });
    expect(event.summary).toMatchObject({ scope: "one" });
  });

  it("answers 404 for another user's session, by handle or by raw id, and leaves it alone", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const stranger = await createUser(db());
    const theirs = await sessionCookieFor(stranger.id);
    const byHandle = (await post({ intent: "revoke", session: sessionHandle(sessionIdOf(theirs)) }, cookie)) as Response;
    expect(byHandle.status).toBe(404);
    const byId = (await post({ intent: "revoke", session: sessionIdOf(theirs) }, cookie)) as Response;
    expect(byId.status).toBe(404);
    expect(await validateSessionCookie(theirs)).not.toBeNull();
    expect(await lastEvent(user.id, "session.revoked")).toBeUndefined();
  });

  it("signs out the current session when it is the one ended", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const result = (await post({ intent: "revoke", session: sessionHandle(sessionIdOf(cookie)) }, cookie)) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/sign-in");
    expect(await validateSessionCookie(cookie)).toBeNull();
  });

  it("signs out everywhere, this session included, and goes to the sign-in page", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    const bystander = await createUser(db());
    const theirs = await sessionCookieFor(bystander.id);
    const result = (await post({ intent: "signOutEverywhere" }, cookie)) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/sign-in");
    expect(result.headers.get("set-cookie")).toMatch(/^portal_session=;/);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await validateSessionCookie(theirs)).not.toBeNull();
    const event = await lastEvent(user.id, "session.revoked");
    expect(event.summary).toEqual({ scope: "all", endedSessions: 3 });
  });

  it("does not list sessions that have been idle for too long", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const idle = await sessionCookieFor(user.id);
    await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - 2 * 3_600_000) }).where(eq(sessions.id, sessionIdOf(idle)));
    expect((await load(cookie)).sessions).toHaveLength(1);
  });
});

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome 126 · Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", "Edge 126 · Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128 · macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari 17 · iOS"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36", "Chrome 125 · Linux"],
    ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet 25 · Android"],
    ["curl/8.5.0", "curl/8.5.0"],
    [null, null],
  ])("%s", (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});
