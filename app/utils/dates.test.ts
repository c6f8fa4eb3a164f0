import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, isCalendarDate, todayInDisplayZone } from "./dates";

describe("isCalendarDate", () => {
  it.each(["2024-02-29", "1900-01-01", "9999-12-31"])("accepts %s", (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });
  // Year 0000 passes a naive check and then makes PostgreSQL fail the whole request.
  it.each(["0000-01-01", "1899-12-31", "2025-02-29", "2025-13-01", "2025-1-1", "01-01-2025", ""])("refuses %s", (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe("dates in the Netherlands", () => {
  it("takes today's date in Amsterdam, not the server's zone", () => {
    expect(todayInDisplayZone(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
  it("formats times in Europe/Amsterdam per locale", () => {
    const summer = new Date("2026-07-01T10:00:00Z");
    expect(formatDateTime(summer, "nl")).toContain("12:00");
    expect(formatDateTime(summer, "en")).toContain("12:00");
  });
  it("does not shift a calendar date across zones", () => {
    expect(formatCalendarDate("2026-03-01", "nl")).toBe("1 mrt 2026");
    expect(formatCalendarDate("2026-03-01", "en")).toBe("1 Mar 2026");
  });
});
