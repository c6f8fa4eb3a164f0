import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate, subtractMonths } from "~/utils/calendar-date";

describe("isIsoDate", () => {
  it.each([
    ["2025-06-15", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2025-02-29", false],
    ["2025-04-31", false],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-6-15", false],
    ["2025-06-15T00:00:00Z", false],
    ["", false],
    [20250615, false],
    [null, false],
  ])("%s -> %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("subtractMonths", () => {
  it.each([
    ["2025-06-15", 12, "2024-06-15"],
    ["2025-06-15", 0, "2025-06-15"],
    ["2025-03-31", 1, "2025-02-28"],
    ["2024-03-31", 1, "2024-02-29"],
    ["2025-01-15", 1, "2024-12-15"],
    ["2025-05-31", 6, "2024-11-30"],
    ["2025-06-15", 120, "2015-06-15"],
    ["0001-03-01", 24, "0001-01-01"],
  ])("%s minus %i months is %s", (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });

  it("refuses what is not a date or a whole number of months", () => {
    expect(() => subtractMonths("2025-02-30", 1)).toThrow(RangeError);
    expect(() => subtractMonths("2025-02-01", 1.5)).toThrow(RangeError);
    expect(() => subtractMonths("2025-02-01", -1)).toThrow(RangeError);
  });

  it("always gives a valid date that is not later than the input", () => {
    const day = fc.date({ min: new Date("1970-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 240 }), (date, months) => {
        const earlier = subtractMonths(date, months);
        expect(isIsoDate(earlier)).toBe(true);
        expect(earlier <= date).toBe(true);
      }),
    );
  });
});
