import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "~/utils/calendar-date";
import { attestationValidUntil, compareVersions, coveragePercent, isCompletionCurrent, trainingStatus } from "./rules";

describe("coveragePercent", () => {
  it.each([
    [100, 100, 100],
    [100, 97, 97],
    [3, 2, 66.6],
    [3, 1, 33.3],
    [10_000, 9_496, 94.9],
    [1_000, 999, 99.9],
    [7, 0, 0],
    [0, 0, 0],
  ])("%i in scope, %i trained: %f %%", (scope, trained, expected) => {
    expect(coveragePercent(scope, trained)).toBe(expected);
  });

  it("rounds down, so a coverage just under the minimum never passes it", () => {
    // 9,499 of 10,000 is 94.99 %: shown and judged as 94.9, not 95.0.
    expect(coveragePercent(10_000, 9_499)).toBe(94.9);
    expect(trainingStatus({ periodEnd: "2026-01-01", firstCompletionDate: "2026-01-01", coveragePercent: coveragePercent(10_000, 9_499) }, { frequencyMonths: 12, minimumCoveragePercent: 95 }, "2026-02-01").status).toBe(
      "below_minimum",
    );
  });

  it("stays within 0..100, never above 100, and with one decimal (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (scope, trained) => {
        const value = coveragePercent(scope, trained);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(Math.round(value * 10)).toBeCloseTo(value * 10, 6);
        if (scope > 0 && trained >= scope) expect(value).toBe(100);
        if (scope > 0 && trained < scope) expect(value).toBeLessThan(100);
      }),
    );
  });

  it("never rises when fewer agents are trained (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), (scope, a, b) => {
        const [low, high] = [Math.min(a, b, scope), Math.min(Math.max(a, b), scope)];
        expect(coveragePercent(scope, low)).toBeLessThanOrEqual(coveragePercent(scope, high));
      }),
    );
  });
});

describe("trainingStatus", () => {
  const yearly95 = { frequencyMonths: 12, minimumCoveragePercent: 95 };
  const attested = (firstCompletionDate: string | null, coverage: number, periodEnd = "2026-01-31") => ({ periodEnd, firstCompletionDate, coveragePercent: coverage });

  it.each([
    ["never attested", null, "2026-03-01", "missing", null],
    ["current and enough", attested("2026-01-10", 97), "2026-03-01", "ok", "2027-01-10"],
    ["current, too few trained", attested("2026-01-10", 82), "2026-03-01", "below_minimum", "2027-01-10"],
    ["exactly the minimum", attested("2026-01-10", 95), "2026-03-01", "ok", "2027-01-10"],
    ["on the valid-until day itself", attested("2025-03-01", 97), "2026-03-01", "due_soon", "2026-03-01"],
    ["the day after valid-until", attested("2025-03-01", 97), "2026-03-02", "lapsed", "2026-03-01"],
    ["lapsed wins over below minimum", attested("2024-01-01", 10), "2026-03-01", "lapsed", "2025-01-01"],
    ["30 days before lapsing", attested("2025-03-31", 97), "2026-03-01", "due_soon", "2026-03-31"],
    ["31 days before lapsing", attested("2025-04-01", 97), "2026-03-01", "ok", "2026-04-01"],
    ["below minimum wins over due soon", attested("2025-03-10", 50), "2026-03-01", "below_minimum", "2026-03-10"],
    ["nobody trained: the period's end is the basis", attested(null, 0, "2026-01-31"), "2026-03-01", "below_minimum", "2027-01-31"],
    ["clamped month end (29 Feb + 12 months)", attested("2024-02-29", 97), "2025-03-01", "lapsed", "2025-02-28"],
  ] as const)("%s", (_name, latest, today, status, validUntil) => {
    expect(trainingStatus(latest, yearly95, today)).toEqual({ status, validUntil });
  });

  it("a minimum of 0 % is met by any current attestation", () => {
    expect(trainingStatus(attested(null, 0, "2026-02-01"), { frequencyMonths: 12, minimumCoveragePercent: 0 }, "2026-03-01").status).toBe("ok");
  });

  const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("1990-01-01", n));

  it("is lapsed exactly when the oldest completion is older than the frequency allows (property)", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 100 }), (first, gap, months, coverage) => {
        const today = addDays(first, gap);
        const result = trainingStatus(attested(first, coverage, first), { frequencyMonths: months, minimumCoveragePercent: 50 }, today);
        const older = addMonths(first, months) < today;
        expect(result.status === "lapsed").toBe(older);
        expect(result.validUntil).toBe(attestationValidUntil({ periodEnd: first, firstCompletionDate: first }, months));
      }),
    );
  });

  it("flags below minimum only for current attestations, and never for enough coverage (property)", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 }), (first, gap, tenths, minimum) => {
        const coverage = tenths / 10;
        const result = trainingStatus(attested(first, coverage, first), { frequencyMonths: 12, minimumCoveragePercent: minimum }, addDays(first, gap));
        if (result.status === "below_minimum") expect(coverage).toBeLessThan(minimum);
        if (coverage >= minimum) expect(result.status).not.toBe("below_minimum");
      }),
    );
  });
});

describe("isCompletionCurrent", () => {
  it.each([
    ["2025-03-01", "2026-03-01", 12, true],
    ["2025-03-01", "2026-03-02", 12, false],
    ["2026-03-02", "2026-03-01", 12, false],
    ["2026-02-01", "2026-03-01", 1, true],
    ["not a date", "2026-03-01", 12, false],
  ] as const)("completed %s, on %s, every %i months: %s", (completion, on, months, expected) => {
    expect(isCompletionCurrent(completion, on, months)).toBe(expected);
  });
});

describe("compareVersions", () => {
  it("orders numeric parts as numbers", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("2024-2", "2024-1")).toBeGreaterThan(0);
    expect(compareVersions("v2", "V2")).toBe(0);
  });
});
