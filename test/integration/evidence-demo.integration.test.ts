import { text } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findVendorEvidence } from "#db/queries/evidence";
import { organizations, users } from "#db/schema/index";
import { seedDemoData } from "#db/seed/demo";
import { expiryState } from "~/domain/evidence/expiry";
import { storage } from "~/storage/storage.server";
import { todayInDisplayZone } from "~/utils/dates";
import { db } from "../helpers";

describe("demo evidence", () => {
  it("gives KlantContact Noord valid, expiring, expired and open-ended documents whose files can be read", async () => {
    const hasDemoData = async () => (await db().select({ id: users.id }).from(users).where(eq(users.email, "anna.devries@voltera.example"))).length > 0;
    if (!(await hasDemoData())) {
      await seedDemoData(db()).catch(async (error) => {
        if (!(await hasDemoData())) throw error;
      });
    }
    // Another test file may be seeding at the same moment: wait for its documents.
    let items: Awaited<ReturnType<typeof findVendorEvidence>> = [];
    await expect
      .poll(
        async () => {
          const [vendor] = await db().select().from(organizations).where(eq(organizations.name, "KlantContact Noord B.V."));
          items = vendor ? await findVendorEvidence(db(), vendor.id) : [];
          return items.length;
        },
        { timeout: 15_000 },
      )
      .toBe(4);
    const today = todayInDisplayZone();
    expect(items.map((i) => expiryState(i.validUntil, today)).sort()).toEqual(["expired", "expiring", "none", "valid"]);
    for (const item of items) {
      const content = await text(await storage().read(item.sha256));
      expect(content.startsWith("%PDF-1.4")).toBe(true);
      expect(content.trimEnd().endsWith("%%EOF")).toBe(true);
    }
  });
});
