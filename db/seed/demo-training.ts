import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client.server";
import { organizations, partnerships, users } from "../schema/index";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { rosterCoverage, type RosterRow } from "~/domain/training/roster";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { createTrainingAttestation, createTrainingRequirement } from "../../test/factories/training";

/**
 * Demo training: Voltera requires GDPR (AVG) basics yearly at 95 % and security awareness yearly
 * at 90 % from every partner, and the telemarketing code for its outbound partner. KlantContact
 * Noord attested AVG basics with a roster (97 %), ServicePlein with typed counts at 82 % (below
 * the minimum), BackOffice Plus has not attested (missing). Runs after the core demo data.
 */
export async function seedDemoTraining(database: Database) {
  await database.transaction(async (tx) => {
    const rows = await tx
      .select({ id: partnerships.id, vendorName: organizations.name, clientOrgId: partnerships.clientOrgId, vendorOrgId: partnerships.vendorOrgId })
      .from(partnerships)
      .innerJoin(organizations, eq(organizations.id, partnerships.vendorOrgId))
      .where(inArray(organizations.name, ["KlantContact Noord B.V.", "ServicePlein Rotterdam B.V.", "BackOffice Plus B.V."]));
    const noord = rows.find((r) => r.vendorName === "KlantContact Noord B.V.");
    const plein = rows.find((r) => r.vendorName === "ServicePlein Rotterdam B.V.");
    if (!noord || !plein) return;
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ["anna.devries@voltera.example", "fatima.elamrani@klantcontactnoord.example", "eva.mulder@serviceplein.example"]));
    const userId = (email: string) => people.find((p) => p.email === email)?.id ?? null;
    const anna = userId("anna.devries@voltera.example");
    const today = todayInDisplayZone();
    const daysAgo = (days: number) => addDays(today, -days);
    /** A moment on the day `days` ago, at a UTC time. */
    const dayAt = (days: number, time: string) => new Date(`${daysAgo(days)}T${time}Z`);
    const seed = { actorLabel: "demo-seed", ipAddress: null, userAgent: null };
    const clientOrgId = noord.clientOrgId;

    const requirement = async (values: Parameters<typeof createTrainingRequirement>[2]) => {
      const row = await createTrainingRequirement(tx, clientOrgId, { createdByUserId: anna, ...values });
      await recordAuditEvent(tx, { actorUserId: anna, ...seed }, {
        organizationId: clientOrgId,
        action: "training_requirement.created",
        entityType: "training_requirement",
        entityId: row.id,
        summary: { topic: row.topic, title: row.title, frequencyMonths: row.frequencyMonths, minimumCoveragePercent: row.minimumCoveragePercent },
      });
      return row;
    };
    const avg = await requirement({
      topic: "avg_basics",
      description: "AVG-principes, verificatie van bellers, datalekken intern melden en verzoeken van betrokkenen.",
      frequencyMonths: 12,
      minimumCoveragePercent: 95,
      appliesToRoles: ["agent", "team_lead"],
    });
    const security = await requirement({
      topic: "security_awareness",
      description: "Phishing en social engineering (PCI DSS 12.6.3.1), clean desk, omgaan met betaalgegevens.",
      frequencyMonths: 12,
      minimumCoveragePercent: 90,
      appliesToRoles: ["agent", "team_lead", "qa", "it"],
    });
    const telemarketing = await requirement({
      topic: "telemarketing_code",
      description: "Code Telemarketing, opt-in sinds 1 juli 2021 (toestemming of klantrelatie) en het recht van verzet bij elk uitgaand gesprek.",
      frequencyMonths: 12,
      minimumCoveragePercent: 95,
      appliesToRoles: ["agent", "team_lead"],
      appliesToPartnershipIds: [noord.id],
    });

    const attest = async (
      partnership: typeof noord,
      req: { id: string; topic: string },
      officer: { userId: string | null; name: string; role: string },
      values: Parameters<typeof createTrainingAttestation>[3],
      roster: Parameters<typeof createTrainingAttestation>[4] = [],
    ) => {
      const row = await createTrainingAttestation(tx, partnership.id, req.id, { attestedByUserId: officer.userId, attestingOfficerName: officer.name, attestingOfficerRole: officer.role, ...values }, roster);
      await recordAuditEvent(tx, { actorUserId: officer.userId, ...seed }, {
        organizationId: partnership.vendorOrgId,
        action: "training.attested",
        entityType: "training_attestation",
        entityId: row.id,
        summary: { partnershipId: partnership.id, requirementId: req.id, topic: req.topic, coveragePercent: row.coveragePercent, hasRoster: row.hasRoster },
      });
      return row;
    };
    const fatima = { userId: userId("fatima.elamrani@klantcontactnoord.example"), name: "Fatima El Amrani", role: "Compliance officer" };
    const eva = { userId: userId("eva.mulder@serviceplein.example"), name: "Eva Mulder", role: "Teamleider kwaliteit" };

    // KlantContact Noord: last year's attestation (now history) and this year's roster at 97 %.
    await attest(noord, avg, fatima, {
      periodStart: daysAgo(430),
      periodEnd: daysAgo(370),
      agentsInScope: 96,
      agentsTrained: 91,
      coveragePercent: 94.7,
      firstCompletionDate: daysAgo(425),
      lastCompletionDate: daysAgo(372),
      trainingProvider: "Privacy Academy Noord",
      attestedAt: dayAt(369, "09:00:00"),
    });
    const roster: RosterRow[] = [];
    for (let i = 1; i <= 100; i++) {
      const trained = i <= 97;
      roster.push({
        line: i + 1,
        agentRef: `KCN-${String(1000 + i)}`,
        agentName: null,
        role: i % 12 === 0 ? "team_lead" : "agent",
        course: "AVG basis voor agents",
        courseVersion: "2026.1",
        completionDate: trained ? daysAgo(20 + (i % 40)) : null,
        scorePercent: trained ? 72 + (i % 28) : null,
      });
    }
    const coverage = rosterCoverage(roster, avg, 70, daysAgo(3));
    await attest(
      noord,
      avg,
      fatima,
      {
        periodStart: daysAgo(65),
        periodEnd: daysAgo(3),
        ...coverage,
        trainingProvider: "Privacy Academy Noord",
        passMarkPercent: 70,
        hasRoster: true,
        attestedAt: dayAt(2, "10:30:00"),
      },
      roster.map(({ line: _line, ...r }) => r),
    );
    await attest(noord, security, fatima, {
      periodStart: daysAgo(120),
      periodEnd: daysAgo(30),
      agentsInScope: 112,
      agentsTrained: 105,
      coveragePercent: 93.7,
      firstCompletionDate: daysAgo(118),
      lastCompletionDate: daysAgo(31),
      trainingProvider: "SecureMind e-learning",
      passMarkPercent: 80,
      attestedAt: dayAt(29, "14:00:00"),
    });
    await attest(noord, telemarketing, fatima, {
      periodStart: daysAgo(200),
      periodEnd: daysAgo(150),
      agentsInScope: 88,
      agentsTrained: 86,
      coveragePercent: 97.7,
      firstCompletionDate: daysAgo(345),
      lastCompletionDate: daysAgo(151),
      trainingProvider: "KSF Academie",
      passMarkPercent: 75,
      attestedAt: dayAt(149, "11:00:00"),
    });

    // ServicePlein: typed counts at 82 %, below Voltera's 95 %.
    await attest(plein, avg, eva, {
      periodStart: daysAgo(90),
      periodEnd: daysAgo(10),
      agentsInScope: 78,
      agentsTrained: 64,
      coveragePercent: 82,
      firstCompletionDate: daysAgo(88),
      lastCompletionDate: daysAgo(12),
      trainingProvider: "In-house (teamleiders)",
      passMarkPercent: null,
      attestedAt: dayAt(9, "16:00:00"),
    });
    // BackOffice Plus: nothing attested yet.
  });
}
