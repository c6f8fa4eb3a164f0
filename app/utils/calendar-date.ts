/**
 * Calendar dates as ISO strings ("2025-03-31"): no clock and no time zone, so the same answer
 * means the same day on every server, and two dates compare correctly as plain strings.
 * Pure code never asks for "today"; callers pass it in.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (value: number, length: number) => String(value).padStart(length, "0");

/** True for a real calendar day written as YYYY-MM-DD (so "2025-02-30" is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The same day `months` months earlier, clamped to the end of a shorter month: 31 March minus
 * one month is 28 (or 29) February. Used for "not older than N months".
 */
export function subtractMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`not a whole number of months: ${months}`);
  const [year, month, day] = date.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (targetYear < 1) return "0001-01-01";
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/**
 * The same day `months` months later, clamped to the end of a shorter month: 31 January plus
 * one month is 28 (or 29) February; 29 February 2024 plus twelve months is 28 February 2025.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
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
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
