/** All times are shown in the Netherlands' zone, whatever the server's or browser's zone is. */
export const DISPLAY_TIME_ZONE = "Europe/Amsterdam";

const tag = (locale: string) => (locale === "nl" ? "nl-NL" : "en-GB");

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: DISPLAY_TIME_ZONE })).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  return cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: DISPLAY_TIME_ZONE }),
  ).format(new Date(value));
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  return cached(`number:${locale}`, () => new Intl.NumberFormat(tag(locale))).format(value);
}

/** A calendar date (yyyy-mm-dd, no time) formatted without shifting it across zones. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return "";
  return cached(`calendar:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "UTC" })).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/**
 * A real calendar date (yyyy-mm-dd) between 1900 and 9999: what a person may type into a date
 * field, and nothing PostgreSQL's date type would refuse.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// en-CA formats as yyyy-mm-dd. Made once: building an Intl formatter costs more than using it.
const isoDayInDisplayZone = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in the Netherlands (yyyy-mm-dd), whatever the server's zone. */
export function todayInDisplayZone(now: Date = new Date()): string {
  return isoDayInDisplayZone.format(now);
}
