import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { organizations, partnerships, users } from "./orgs";

/**
 * A training requirement a client sets for its contact centers: a topic, how often it must be
 * repeated, the minimum share of agents trained, and where it applies.
 */
export const trainingRequirements = pgTable(
  "training_requirements",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** A topic from the catalogue (app/domain/training), or "custom" with a title of its own. */
    topic: text().notNull(),
    title: text().notNull(),
    description: text(),
    frequencyMonths: smallint().notNull(),
    minimumCoveragePercent: smallint().notNull(),
    /** Vendor roles in scope (agent, team_lead, qa, it, manager). */
    appliesToRoles: jsonb().$type<string[]>().notNull(),
    /** Null: every partnership of the client; otherwise only these. */
    appliesToPartnershipIds: jsonb().$type<string[] | null>(),
    /** Data minimisation: rosters with agent names are refused unless this is set. */
    namesRequired: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    lockVersion: integer().notNull().default(1),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("training_requirements_client_idx").on(t.clientOrgId),
    check("training_requirements_frequency_check", sql`${t.frequencyMonths} between 1 and 60`),
    check("training_requirements_coverage_check", sql`${t.minimumCoveragePercent} between 0 and 100`),
  ],
);

/**
 * A vendor's attestation for one requirement and one partnership over a period: how many agents
 * were in scope and trained, signed off by an officer. A newer attestation supersedes; all stay.
 */
export const trainingAttestations = pgTable(
  "training_attestations",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    requirementId: uuid()
      .notNull()
      .references(() => trainingRequirements.id, { onDelete: "cascade" }),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    agentsInScope: integer().notNull(),
    agentsTrained: integer().notNull(),
    /** Earliest and latest completion date among the trained agents. */
    firstCompletionDate: date(),
    lastCompletionDate: date(),
    trainingProvider: text().notNull(),
    passMarkPercent: smallint(),
    attestingOfficerName: text().notNull(),
    attestingOfficerRole: text().notNull(),
    /** Coverage (0..100, one decimal) as computed when attested. */
    coveragePercent: numeric({ precision: 4, scale: 1, mode: "number" }).notNull(),
    /** Set when the counts came from a roster file rather than typed in. */
    hasRoster: boolean().notNull().default(false),
    attestedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    attestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_attestations_partnership_idx").on(t.partnershipId, t.requirementId, t.attestedAt),
    check("training_attestations_counts_check", sql`${t.agentsInScope} >= 0 and ${t.agentsTrained} >= 0 and ${t.agentsTrained} <= ${t.agentsInScope}`),
    check("training_attestations_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** One row of an attestation's roster: a pseudonymous agent and one course completion. */
export const trainingRosterEntries = pgTable(
  "training_roster_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    attestationId: uuid()
      .notNull()
      .references(() => trainingAttestations.id, { onDelete: "cascade" }),
    agentRef: text().notNull(),
    agentName: text(),
    role: text().notNull(),
    course: text().notNull(),
    courseVersion: text(),
    completionDate: date(),
    scorePercent: smallint(),
  },
  (t) => [
    index("training_roster_entries_attestation_idx").on(t.attestationId),
    uniqueIndex("training_roster_entries_agent_idx").on(t.attestationId, t.agentRef, t.course),
  ],
);
