import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents } from "#db/schema/index";
import type { OrganizationKind, Role } from "~/auth/roles";
import { createHash } from "node:crypto";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { loader as clientTrail } from "~/routes/client.$orgId.audit-trail";
import { loader as clientCsv } from "~/routes/client.$orgId.audit-trail[.]csv";
import { loader as vendorCsv } from "~/routes/vendor.$orgId.audit-trail[.]csv";
import { loader as vendorTrail } from "~/routes/vendor.$orgId.audit-trail";
import { addMembership, createMember, createOrganization } from "../factories/index";
import { db, getRequest, responseOf, sessionCookieFor, statusOf, testContext } from "../helpers";

async function member(kind: OrganizationKind, role: Role, organizationId?: string, name?: string) {
  const { user, organizationId: orgId } = await createMember(db(), kind, role, { organizationId, user: name ? { name } : undefined });
  return { user, orgId, cookie: await sessionCookieFor(user.id) };
}

async function record(
  organizationId: string,
  action: string,
  options: { actorUserId?: string | null; entityType?: string; summary?: Record<string, unknown>; at?: string } = {},
) {
  if (options.at) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(options.at));
  }
  try {
    await db().transaction((tx) =>
      recordAuditEvent(tx, { actorUserId: options.actorUserId ?? null, ipAddress: "198.51.100.20", userAgent: "test" }, {
        organizationId,
        action,
        entityType: options.entityType ?? "organization",
        entityId: organizationId,
        summary: options.summary ?? {},
      }),
    );
  } finally {
    vi.useRealTimers();
  }
  const [row] = await db()
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row.id;
}

afterEach(() => {
  vi.useRealTimers();
});

const page = (orgId: string, cookie: string, query = "") =>
  clientTrail({ request: getRequest(`/client/${orgId}/audit-trail${query}`, cookie), params: { orgId }, context: testContext });

