import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, signInAttempts } from "#db/schema/index";
import { validateSessionCookie } from "~/auth/session.server";
import { THROTTLE } from "~/auth/throttle";
import { action } from "~/routes/sign-in";
import { overrideEnv } from "~/utils/env.server";
import { createUser, DEFAULT_TEST_PASSWORD } from "../factories/index";
import { db, postRequest, responseOf, sessionCookieFor, testContext } from "../helpers";

async function signIn(form: Record<string, string>, options: { ip?: string; cookie?: string } = {}) {
  const result = await responseOf(() =>
    action({
      request: postRequest("/sign-in", form, options.cookie),
      params: {},
      context: { ...testContext, clientIp: options.ip ?? testContext.clientIp },
    }),
  );
  return result as Response & { data?: unknown };
}

/** Remix's `json()` responses carry their body; plain objects come back as they are. */
async function bodyOf(result: unknown) {
  return result instanceof Response ? result.json() : result;
}

describe("sign-in with password", () => {
  it("signs in, sets a session cookie and returns to the page asked for", async () => {
    const user = await createUser(db());
    const result = await signIn({ email: user.email.toUpperCase(), password: DEFAULT_TEST_PASSWORD, redirectTo: "/profile" });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/profile");
    const setCookie = result.headers.get("set-cookie")!;
    const cookie = setCookie.split(";")[0];
    expect((await validateSessionCookie(cookie))?.user.id).toBe(user.id);
    // A browser-session cookie, HttpOnly and SameSite: no Max-Age or Expires.
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
  });

  it("never redirects to another site", async () => {
    const user = await createUser(db());
    const result = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, redirectTo: "//evil.example/x" });
    expect(result.headers.get("location")).toBe("/");
  });

  it("rotates the session: the cookie that came in no longer works", async () => {
    const user = await createUser(db());
    const before = await sessionCookieFor(user.id);
    const result = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, { cookie: before });
    expect(result.status).toBe(302);
    expect(await validateSessionCookie(before)).toBeNull();
  });

  it("gives one generic message for a wrong password and for an unknown account", async () => {
    const user = await createUser(db());
    const wrong = await bodyOf(await signIn({ email: user.email, password: "not-the-password" }));
    const unknown = await bodyOf(await signIn({ email: `nobody-${user.id}@example.test`, password: "whatever-it-is" }));
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ formError: { key: "auth:signIn.invalid" } });
  });

  it("records failures in the audit trail with the address and the e-mail typed", async () => {
    const user = await createUser(db());
    await signIn({ email: user.email, password: "not-the-password" }, { ip: "198.51.100.7" });
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in_failed"), eq(auditEvents.actorLabel, user.email)));
    expect(event).toMatchObject({ ipAddress: "198.51.100.7", organizationId: null });
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const user = await createUser(db());
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await signIn({ email: user.email, password: `wrong-${i}` }, { ip: `192.0.2.${i + 1}` });
    }
    const result = await bodyOf(await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, { ip: "192.0.2.99" }));
    expect(result).toMatchObject({ formError: { key: "auth:signIn.throttled" } });
  });

  it("throttles an address after repeated failures across accounts", async () => {
    const ip = "203.0.113.201";
    const victims = await Promise.all([1, 2, 3].map(() => createUser(db())));
    await db().insert(signInAttempts).values(
      Array.from({ length: THROTTLE.maxFailuresPerIp }, (_, i) => ({
        emailKey: `spray-${i}@example.test`,
        ipAddress: ip,
        succeeded: false,
      })),
    );
    const result = await bodyOf(await signIn({ email: victims[0].email, password: DEFAULT_TEST_PASSWORD }, { ip }));
    expect(result).toMatchObject({ formError: { key: "auth:signIn.throttled" } });
  });

  it("rejects malformed input with field errors and writes nothing", async () => {
    const [before] = await db().select({ n: sql<number>`count(*)::int` }).from(signInAttempts);
    const result = await bodyOf(await signIn({ email: "not-an-email", password: "" }));
    expect(JSON.stringify(result)).toContain("validation.email");
    const [after] = await db().select({ n: sql<number>`count(*)::int` }).from(signInAttempts);
    expect(after.n).toBe(before.n);
  });

  it("refuses an oversized post with 413", async () => {
    const request = new Request("http://portal.test/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://portal.test" },
      body: `email=a@b.test&password=${"x".repeat(400 * 1024)}`,
    });
    const result = (await responseOf(() => action({ request, params: {}, context: testContext }))) as Response;
    expect(result.status).toBe(413);
  });
});

describe("session timeouts", () => {
  it("ends a session idle for longer than the idle timeout", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const id = cookie.split("=")[1];
    await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) }).where(eq(sessions.id, id));
    expect(await validateSessionCookie(cookie)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
  });

  it("ends a session older than the absolute timeout, however active", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const id = cookie.split("=")[1];
    await db().update(sessions).set({ createdAt: new Date(Date.now() - 13 * 3_600_000) }).where(eq(sessions.id, id));
    expect(await validateSessionCookie(cookie)).toBeNull();
  });

  it("keeps an active session and records when it was last seen", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const id = cookie.split("=")[1];
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await db().update(sessions).set({ lastSeenAt: tenMinutesAgo }).where(eq(sessions.id, id));
    expect((await validateSessionCookie(cookie))?.user.id).toBe(user.id);
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(tenMinutesAgo.getTime());
  });

  it("honours a configured idle timeout", async () => {
    overrideEnv({ SESSION_IDLE_MINUTES: "5" });
    try {
      const user = await createUser(db());
      const cookie = await sessionCookieFor(user.id);
      const id = cookie.split("=")[1];
      await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - 6 * 60_000) }).where(eq(sessions.id, id));
      expect(await validateSessionCookie(cookie)).toBeNull();
    } finally {
      overrideEnv({ SESSION_IDLE_MINUTES: undefined });
    }
  });
});

describe("throttling under concurrency", () => {
  it("lets no more than the allowed number of parallel guesses reach the password check", async () => {
    const user = await createUser(db());
    const guesses = Array.from({ length: 12 }, (_, i) =>
      signIn({ email: user.email, password: `parallel-guess-${i}` }, { ip: `192.0.2.${100 + i}` }).then(bodyOf),
    );
    const results = await Promise.all(guesses);
    const throttled = results.filter((r) => JSON.stringify(r).includes("auth:signIn.throttled")).length;
    expect(throttled).toBe(12 - THROTTLE.maxFailuresPerAccount);
    const attempts = await db().select().from(signInAttempts).where(eq(signInAttempts.emailKey, user.email));
    expect(attempts).toHaveLength(THROTTLE.maxFailuresPerAccount);
  });

  it("never throttles colleagues signing in at the same moment from one office address", async () => {
    const ip = "198.51.100.200";
    const colleagues = await Promise.all(Array.from({ length: THROTTLE.maxFailuresPerIp + 5 }, () => createUser(db())));
    const results = await Promise.all(
      colleagues.map((user) => signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, { ip })),
    );
    expect(results.map((r) => r.status)).toEqual(colleagues.map(() => 302));
  });

  it("never throttles one account signing in on several devices at once", async () => {
    const user = await createUser(db());
    const results = await Promise.all(
      Array.from({ length: THROTTLE.maxFailuresPerAccount + 3 }, (_, i) =>
        signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD }, { ip: `192.0.2.${200 + i}` }),
      ),
    );
    expect(results.every((r) => r.status === 302)).toBe(true);
  });
});
