import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "#db/schema/index";
import { validateSessionCookie } from "~/auth/session.server";
import { action as setLanguage } from "~/routes/set-language";
import { action as signOut } from "~/routes/sign-out";
import { createUser } from "../factories/index";
import { db, postRequest, responseOf, sessionCookieFor, testContext } from "../helpers";

const eventsOf = (userId: string, action: string) =>
  db().select().from(auditEvents).where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, action)));

describe("sign out", () => {
  it("ends this session only, records it, and clears the cookie", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const response = (await responseOf(() => signOut({ request: postRequest("/sign-out", {}, cookie), params: {}, context: testContext }))) as Response;
    expect(response.headers.get("location")).toBe("/sign-in");
    expect(response.headers.get("set-cookie")).toMatch(/portal_session=;/);
    expect(await validateSessionCookie(cookie)).toBeNull();
    expect(await validateSessionCookie(other)).not.toBeNull();
    expect(await eventsOf(user.id, "auth.signed_out")).toHaveLength(1);
  });
});

describe("language switch", () => {
  it("stores a signed-in user's choice in the profile and records the change", async () => {
    const user = await createUser(db(), { locale: "en" });
    const cookie = await sessionCookieFor(user.id);
    const response = (await responseOf(() =>
      setLanguage({ request: postRequest("/set-language", { locale: "nl", redirectTo: "/profile" }, cookie), params: {}, context: testContext }),
    )) as Response;
    expect(response.headers.get("location")).toBe("/profile");
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.locale).toBe("nl");
    const [event] = await eventsOf(user.id, "user.profile_updated");
    expect(event.summary).toEqual({ locale: "nl" });
  });

  it("ignores an unknown language and a redirect to another site", async () => {
    const user = await createUser(db(), { locale: "en" });
    const cookie = await sessionCookieFor(user.id);
    const response = (await responseOf(() =>
      setLanguage({ request: postRequest("/set-language", { locale: "de", redirectTo: "//evil.example" }, cookie), params: {}, context: testContext }),
    )) as Response;
    expect(response.headers.get("location")).toBe("/");
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.locale).toBe("en");
  });
});
