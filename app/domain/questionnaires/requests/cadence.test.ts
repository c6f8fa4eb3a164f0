import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  cadenceDueDate,
  findDueCadences,
  firstSendOn,
  isCadenceDue,
  isValidDueInDays,
  isValidIntervalMonths,
  nextSendOnAfterSend,
  suggestedIntervalMonths,
} from "./cadence";

describe("suggestedIntervalMonths", () => {
  it.each([
    [1, 12],
    [2, 24],
    [3, 36],
  ])("tier %i: every %i months", (tier, months) => {
    expect(suggestedIntervalMonths(tier)).toBe(months);
  });
});

describe("interval and days-to-answer bounds", () => {
  it.each([
    [0, false],
    [1, true],
    [12, true],
    [60, true],
    [61, false],
    [1.5, false],
  ])("interval %s months valid: %s", (value, valid) => {
    expect(isValidIntervalMonths(value)).toBe(valid);
  });
  it.each([
    [0, false],
    [1, true],
    [365, true],
    [366, false],
  ])("due in %s days valid: %s", (value, valid) => {
    expect(isValidDueInDays(value)).toBe(valid);
  });
});

describe("addMonths", () => {
  it.each([
    ["2025-01-15", 1, "2025-02-15"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-12-31", 1, "2026-01-31"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2023-02-28", 12, "2024-02-28"],
    ["2025-08-31", 18, "2027-02-28"],
    ["1900-01-31", 1, "1900-02-28"],
    ["2000-01-31", 1, "2000-02-29"],
    ["2025-05-10", 0, "2025-05-10"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("refuses a date that does not exist and a negative or broken number of months", () => {
    expect(() => addMonths("2025-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2025-01-01", -1)).toThrow(RangeError);
    expect(() => addMonths("2025-01-01", 1.5)).toThrow(RangeError);
  });

  it("always lands on a real day in the right month, never earlier than the start", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1901-01-01"), max: new Date("2400-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 120 }), (d, months) => {
        const date = d.toISOString().slice(0, 10);
        const result = addMonths(date, months);
        expect(result >= date).toBe(true);
        const [y, m] = date.split("-").map(Number);
        const index = y * 12 + m - 1 + months;
        expect(result.slice(0, 7)).toBe(`${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`);
      }),
    );
  });
});

describe("addDays", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-10-26", 30, "2025-11-25"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("nextSendOnAfterSend", () => {
  it.each([
    { nextSendOn: "2025-03-01", intervalMonths: 12, today: "2025-03-01", expected: "2026-03-01" },
    { nextSendOn: "2024-02-29", intervalMonths: 12, today: "2024-02-29", expected: "2025-02-28" },
    { nextSendOn: "2024-02-29", intervalMonths: 48, today: "2024-02-29", expected: "2028-02-29" },
    { nextSendOn: "2025-01-31", intervalMonths: 1, today: "2025-01-31", expected: "2025-02-28" },
    { nextSendOn: "2025-08-31", intervalMonths: 6, today: "2025-09-02", expected: "2026-02-28" },
    // Sent late (the job was down): the next date still follows the schedule, not the late day.
    { nextSendOn: "2025-03-01", intervalMonths: 12, today: "2025-03-20", expected: "2026-03-01" },
    // Missed more than a whole interval: skip to the first date after today, send once.
    { nextSendOn: "2025-01-31", intervalMonths: 1, today: "2025-04-15", expected: "2025-04-30" },
    { nextSendOn: "2022-06-30", intervalMonths: 12, today: "2025-06-30", expected: "2026-06-30" },
  ])("$nextSendOn every $intervalMonths months, sent on $today: next $expected", ({ nextSendOn, intervalMonths, today, expected }) => {
    expect(nextSendOnAfterSend({ nextSendOn, intervalMonths }, today)).toBe(expected);
  });

  it("always lies after today", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 60 }),
        (d, late, intervalMonths) => {
          const nextSendOn = d.toISOString().slice(0, 10);
          const today = addDays(nextSendOn, late);
          expect(nextSendOnAfterSend({ nextSendOn, intervalMonths }, today) > today).toBe(true);
        },
      ),
    );
  });
});

describe("firstSendOn", () => {
  it.each([
    { today: "2025-05-10", intervalMonths: 12, lastSentOn: null, expected: "2025-05-11" },
    { today: "2025-05-10", intervalMonths: 12, lastSentOn: "2025-01-31", expected: "2026-01-31" },
    { today: "2025-05-10", intervalMonths: 12, lastSentOn: "2023-01-31", expected: "2025-05-11" },
    { today: "2025-05-10", intervalMonths: 12, lastSentOn: "2024-05-11", expected: "2025-05-11" },
    { today: "2025-12-31", intervalMonths: 1, lastSentOn: null, expected: "2026-01-01" },
    { today: "2025-03-01", intervalMonths: 12, lastSentOn: "2024-02-29", expected: "2025-03-02" },
    { today: "2025-02-01", intervalMonths: 12, lastSentOn: "2024-02-29", expected: "2025-02-28" },
  ])("today $today, every $intervalMonths months, last sent $lastSentOn: $expected", ({ expected, ...input }) => {
    expect(firstSendOn(input)).toBe(expected);
  });
});

describe("cadenceDueDate", () => {
  it("is today plus the days to answer", () => {
    expect(cadenceDueDate("2025-12-15", 30)).toBe("2026-01-14");
    expect(cadenceDueDate("2024-02-01", 28)).toBe("2024-02-29");
  });
});

describe("which cadences are due", () => {
  const today = "2025-06-15";
  it.each([
    { isActive: true, nextSendOn: "2025-06-14", due: true },
    { isActive: true, nextSendOn: "2025-06-15", due: true },
    { isActive: true, nextSendOn: "2025-06-16", due: false },
    { isActive: false, nextSendOn: "2025-06-14", due: false },
    { isActive: false, nextSendOn: "2025-06-15", due: false },
  ])("active $isActive, next $nextSendOn: due $due", ({ due, ...cadence }) => {
    expect(isCadenceDue(cadence, today)).toBe(due);
  });

  it("filters a list, keeping the order", () => {
    const list = [
      { id: "a", isActive: true, nextSendOn: "2025-06-16" },
      { id: "b", isActive: true, nextSendOn: "2025-01-01" },
      { id: "c", isActive: false, nextSendOn: "2025-01-01" },
      { id: "d", isActive: true, nextSendOn: today },
    ];
    expect(findDueCadences(list, today).map((c) => c.id)).toEqual(["b", "d"]);
  });
});
