import { addDays, daysBetween } from "~/utils/calendar-date";

/** How close to its end a document's validity is: drives badges, reminders and scoring. */
export type ExpiryState = "none" | "valid" | "expiring" | "expired";

/** Reminders go out this many days before a document expires. */
export const EXPIRY_REMINDER_DAYS = [30, 7, 1] as const;

/**
 * A document valid until D is valid on D itself and expired from the day after. "Expiring" is
 * the last 30 days. Dates are calendar dates (YYYY-MM-DD) in the display zone.
 */
export function expiryState(validUntil: string | null, today: string): ExpiryState {
  if (!validUntil) return "none";
  if (validUntil < today) return "expired";
  if (validUntil <= addDays(today, EXPIRY_REMINDER_DAYS[0])) return "expiring";
  return "valid";
}

/** The reminder due today, if any: the smallest threshold the remaining days have reached. */
export function reminderDue(validUntil: string, today: string): number | null {
  if (validUntil < today) return null;
  const daysLeft = daysBetween(today, validUntil);
  const reached = EXPIRY_REMINDER_DAYS.filter((d) => daysLeft <= d);
  return reached.length ? Math.min(...reached) : null;
}
