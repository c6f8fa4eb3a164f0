import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { auditEvents, users } from "#db/schema/index";
import { seedDemoData } from "#db/seed/demo";
import { verifyAuditChain } from "~/domain/audit/verify-chain.server";
import { db } from "../helpers";

const run = promisify(execFile);

/** `npm run audit:verify` against the test database; resolves with its exit code and output. */
async function auditVerifyCli(): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "db/cli/audit-verify.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), SMTP_URL: "", LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Writes to the append-only table past its trigger, as only an attacker with database access could. */
async function setSummaryBypassingTrigger(id: number, summary: Record<string, unknown>) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.update(auditEvents).set({ summary }).where(eq(auditEvents.id, id));
  });
}

describe("audit chain", () => {
  it("is intact after the demo data, names a tampered row, and the CLI agrees", { timeout: 180_000 }, async () => {
    const hasDemoData = async () =>
      (await db().select({ id: users.id }).from(users).where(eq(users.email, "anna.devries@voltera.example"))).length > 0;
    if (!(await hasDemoData())) {
      // Another file may seed at the same moment; its rows serve as well as ours.
      await seedDemoData(db()).catch(async (error) => {
        if (!(await hasDemoData())) throw error;
      });
    }

    const before = await verifyAuditChain(db());
    expect(before.ok, JSON.stringify(before.break)).toBe(true);

    // A known row: the demo client's creation.
    const [row] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "organization.created"), sql`${auditEvents.summary}->>'name' = 'Voltera Energie B.V.'`))
      .limit(1);
    expect(row).toBeDefined();

    // The trigger refuses an ordinary change.
    const refused = await db()
      .update(auditEvents)
      .set({ summary: { name: "Changed" } })
      .where(eq(auditEvents.id, row.id))
      .then(() => null, (error: Error) => error);
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/append-only/);

    try {
      await setSummaryBypassingTrigger(row.id, { ...row.summary, name: "Voltera Energie (tampered)" });

      const broken = await verifyAuditChain(db());
      expect(broken.ok).toBe(false);
      expect(broken.break).toEqual({ id: row.id, reason: "hash_mismatch" });

      const cli = await auditVerifyCli();
      expect(cli.code, cli.output).toBe(1);
      expect(cli.output).toContain(`#${row.id} (hash_mismatch)`);
    } finally {
      await setSummaryBypassingTrigger(row.id, row.summary);
    }

    expect((await verifyAuditChain(db())).ok).toBe(true);
    const restored = await auditVerifyCli();
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain("Audit trail intact");
  });
});
