import { addDays, daysBetween } from "~/utils/calendar-date";

/**
 * The life of a processor agreement. Pure: what each status allows, what an agreement shows as
 * on a given day, and which reminders are due.
 */
export const AGREEMENT_STATUSES = [
  "draft",
  "sent",
  "changes_requested",
  "signed_by_vendor",
  "in_force",
  "superseded",
  "expired",
  "terminated",
] as const;

export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Statuses in which the two sides are still negotiating the text. */
export const OPEN_STATUSES: readonly AgreementStatus[] = ["sent", "changes_requested", "signed_by_vendor"];

/** The vendor may sign a sent text, also after asking for changes (the client may not issue any). */
export const canVendorSign = (status: AgreementStatus) => status === "sent" || status === "changes_requested";
export const canClientCountersign = (status: AgreementStatus) => status === "signed_by_vendor";
/** Comments are possible while the text is open, on both sides. */
export const canCommentOn = (status: AgreementStatus) => OPEN_STATUSES.includes(status);
/** A new version replaces an open agreement (the old one becomes superseded). */
export const canIssueNewVersion = (status: AgreementStatus) => OPEN_STATUSES.includes(status) || status === "in_force";
export const canTerminate = (status: AgreementStatus) => status === "in_force";

/** Days before the end date at which both sides are reminded. */
export const REMINDER_DAYS = [60, 30, 7] as const;
/** An agreement in force shows as "expiring" within this many days of its end date. */
export const EXPIRING_WITHIN_DAYS = 60;

export type AgreementHealth = "none" | "expiring" | "lapsed";

/**
 * How an agreement looks on `today`: an agreement in force whose end date has passed has lapsed
 * (even before the daily job marks it expired); one that ends within 60 days is expiring.
 */
export function agreementHealth(status: AgreementStatus, endDate: string | null, today: string): AgreementHealth {
  if (status === "expired") return "lapsed";
  if (status !== "in_force" || !endDate) return "none";
  if (endDate < today) return "lapsed";
  return daysBetween(today, endDate) <= EXPIRING_WITHIN_DAYS ? "expiring" : "none";
}

/** Whether an agreement in force has passed its end date on `today` (the last day still counts). */
export const isPastEndDate = (endDate: string | null, today: string) => endDate !== null && endDate < today;

/**
 * The reminders due on `today` for an agreement ending on `endDate` that have not been sent yet.
 * A late run catches up with only the nearest one (a 60-day reminder on day 20 is pointless).
 */
export function dueReminders(endDate: string, today: string, alreadySent: readonly number[]): number[] {
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return [];
  const reached = REMINDER_DAYS.filter((days) => daysLeft <= days);
  if (reached.length === 0) return [];
  const nearest = Math.min(...reached);
  return alreadySent.includes(nearest) ? [] : [nearest];
}

/** The first day on which a reminder of `days` is due. */
export const reminderDate = (endDate: string, days: number) => addDays(endDate, -days);
