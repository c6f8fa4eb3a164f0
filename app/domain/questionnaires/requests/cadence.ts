import { addDays, addMonths, isIsoDate, type IsoDate } from "~/utils/calendar-date";

export { addDays, addMonths };

/**
 * Recurring questionnaires ("cadences"): pure rules for when a template is sent to a
 * partnership again. Dates are ISO calendar days; callers pass "today" in.
 */

export const CADENCE_INTERVAL_MIN = 1;
export const CADENCE_INTERVAL_MAX = 60;
export const CADENCE_DUE_IN_DAYS_MIN = 1;
export const CADENCE_DUE_IN_DAYS_MAX = 365;
export const CADENCE_DUE_IN_DAYS_DEFAULT = 30;

export type RiskTier = 1 | 2 | 3;

/**
 * Our proposal for how often a partnership is reassessed, by inherent-risk tier, after the
 * domain reference (section 8.7): tier 1 annually, tier 2 every 18-24 months (we take 24),
 * tier 3 every 36 months. The client may choose any interval from 1 to 60 months.
 */
export const SUGGESTED_INTERVAL_MONTHS: Record<RiskTier, number> = { 1: 12, 2: 24, 3: 36 };

export function suggestedIntervalMonths(tier: number): number {
  return SUGGESTED_INTERVAL_MONTHS[tier as RiskTier] ?? SUGGESTED_INTERVAL_MONTHS[1];
}

export function isValidIntervalMonths(value: number): boolean {
  return Number.isInteger(value) && value >= CADENCE_INTERVAL_MIN && value <= CADENCE_INTERVAL_MAX;
}

export function isValidDueInDays(value: number): boolean {
  return Number.isInteger(value) && value >= CADENCE_DUE_IN_DAYS_MIN && value <= CADENCE_DUE_IN_DAYS_MAX;
}

function assertDate(date: IsoDate) {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
}

export interface CadenceSchedule {
  nextSendOn: IsoDate;
  intervalMonths: number;
}

/**
 * The next send date after a send on `today`: nextSendOn plus the interval, clamped to month
 * ends. Should the job not have run for longer than an interval, it moves on by whole intervals
 * until the date lies after today, so a missed period is not sent twice on consecutive days.
 * (A clamped date is what is stored, so a monthly cadence from 31 January continues on the
 * 28th after February; for the yearly intervals in use only 29 February is ever clamped.)
 */
export function nextSendOnAfterSend(cadence: CadenceSchedule, today: IsoDate): IsoDate {
  assertDate(today);
  if (!isValidIntervalMonths(cadence.intervalMonths)) throw new RangeError(`interval out of range: ${cadence.intervalMonths}`);
  let steps = 1;
  let next = addMonths(cadence.nextSendOn, cadence.intervalMonths);
  while (next <= today) {
    steps += 1;
    next = addMonths(cadence.nextSendOn, cadence.intervalMonths * steps);
  }
  return next;
}

/**
 * The first send date of a new or changed cadence: one interval after the last time this
 * template was sent to the partnership, but no earlier than tomorrow (the daily job runs in the
 * morning, so "today" could already have passed it).
 */
export function firstSendOn(input: { today: IsoDate; intervalMonths: number; lastSentOn: IsoDate | null }): IsoDate {
  const tomorrow = addDays(input.today, 1);
  if (!input.lastSentOn) return tomorrow;
  const afterLast = addMonths(input.lastSentOn, input.intervalMonths);
  return afterLast > tomorrow ? afterLast : tomorrow;
}

/** The due date of a request a cadence issues today. */
export function cadenceDueDate(today: IsoDate, dueInDays: number): IsoDate {
  return addDays(today, dueInDays);
}

export interface CadenceState {
  isActive: boolean;
  nextSendOn: IsoDate;
}

/** Whether a cadence should send on `today`: active and its date reached (or passed). */
export function isCadenceDue(cadence: CadenceState, today: IsoDate): boolean {
  assertDate(today);
  return cadence.isActive && cadence.nextSendOn <= today;
}

/** The cadences that should send on `today`. */
export function findDueCadences<T extends CadenceState>(cadences: readonly T[], today: IsoDate): T[] {
  return cadences.filter((cadence) => isCadenceDue(cadence, today));
}
