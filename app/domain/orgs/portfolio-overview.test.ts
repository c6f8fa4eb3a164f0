import { describe, expect, it } from "vitest";
import { todayInDisplayZone } from "~/utils/dates";
import { addDays } from "~/utils/calendar-date";
import { summarizePortfolio, type PortfolioRow } from "./portfolio-overview";

const row = (overrides: Partial<PortfolioRow>): PortfolioRow => ({
  id: Math.random().toString(36).slice(2),
  name: "X",
  riskTier: 2,
  status: "active",
  contractEnd: null,
  ...overrides,
});

describe("summarizePortfolio", () => {
  it("counts by tier (live only) and by status (all)", () => {
    const overview = summarizePortfolio(
      [row({ riskTier: 1 }), row({ riskTier: 1, status: "invited" }), row({ riskTier: 3, status: "ended" }), row({ riskTier: 2, status: "suspended" })],
      "2026-03-01",
    );
    expect(overview.total).toBe(4);
    expect(overview.byTier).toEqual({ 1: 2, 2: 1, 3: 0 });
    expect(overview.byStatus).toEqual({ invited: 1, active: 1, suspended: 1, ended: 1 });
  });

  it("lists live contracts ending within 90 days or already past, soonest first", () => {
    const overview = summarizePortfolio(
      [
        row({ name: "later", contractEnd: "2026-05-30" }),
        row({ name: "edge", contractEnd: "2026-05-30" === addDays("2026-03-01", 90) ? "2026-05-30" : "x" }),
        row({ name: "too late", contractEnd: "2026-05-31" }),
        row({ name: "lapsed", contractEnd: "2026-02-01" }),
        row({ name: "ended", contractEnd: "2026-03-10", status: "ended" }),
        row({ name: "soon", contractEnd: "2026-03-01" }),
      ],
      "2026-03-01",
    );
    expect(overview.contractsEnding.map((c) => [c.name, c.hasLapsed])).toEqual([
      ["lapsed", true],
      ["soon", false],
      ["edge", false],
      ["later", false],
    ]);
  });

  it("takes today in Amsterdam, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in the Netherlands.
    expect(todayInDisplayZone(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
