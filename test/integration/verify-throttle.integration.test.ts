import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { throttleEvents } from "#db/schema/index";
import { allowVerifyAttempt, pruneThrottleEvents } from "~/domain/agreements/verify-throttle.server";
import { VERIFY_LIMIT } from "~/domain/agreements/verify-throttle";
import * as verify from "~/routes/verify";
import { db, getRequest, testContext } from "../helpers";

/** An address of its own per test, so tests (and other files) never share a count. */
const someIp = () => `198.51.100.${randomInt(1, 254)}-${randomInt(1e9)}`;

describe("the /verify throttle", () => {
  it("counts attempts per address in the database, refuses past the limit, and lets other addresses in", async () => {
    const limit = { perWindow: 3, windowMinutes: 10 };
    const ip = someIp();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await allowVerifyAttempt(ip, db(), limit));
    expect(outcomes).toEqual([true, true, true, false, false]);
    // Refused attempts are not counted.
    const counted = await db().select().from(throttleEvents).where(and(eq(throttleEvents.bucket, "verify"), eq(throttleEvents.key, ip)));
    expect(counted).toHaveLength(3);
    expect(await allowVerifyAttempt(someIp(), db(), limit)).toBe(true);
  });

  it("forgets attempts that left the window, and prunes those older than a day", async () => {
    const ip = someIp();
    await db().insert(throttleEvents).values([
      { bucket: "verify", key: ip, createdAt: sql`now() - interval '11 minutes'` as unknown as Date },
      { bucket: "verify", key: ip, createdAt: sql`now() - interval '2 days'` as unknown as Date },
    ]);
    expect(await allowVerifyAttempt(ip, db(), { perWindow: 1, windowMinutes: 10 })).toBe(true);
    expect(await pruneThrottleEvents(db())).toBeGreaterThanOrEqual(1);
    const left = await db().select().from(throttleEvents).where(eq(throttleEvents.key, ip));
    expect(left).toHaveLength(2);
  });

  it("answers 'busy' on the page once an address used up its checks", async () => {
    const context = { ...testContext, clientIp: someIp() };
    const check = () => verify.loader({ request: getRequest(`/verify?hash=${"ab".repeat(32)}`), params: {}, context });
    for (let i = 0; i < VERIFY_LIMIT.perWindow; i++) expect(await check()).toMatchObject({ answer: { result: "not_found" } });
    expect(await check()).toEqual({ error: "busy" });
  });
});
