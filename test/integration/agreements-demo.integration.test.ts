import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, agreementSignatures, organizations, partnerships, users } from "#db/schema/index";
import { seedDemoData } from "#db/seed/demo";
import { seedDemoAgreements } from "#db/seed/demo-agreements";
import { sha256Hex } from "~/domain/agreements/hash.server";
import { verifyHash } from "~/domain/agreements/verify.server";
import { storage } from "~/storage/storage.server";
import { db } from "../helpers";

describe("demo agreements", () => {
  it("has one agreement in force with KlantContact Noord (both signed, PDF stored) and one awaiting ServicePlein", async () => {
    const hasDemoData = async () => (await db().select({ id: users.id }).from(users).where(eq(users.email, "anna.devries@voltera.example"))).length > 0;
    if (!(await hasDemoData())) {
      await seedDemoData(db()).catch(async (error) => {
        if (!(await hasDemoData())) throw error;
      });
    }
    let rows: { status: string; vendor: string; id: string; pdfSha256: string | null; documentHash: string | null }[] = [];
    const demoAgreements = async () => {
      rows = await db()
        .select({ id: agreements.id, status: agreements.status, vendor: organizations.name, pdfSha256: agreements.pdfSha256, documentHash: agreements.documentHash })
        .from(agreements)
        .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
        .innerJoin(organizations, eq(organizations.id, partnerships.vendorOrgId));
      return rows.filter((r) => r.vendor === "KlantContact Noord B.V." || r.vendor === "ServicePlein Rotterdam B.V.").map((r) => `${r.vendor}: ${r.status}`).sort();
    };
    const expected = ["KlantContact Noord B.V.: in_force", "ServicePlein Rotterdam B.V.: sent"];
    // Another test file may be seeding at the same moment; if its run ended before the agreements
    // (a file's database closes when its tests are done), seed them here.
    try {
      await expect.poll(demoAgreements, { timeout: 8_000 }).toEqual(expected);
    } catch {
      await seedDemoAgreements(db()).catch(() => {});
      await expect.poll(demoAgreements, { timeout: 10_000 }).toEqual(expected);
    }
    // Other test files make agreements in force too: take the demo vendor's.
    const inForce = rows.find((r) => r.status === "in_force" && r.vendor === "KlantContact Noord B.V.")!;
    expect((await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, inForce.id))).map((s) => s.side).sort()).toEqual(["client", "vendor"]);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage().read(inForce.pdfSha256!)) chunks.push(chunk as Buffer);
    expect(sha256Hex(Buffer.concat(chunks))).toBe(inForce.pdfSha256);
    expect((await verifyHash(inForce.documentHash!)).result).toBe("valid");
  });
});
