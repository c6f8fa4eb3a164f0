import { isIsoDate, type IsoDate } from "../calendar-date";

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

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
const pad = (value: number, length: number) => String(value).padStart(length, "0");

function assertDate(date: IsoDate) {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
}

/**
 * The same day `months` months later, clamped to the end of a shorter month: 31 January plus
 * one month is 28 (or 29) February; 29 February 2024 plus twelve months is 28 February 2025.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertDate(date);
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`not a whole number of months: ${months}`);
  const [year, month, day] = date.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (targetYear > 9999) throw new RangeError(`date out of range: ${date} + ${months} months`);
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/** The day `days` days later (or earlier, for a negative number). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
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