async function csv(orgId: string, cookie: string, query = "") {
  const response = (await responseOf(() =>
    clientCsv({ request: getRequest(`/client/${orgId}/audit-trail.csv${query}`, cookie), params: { orgId }, context: testContext }),
  )) as Response;
  return { response, rows: parseCsv(await response.text()) };
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe("audit trail page", () => {
  it("shows only the organization's own events, newest first, with the actor's name", async () => {
    const a = await member("client", "admin", undefined, "Anna Admin");
    const b = await member("client", "admin");
    const ownIds = [
      await record(a.orgId, "partnership.created", { actorUserId: a.user.id, entityType: "partnership", summary: { vendor: "Noord" } }),
      await record(a.orgId, "membership.created", { actorUserId: a.user.id, entityType: "user", summary: { role: "viewer" } }),
    ];
    const foreignId = await record(b.orgId, "partnership.created", { actorUserId: b.user.id, summary: { vendor: "secret-of-b" } });
    const data = await page(a.orgId, a.cookie);
    expect(data.events.map((e) => e.id)).toEqual([...ownIds].reverse());
    expect(data.total).toBe(2);
    expect(JSON.stringify(data)).not.toContain("secret-of-b");
    expect(data.events.map((e) => e.id)).not.toContain(foreignId);
    expect(data.events[0]).toMatchObject({
      actorName: "Anna Admin",
      action: "membership.created",
      entityType: "user",
      ipAddress: "198.51.100.20",
      summary: [{ key: "role", value: "viewer" }],
    });
    // A view model: no hashes, no user agents.
    expect(Object.keys(data.events[0])).not.toContain("hash");
    expect(Object.keys(data.events[0])).not.toContain("userAgent");
    expect(data.options.actors).toEqual([{ id: a.user.id, name: "Anna Admin" }]);
    expect(data.options.actions).toEqual(["membership.created", "partnership.created"]);
    expect(data.canExport).toBe(true);
  });

  it("answers 404 for another organization's trail and 403 for a role without the right", async () => {
    const a = await member("client", "admin");
    const b = await member("client", "admin");
    const reviewer = await member("client", "reviewer", a.orgId);
    expect(await statusOf(() => page(b.orgId, a.cookie))).toBe(404);
    expect(await statusOf(() => page(a.orgId, reviewer.cookie))).toBe(403);
    expect(await statusOf(() => csv(b.orgId, a.cookie).then((r) => r.response))).toBe(404);
  });

  it("serves each side under its own URL only", async () => {
    const vendor = await member("vendor", "admin");
    await record(vendor.orgId, "organization.created");
    const data = await vendorTrail({
      request: getRequest(`/vendor/${vendor.orgId}/audit-trail`, vendor.cookie),
      params: { orgId: vendor.orgId },
      context: testContext,
    });
    expect(data.total).toBe(1);
    expect(await statusOf(() => page(vendor.orgId, vendor.cookie))).toBe(404);
  });

  it("filters by action, actor, entity type and free text in the summary", async () => {
    const a = await member("client", "admin", undefined, "Anna");
    const m = await member("client", "manager", a.orgId, "Mark");
    await record(a.orgId, "partnership.created", { actorUserId: a.user.id, entityType: "partnership", summary: { vendor: "KlantContact Noord" } });
    await record(a.orgId, "partnership.created", { actorUserId: m.user.id, entityType: "partnership", summary: { vendor: "ServicePlein" } });
    await record(a.orgId, "membership.created", { actorUserId: m.user.id, entityType: "user", summary: { email: "x@noord.example", role: "viewer" } });
    await record(a.orgId, "invitation.created", { actorUserId: a.user.id, entityType: "invitation", summary: { note: "100%_done" } });

    expect((await page(a.orgId, a.cookie, "?action=partnership.created")).total).toBe(2);
    expect((await page(a.orgId, a.cookie, `?actor=${m.user.id}`)).total).toBe(2);
    expect((await page(a.orgId, a.cookie, `?actor=${m.user.id}&action=partnership.created`)).events[0].summary).toEqual([
      { key: "vendor", value: "ServicePlein" },
    ]);
    expect((await page(a.orgId, a.cookie, "?entityType=user")).total).toBe(1);
    expect((await page(a.orgId, a.cookie, "?q=NOORD")).total).toBe(2);
    // Only values are searched, not keys; LIKE wildcards are taken literally.
    expect((await page(a.orgId, a.cookie, "?q=vendor")).total).toBe(0);
    expect((await page(a.orgId, a.cookie, "?q=%25_")).total).toBe(1);
    expect((await page(a.orgId, a.cookie, "?q=0%25")).total).toBe(1);
    expect((await page(a.orgId, a.cookie, "?q=%25")).total).toBe(1);
  });

  it("filters by calendar dates in Amsterdam time", async () => {
    const a = await member("client", "admin");
    // 22:30 UTC on 9 March is 23:30 in Amsterdam; 23:30 UTC is already 10 March there.
    const late9th = await record(a.orgId, "organization.created", { at: "2024-03-09T22:30:00Z" });
    const early10th = await record(a.orgId, "organization.created", { at: "2024-03-09T23:30:00Z" });
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam.
    const july1st = await record(a.orgId, "organization.created", { at: "2024-06-30T22:30:00Z" });
    const ids = async (query: string) => (await page(a.orgId, a.cookie, query)).events.map((e) => e.id);
    expect(await ids("?to=2024-03-09")).toEqual([late9th]);
    expect(await ids("?from=2024-03-10&to=2024-03-10")).toEqual([early10th]);
    expect(await ids("?from=2024-03-10")).toEqual([july1st, early10th]);
    expect(await ids("?from=2024-07-01&to=2024-07-01")).toEqual([july1st]);
    expect(await ids("?from=2024-06-30&to=2024-06-30")).toEqual([]);
  });

  it("ignores bad filter input, explaining typed mistakes, and never fails", async () => {
    const a = await member("client", "admin");
    await record(a.orgId, "organization.created");
    await record(a.orgId, "membership.created");
    const data = await page(
      a.orgId,
      a.cookie,
      `?from=2024-02-30&to=not-a-date&action=${encodeURIComponent("x'; drop table audit_events; --")}&actor=nobody&entityType=%00&before=abc&q=${"y".repeat(300)}`,
    );
    expect(data.total).toBe(2);
    expect(data.events).toHaveLength(2);
    expect(data.filter).toEqual({});
    expect(data.problems).toEqual({ from: "validation.date", to: "validation.date", q: "validation.tooLong" });
    const reversed = await page(a.orgId, a.cookie, "?from=2024-05-01&to=2024-04-01");
    expect(reversed.problems).toEqual({ to: "validation.dateOrder" });
    expect(reversed.filter).toEqual({ from: "2024-05-01" });
  });

  it("pages by id, 50 at a time, both ways", async () => {
    const a = await member("client", "admin");
    const ids: number[] = [];
    for (let i = 0; i < 120; i++) ids.push(await record(a.orgId, "membership.created", { summary: { n: i } }));
    const newestFirst = [...ids].reverse();

    const first = await page(a.orgId, a.cookie);
    expect(first.total).toBe(120);
    expect(first.events.map((e) => e.id)).toEqual(newestFirst.slice(0, 50));
    expect(first).toMatchObject({ isFirstPage: true, newerCursor: null, olderCursor: newestFirst[49] });

    const second = await page(a.orgId, a.cookie, `?before=${first.olderCursor}`);
    expect(second.events.map((e) => e.id)).toEqual(newestFirst.slice(50, 100));
    expect(second).toMatchObject({ isFirstPage: false, newerCursor: newestFirst[50], olderCursor: newestFirst[99] });

    const third = await page(a.orgId, a.cookie, `?before=${second.olderCursor}`);
    expect(third.events.map((e) => e.id)).toEqual(newestFirst.slice(100));
    expect(third.olderCursor).toBeNull();

    const backToFirst = await page(a.orgId, a.cookie, `?after=${second.newerCursor}`);
    expect(backToFirst.events.map((e) => e.id)).toEqual(newestFirst.slice(0, 50));
    expect(backToFirst.isFirstPage).toBe(true);

    const beyond = await page(a.orgId, a.cookie, `?before=${ids[0]}`);
    expect(beyond.events).toEqual([]);
    expect(beyond.isFirstPage).toBe(false);
  });
});

describe("audit trail CSV export", () => {
  it("streams the filtered events with raw columns and hashes that can be re-verified", async () => {
    const org = await createOrganization(db(), "client", { name: "Énergie & Zoon B.V." });
    const a = await member("client", "manager", org.id, "=HYPERLINK(\"http://evil.example\")");
    const b = await member("client", "admin");
    await record(org.id, "partnership.created", { actorUserId: a.user.id, summary: { vendor: "Noord, \"Groningen\"", tier: 3, sites: ["A", "B"] } });
    await record(org.id, "membership.created", { actorUserId: a.user.id, summary: { role: "viewer" } });
    await record(b.orgId, "partnership.created", { summary: { vendor: "secret-of-b" } });

    const { response, rows } = await csv(org.id, a.cookie, "?action=partnership.created");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="audit-trail-energie-zoon-b-v-${day}.csv"`);

    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Object.keys(row)).toEqual([
      "id", "created_at", "organization_id", "actor_user_id", "actor_name", "actor_label", "action", "entity_type",
      "entity_id", "summary", "ip_address", "user_agent", "prev_hash", "hash", "hashed_payload",
    ]);
    expect(row).toMatchObject({ organization_id: org.id, actor_user_id: a.user.id, action: "partnership.created", ip_address: "198.51.100.20" });
    // A name that a spreadsheet would run as a formula is defused (it is not part of the hash).
    expect(row.actor_name).toBe("'=HYPERLINK(\"http://evil.example\")");
    // What an auditor does offline: the hash is the SHA-256 of hashed_payload, whose fields are the row's.
    expect(createHash("sha256").update(row.hashed_payload).digest("hex")).toBe(row.hash);
    expect(JSON.parse(row.hashed_payload)).toMatchObject({
      organizationId: row.organization_id,
      actorUserId: row.actor_user_id,
      action: row.action,
      prevHash: row.prev_hash,
      createdAt: row.created_at,
      summary: JSON.parse(row.summary),
    });
    expect(JSON.parse(row.summary)).toEqual({ vendor: "Noord, \"Groningen\"", tier: 3, sites: ["A", "B"] });
  });

  it("defuses a user agent or typed e-mail that a spreadsheet would run as a formula", async () => {
    const a = await member("client", "admin");
    await db().transaction((tx) =>
      recordAuditEvent(tx, { actorUserId: null, actorLabel: "@SUM(1+1)", ipAddress: null, userAgent: "=cmd|' /C calc'!A0" }, {
        organizationId: a.orgId,
        action: "auth.sign_in_failed",
        entityType: "user",
      }),
    );
    const { rows } = await csv(a.orgId, a.cookie, "?action=auth.sign_in_failed");
    expect(rows[0].user_agent).toBe("'=cmd|' /C calc'!A0");
    expect(rows[0].actor_label).toBe("'@SUM(1+1)");
    expect(rows[0].hashed_payload.startsWith("{")).toBe(true);
  });

  it("records the export in the trail, after the rows it exported", async () => {
    const a = await member("client", "admin");
    await record(a.orgId, "organization.created");
    const { rows } = await csv(a.orgId, a.cookie, "?q=nothing-matches-this");
    expect(rows).toEqual([]);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, a.orgId), eq(auditEvents.action, "audit_trail.exported")));
    expect(event).toMatchObject({ actorUserId: a.user.id, entityType: "organization", entityId: a.orgId, ipAddress: "203.0.113.10" });
    expect(event.summary).toEqual({ format: "csv", events: 0, q: "nothing-matches-this" });
    const again = await csv(a.orgId, a.cookie);
    expect(again.rows.map((r) => r.action)).toEqual(["organization.created", "audit_trail.exported"]);
  });

  it("exports a long trail completely, oldest first", async () => {
    const a = await member("client", "admin");
    for (let i = 0; i < 260; i++) await record(a.orgId, "membership.created", { summary: { n: i } });
    const { rows } = await csv(a.orgId, a.cookie);
    expect(rows).toHaveLength(260);
    expect(rows.map((r) => JSON.parse(r.summary).n)).toEqual(Array.from({ length: 260 }, (_, i) => i));
  });

  it("serves the vendor side's export to the vendor admin only", async () => {
    const vendor = await member("vendor", "admin");
    const responder = await member("vendor", "responder", vendor.orgId);
    await record(vendor.orgId, "organization.created");
    const run = (cookie: string) =>
      responseOf(() =>
        vendorCsv({ request: getRequest(`/vendor/${vendor.orgId}/audit-trail.csv`, cookie), params: { orgId: vendor.orgId }, context: testContext }),
      ) as Promise<Response>;
    const ok = await run(vendor.cookie);
    expect(ok.status).toBe(200);
    expect(parseCsv(await ok.text())).toHaveLength(1);
    expect((await run(responder.cookie)).status).toBe(403);
  });
});

describe("a user in two organizations", () => {
  it("sees each organization's trail under its own id only", async () => {
    const a = await member("client", "admin");
    const other = await createOrganization(db(), "client");
    await addMembership(db(), a.user.id, other.id, "reviewer");
    await record(other.id, "organization.created", { summary: { name: "other-org-event" } });
    expect(JSON.stringify(await page(a.orgId, a.cookie))).not.toContain("other-org-event");
    expect(await statusOf(() => page(other.id, a.cookie))).toBe(403);
  });
});
