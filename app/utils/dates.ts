/** All times are shown in the Netherlands' zone, whatever the server's or browser's zone is. */
export const DISPLAY_TIME_ZONE = "Europe/Amsterdam";

const tag = (locale: string) => (locale === "nl" ? "nl-NL" : "en-GB");

export function formatDate(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: "medium",
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(tag(locale)).format(value);
}

/** A calendar date (yyyy-mm-dd, no time) formatted without shifting it across zones. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}
