import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/utils/calendar-date";
import { expiryState, reminderDue } from "./expiry";

describe("expiryState", () => {
  it.each([
    [null, "2026-11-24", "none"],
    ["2026-11-23", "2026-11-24", "expired"],
    ["2026-11-24", "2026-11-24", "expiring"], // valid on its last day
    ["2026-12-24", "2026-11-24", "expiring"], // 30 days ahead
    ["2026-12-25", "2026-11-24", "valid"],
    ["2024-02-29", "2024-03-01", "expired"],
  ] as const)("valid until %s, today %s: %s", (validUntil, today, state) => {
    expect(expiryState(validUntil, today)).toBe(state);
  });
});

describe("reminderDue", () => {
  it.each([
    ["2026-12-24", 30], // exactly 30 days ahead
    ["2026-12-25", null], // 31 days: not yet
    ["2026-12-10", 30], // 16 days: the 30-day reminder if it was missed
    ["2026-12-01", 7],
    ["2026-11-25", 1],
    ["2026-11-24", 1], // expires today
    ["2026-11-23", null], // already expired
  ] as const)("valid until %s (today 2026-11-24): %s", (validUntil, due) => {
    expect(reminderDue(validUntil, "2026-11-24")).toBe(due);
  });

  it("never names a threshold further away than the days that are left", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (daysLeft) => {
        const due = reminderDue(addDays("2026-01-01", daysLeft), "2026-01-01");
        if (daysLeft > 30) expect(due).toBeNull();
        else expect(due).not.toBeNull();
        if (due !== null) expect(due).toBeGreaterThanOrEqual(daysLeft);
      }),
    );
  });
});
