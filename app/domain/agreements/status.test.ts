import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/utils/calendar-date";
import { agreementHealth, canClientCountersign, canVendorSign, dueReminders, REMINDER_DAYS, type AgreementStatus } from "./status";

describe("agreementHealth", () => {
  it.each<[AgreementStatus, string | null, string, string]>([
    ["in_force", null, "2026-05-01", "none"],
    ["in_force", "2026-12-31", "2026-05-01", "none"],
    ["in_force", "2026-06-30", "2026-05-01", "expiring"],
    ["in_force", "2026-05-01", "2026-05-01", "expiring"],
    ["in_force", "2026-04-30", "2026-05-01", "lapsed"],
    ["expired", "2026-04-30", "2026-05-01", "lapsed"],
    ["sent", "2026-04-30", "2026-05-01", "none"],
    ["terminated", "2026-06-01", "2026-05-01", "none"],
  ])("%s ending %s on %s: %s", (status, endDate, today, expected) => {
    expect(agreementHealth(status, endDate, today)).toBe(expected);
  });
});

describe("who may sign when", () => {
  it.each<[AgreementStatus, boolean, boolean]>([
    ["draft", false, false],
    ["sent", true, false],
    ["changes_requested", true, false],
    ["signed_by_vendor", false, true],
    ["in_force", false, false],
    ["superseded", false, false],
    ["expired", false, false],
    ["terminated", false, false],
  ])("%s: vendor %s, client %s", (status, vendor, client) => {
    expect(canVendorSign(status)).toBe(vendor);
    expect(canClientCountersign(status)).toBe(client);
  });
});

describe("dueReminders", () => {
  it.each<[number, number[], number[]]>([
    [61, [], []],
    [60, [], [60]],
    [45, [60], []],
    [30, [60], [30]],
    [20, [], [30]],
    [7, [60, 30], [7]],
    [7, [60, 30, 7], []],
    [0, [], [7]],
    [-1, [], []],
  ])("%i days before the end, already sent %j: %j", (daysLeft, sent, expected) => {
    expect(dueReminders(addDays("2026-06-01", daysLeft), "2026-06-01", sent)).toEqual(expected);
  });

  it("sends each reminder at most once over any run of days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), (start, gaps) => {
        const endDate = "2026-09-01";
        const sent: number[] = [];
        let day = addDays(endDate, -start);
        for (const gap of gaps) {
          for (const days of dueReminders(endDate, day, sent)) sent.push(days);
          day = addDays(day, gap);
        }
        expect(new Set(sent).size).toBe(sent.length);
        expect(sent.every((d) => (REMINDER_DAYS as readonly number[]).includes(d))).toBe(true);
      }),
    );
  });
});
