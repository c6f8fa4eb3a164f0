import { addDays, addMonths, isIsoDate, type IsoDate } from "~/utils/calendar-date";

/**
 * The pure rules of training requirements and attestations: the topic catalogue, coverage, and
 * the status of one partnership against one requirement on a given day. No clock: callers pass
 * "today" (a calendar date in the display zone).
 */

/** The catalogue of topics (REFERENCE.md §7, §8.4); "custom" carries a title of its own. */
export const TRAINING_TOPICS = ["avg_basics", "client_instructions", "telemarketing_code", "security_awareness", "custom"] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export const isTrainingTopic = (value: unknown): value is TrainingTopic =>
  typeof value === "string" && (TRAINING_TOPICS as readonly string[]).includes(value);

/** The vendor roles a requirement can apply to (REFERENCE.md §8.4 attestation record). */
export const TRAINING_ROLES = ["agent", "team_lead", "qa", "it", "manager"] as const;
export type TrainingRole = (typeof TRAINING_ROLES)[number];
export const isTrainingRole = (value: unknown): value is TrainingRole =>
  typeof value === "string" && (TRAINING_ROLES as readonly string[]).includes(value);

export const FREQUENCY_MONTHS = { min: 1, max: 60 } as const;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2_000;
export const TEXT_MAX = 200;
/** An attestation is "due soon" this many days before it lapses; the reminder job uses it too. */
export const DUE_SOON_DAYS = 30;

/**
 * Coverage as a percentage with one decimal, rounded down, so 94.96 % never shows as (and never
 * passes a minimum of) 95 %. No agents in scope is 0: an attestation needs at least one.
 */
export function coveragePercent(agentsInScope: number, agentsTrained: number): number {
  if (!Number.isInteger(agentsInScope) || !Number.isInteger(agentsTrained) || agentsInScope <= 0 || agentsTrained <= 0) return 0;
  const trained = Math.min(agentsTrained, agentsInScope);
  return Math.floor((trained * 1000) / agentsInScope) / 10;
}

/** The facts of an attestation that its status depends on. */
export interface AttestationFacts {
  periodEnd: IsoDate;
  /** The earliest completion among the agents counted as trained; null when none were. */
  firstCompletionDate: IsoDate | null;
  coveragePercent: number;
}

/**
 * The last day an attestation holds. Training is valid for `frequencyMonths` from its
 * completion (PCI DSS 12.6.3: a per-person 12-month clock), so the coverage attested holds until
 * the OLDEST counted completion expires: first completion + frequency. Without any completion
 * (nobody trained) the period's end is the basis.
 */
export function attestationValidUntil(facts: Pick<AttestationFacts, "periodEnd" | "firstCompletionDate">, frequencyMonths: number): IsoDate {
  return addMonths(facts.firstCompletionDate ?? facts.periodEnd, frequencyMonths);
}

export type TrainingStatus = "missing" | "ok" | "due_soon" | "below_minimum" | "lapsed";

/** Worst first: the order a list of statuses is summarised in. */
export const STATUS_SEVERITY: Record<TrainingStatus, number> = { lapsed: 4, missing: 3, below_minimum: 2, due_soon: 1, ok: 0 };

export interface StatusResult {
  status: TrainingStatus;
  validUntil: IsoDate | null;
}

/**
 * The status of a partnership against a requirement, from its latest attestation:
 * - missing: never attested;
 * - lapsed: today is after the attestation's valid-until day (see {@link attestationValidUntil});
 * - below_minimum: current, but the coverage attested is under the requirement's minimum;
 * - due_soon: current and sufficient, but it lapses within {@link DUE_SOON_DAYS} days;
 * - ok: otherwise.
 * A lapsed attestation is lapsed whatever its coverage: old coverage proves nothing today.
 */
export function trainingStatus(
  latest: AttestationFacts | null,
  requirement: { frequencyMonths: number; minimumCoveragePercent: number },
  today: IsoDate,
): StatusResult {
  if (!latest) return { status: "missing", validUntil: null };
  const validUntil = attestationValidUntil(latest, requirement.frequencyMonths);
  if (validUntil < today) return { status: "lapsed", validUntil };
  if (latest.coveragePercent < requirement.minimumCoveragePercent) return { status: "below_minimum", validUntil };
  if (validUntil <= addDays(today, DUE_SOON_DAYS)) return { status: "due_soon", validUntil };
  return { status: "ok", validUntil };
}

/** Whether a completion on `completionDate` still counts on `onDate` for a given frequency. */
export function isCompletionCurrent(completionDate: IsoDate, onDate: IsoDate, frequencyMonths: number): boolean {
  if (!isIsoDate(completionDate) || completionDate > onDate) return false;
  return addMonths(completionDate, frequencyMonths) >= onDate;
}

/** Whether a requirement applies to a partnership (null: all of the client's partnerships). */
export function appliesToPartnership(appliesToPartnershipIds: readonly string[] | null, partnershipId: string): boolean {
  return appliesToPartnershipIds === null || appliesToPartnershipIds.includes(partnershipId);
}

/**
 * Compares course versions the way people write them ("1.10" after "1.9", "2024-2" after
 * "2024-1"): numeric parts as numbers, the rest as text.
 */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}
