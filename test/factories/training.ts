import type { Executor } from "#db/client.server";
import { trainingAttestations, trainingRequirements, trainingRosterEntries } from "#db/schema/index";

/**
 * Training requirements and attestations for tests and demo data, written directly (no
 * notifications, no audit events): for tests that need them to exist, not to test creating them.
 */
export async function createTrainingRequirement(
  executor: Executor,
  clientOrgId: string,
  overrides: Partial<typeof trainingRequirements.$inferInsert> = {},
) {
  const [row] = await executor
    .insert(trainingRequirements)
    .values({
      clientOrgId,
      topic: "avg_basics",
      title: "",
      frequencyMonths: 12,
      minimumCoveragePercent: 95,
      appliesToRoles: ["agent", "team_lead"],
      appliesToPartnershipIds: null,
      ...overrides,
    })
    .returning();
  return row;
}

export async function createTrainingAttestation(
  executor: Executor,
  partnershipId: string,
  requirementId: string,
  overrides: Partial<typeof trainingAttestations.$inferInsert> = {},
  roster: Omit<typeof trainingRosterEntries.$inferInsert, "attestationId">[] = [],
) {
  const [row] = await executor
    .insert(trainingAttestations)
    .values({
      partnershipId,
      requirementId,
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      agentsInScope: 100,
      agentsTrained: 97,
      firstCompletionDate: "2026-01-05",
      lastCompletionDate: "2026-01-30",
      trainingProvider: "Test Academy",
      passMarkPercent: 70,
      attestingOfficerName: "Officer",
      attestingOfficerRole: "Compliance officer",
      coveragePercent: 97,
      hasRoster: roster.length > 0,
      ...overrides,
    })
    .returning();
  if (roster.length) await executor.insert(trainingRosterEntries).values(roster.map((r) => ({ ...r, attestationId: row.id })));
  return row;
}
