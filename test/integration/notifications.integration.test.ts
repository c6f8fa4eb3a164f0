import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "#db/schema/index";
import { countUnread, notify } from "~/domain/notifications/notify.server";
import { action, loader } from "~/routes/notifications";
import { createUser } from "../factories/index";
import { db, getRequest, postRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

async function userWithNotifications(count: number) {
  const user = await createUser(db());
  await notify(
    db(),
    Array.from({ length: count }, (_, i) => ({
      userId: user.id,
      organizationId: null,
      messageKey: "account:notifications.title",
      params: { n: i },
      link: i === 0 ? "/profile" : i === 1 ? "https://evil.example/phish" : null,
    })),
  );
  const rows = await db().select().from(notifications).where(eq(notifications.userId, user.id));
  return { user, cookie: await sessionCookieFor(user.id), ids: rows.map((r) => r.id) };
}

const post = (form: Record<string, string>, cookie?: string) =>
  responseOf(() => action({ request: postRequest("/notifications", form, cookie), params: {}, context: testContext }));

describe("notifications", () => {
  it("lists only the user's own notifications, with links inside the portal only", async () => {
    const me = await userWithNotifications(3);
    const other = await userWithNotifications(2);
    const data = await loader({ request: getRequest("/notifications", me.cookie), params: {}, context: testContext });
    expect(data.notifications.map((n) => n.id).sort()).toEqual([...me.ids].sort());
    expect(data.notifications.some((n) => other.ids.includes(n.id))).toBe(false);
    expect(data.notifications.every((n) => !n.isRead)).toBe(true);
    const links = data.notifications.map((n) => n.link).filter(Boolean);
    expect(links).toEqual(["/profile"]);
  });

  it("marks one as read", async () => {
    const me = await userWithNotifications(2);
    expect(await post({ intent: "markRead", id: me.ids[0] }, me.cookie)).toMatchObject({ ok: true, marked: 1 });
    expect(await countUnread(db(), me.user.id)).toBe(1);
    const [row] = await db().select().from(notifications).where(eq(notifications.id, me.ids[0]));
    expect(row.readAt).not.toBeNull();
    // Marking it again is harmless.
    expect(await post({ intent: "markRead", id: me.ids[0] }, me.cookie)).toMatchObject({ ok: true });
  });

  it("marks all as read, and only the user's own", async () => {
    const me = await userWithNotifications(3);
    const other = await userWithNotifications(2);
    expect(await post({ intent: "markAllRead" }, me.cookie)).toMatchObject({ ok: true, marked: 3 });
    expect(await countUnread(db(), me.user.id)).toBe(0);
    expect(await countUnread(db(), other.user.id)).toBe(2);
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const me = await userWithNotifications(1);
    const other = await userWithNotifications(1);
    expect(((await post({ intent: "markRead", id: other.ids[0] }, me.cookie)) as Response).status).toBe(404);
    expect(((await post({ intent: "markRead", id: randomUUID() }, me.cookie)) as Response).status).toBe(404);
    expect(((await post({ intent: "markRead", id: "not-an-id" }, me.cookie)) as Response).status).toBe(404);
    expect(await countUnread(db(), other.user.id)).toBe(1);
  });

  it("sends a visitor to the sign-in page", async () => {
    const other = await userWithNotifications(1);
    expect(await statusOf(() => loader({ request: getRequest("/notifications"), params: {}, context: testContext }))).toBe(302);
    expect(await statusOf(() => post({ intent: "markRead", id: other.ids[0] }))).toBe(302);
    expect(await countUnread(db(), other.user.id)).toBe(1);
  });
});
