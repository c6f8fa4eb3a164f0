import type { i18n } from "i18next";
import { formatCalendarDate } from "~/utils/dates";

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats usable in strings. `{{dueDate, calendarDate}}` shows a yyyy-mm-dd parameter as a date
 * in the reader's language: notifications store their parameters once, and each person reads them
 * in their own language. Anything that is not such a date is shown as it is.
 */
export function addFormatters(instance: i18n) {
  instance.services.formatter?.add("calendarDate", (value: unknown, lng: string | undefined) =>
    typeof value === "string" && CALENDAR_DATE.test(value) ? formatCalendarDate(value, lng ?? "nl") : String(value ?? ""),
  );
}
