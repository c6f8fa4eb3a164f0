import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "#db/seed/demo";
import { organizations, users } from "#db/schema/index";
import * as clientList from "~/routes/client.$orgId.training._index";
import { db, getRequest, sessionCookieFor } from "../helpers";
import { call, type Handler } from "./requests-helpers";

describe("demo training data", () => {
  it("shows Voltera a partner at 97 %, one below the minimum and one that has not attested", { timeout: 180_000 }, async () => {
    const hasDemoData = async () => (await db().select({ id: users.id }).from(users).where(eq(users.email, "anna.devries@voltera.example"))).length > 0;
    if (!(await hasDemoData())) {
      // Another file may seed at the same moment; its rows serve as well as ours.
      await seedDemoData(db()).catch(async (error) => {
        if (!(await hasDemoData())) throw error;
      });
    }
    const [anna] = await db().select().from(users).where(eq(users.email, "anna.devries@voltera.example"));
    const [voltera] = await db().select().from(organizations).where(eq(organizations.name, "Voltera Energie B.V."));
    const result = await call(clientList.loader as Handler, getRequest(`/client/${voltera.id}/training`, await sessionCookieFor(anna.id)), { orgId: voltera.id });
    const body = result.body as {
      requirements: { id: string; topic: string }[];
      partnerships: { id: string; name: string }[];
      cells: Record<string, { applies: boolean; status: string | null; coveragePercent: number | null }>;
    };
    const requirement = (topic: string) => body.requirements.find((r) => r.topic === topic)!.id;
    const partner = (name: string) => body.partnerships.find((p) => p.name === name)!.id;
    const cell = (name: string, topic: string) => body.cells[`${partner(name)}:${requirement(topic)}`];
    expect(cell("KlantContact Noord B.V.", "avg_basics")).toMatchObject({ status: "ok", coveragePercent: 97 });
    expect(cell("ServicePlein Rotterdam B.V.", "avg_basics")).toMatchObject({ status: "below_minimum", coveragePercent: 82 });
    expect(cell("BackOffice Plus B.V.", "avg_basics")).toMatchObject({ status: "missing" });
    expect(cell("BackOffice Plus B.V.", "telemarketing_code")).toMatchObject({ applies: false });
    expect(cell("KlantContact Noord B.V.", "telemarketing_code")).toMatchObject({ applies: true, status: "due_soon" });
  });
});
