import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROSTER_COLUMNS, ROSTER_COLUMNS_WITH_NAMES, rosterCoverage, validateRoster, type RosterRow } from "./roster";

const TODAY = "2026-03-01";
const context = { namesRequired: false, today: TODAY };
const rows = (...cells: string[][]) => cells.map((c, i) => ({ line: i + 2, cells: c }));

describe("validateRoster", () => {
  it("accepts a clean roster and normalises its values", () => {
    const result = validateRoster(ROSTER_COLUMNS, rows(["A-1", "Agent", "AVG basics", "2026.1", "2026-01-15", "86"], ["A-2", "team_lead", "AVG basics", "", "", ""]), context);
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, agentRef: "A-1", agentName: null, role: "agent", course: "AVG basics", courseVersion: "2026.1", completionDate: "2026-01-15", scorePercent: 86 },
        { line: 3, agentRef: "A-2", agentName: null, role: "team_lead", course: "AVG basics", courseVersion: null, completionDate: null, scorePercent: null },
      ],
    });
  });

  it.each([
    ["a missing agent id", ["", "agent", "C", "1", "2026-01-01", "80"], "agent_id", "agentRequired"],
    ["an agent id that looks like a name", ["Jan Jansen", "agent", "C", "1", "2026-01-01", "80"], "agent_id", "agentInvalid"],
    ["an unknown role", ["A-1", "supervisor", "C", "1", "2026-01-01", "80"], "role", "roleInvalid"],
    ["a missing course", ["A-1", "agent", "", "1", "2026-01-01", "80"], "course", "courseRequired"],
    ["an impossible date", ["A-1", "agent", "C", "1", "2026-02-30", "80"], "completion_date", "dateInvalid"],
    ["a Dutch date", ["A-1", "agent", "C", "1", "15-01-2026", "80"], "completion_date", "dateInvalid"],
    ["a date after today", ["A-1", "agent", "C", "1", "2026-03-02", "80"], "completion_date", "dateInFuture"],
    ["a score above 100", ["A-1", "agent", "C", "1", "2026-01-01", "101"], "score", "scoreInvalid"],
    ["a fractional score", ["A-1", "agent", "C", "1", "2026-01-01", "80.5"], "score", "scoreInvalid"],
    ["a formula", ["A-1", "agent", "=HYPERLINK(\"x\")", "1", "2026-01-01", "80"], "course", "formula"],
    ["values beyond the columns", ["A-1", "agent", "C", "1", "2026-01-01", "80", "extra"], "", "extraCells"],
  ])("reports %s with its line and column, and accepts nothing", (_name, cells, column, key) => {
    const result = validateRoster(ROSTER_COLUMNS, rows(["A-0", "agent", "C", "1", "2026-01-01", "90"], cells), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ line: 3, column, messageKey: `training:roster.errors.${key}` })]);
  });

  it("reports every bad row, not just the first", () => {
    const result = validateRoster(
      ROSTER_COLUMNS,
      rows(["A-1", "agent", "C", "1", "2026-01-01", "80"], ["A-2", "boss", "C", "1", "2026-01-01", "80"], ["A-3", "agent", "C", "1", "nope", "80"], ["A-1", "agent", "C", "2", "2026-01-01", "80"]),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.messageKey.split(".").pop()])).toEqual([
      [3, "roleInvalid"],
      [4, "dateInvalid"],
      [5, "duplicate"],
    ]);
    expect(result.issues[2].params).toEqual({ line: 2 });
  });

  it("refuses one agent with two roles", () => {
    const result = validateRoster(ROSTER_COLUMNS, rows(["A-1", "agent", "C1", "1", "", ""], ["A-1", "qa", "C2", "1", "", ""]), context);
    expect(result.ok || result.issues[0]).toMatchObject({ line: 3, messageKey: "training:roster.errors.roleConflict" });
  });

  it("refuses a roster with names where the requirement does not ask for them", () => {
    const result = validateRoster(ROSTER_COLUMNS_WITH_NAMES, rows(["A-1", "Jan Jansen", "agent", "C", "1", "2026-01-01", "80"]), context);
    expect(result).toEqual({ ok: false, issues: [{ line: 1, column: "agent_name", messageKey: "training:roster.errors.namesNotAllowed" }] });
  });

  it("keeps names only where the requirement asks for them, and requires them there", () => {
    const named = { namesRequired: true, today: TODAY };
    const ok = validateRoster(ROSTER_COLUMNS_WITH_NAMES, rows(["A-1", "Jan Jansen", "agent", "C", "1", "2026-01-01", "80"]), named);
    expect(ok.ok && ok.rows[0].agentName).toBe("Jan Jansen");
    const missing = validateRoster(ROSTER_COLUMNS_WITH_NAMES, rows(["A-1", "", "agent", "C", "1", "2026-01-01", "80"]), named);
    expect(missing.ok || missing.issues[0].messageKey).toBe("training:roster.errors.nameRequired");
    // Without the name column, the header is wrong for this requirement.
    expect(validateRoster(ROSTER_COLUMNS, rows(["A-1", "agent", "C", "1", "2026-01-01", "80"]), named).ok).toBe(false);
  });

  it.each([
    ["a wrong header", ["agent", "role"], "wrongHeader"],
    ["the columns in another order", ["role", "agent_id", "course", "course_version", "completion_date", "score"], "wrongHeader"],
  ])("refuses %s", (_name, header, key) => {
    const result = validateRoster(header, rows(["A-1", "agent", "C", "1", "2026-01-01", "80"]), context);
    expect(result.ok || result.issues[0].messageKey).toBe(`training:roster.errors.${key}`);
  });

  it("accepts the header in any case and ignores blank lines, but refuses a roster without rows", () => {
    const header = ROSTER_COLUMNS.map((c) => ` ${c.toUpperCase()} `);
    expect(validateRoster(header, rows(["A-1", "agent", "C", "", "", ""], ["", "", "", "", "", ""]), context).ok).toBe(true);
    expect(validateRoster(header, rows(["", "", "", "", "", ""]), context)).toEqual({ ok: false, issues: [{ line: 0, messageKey: "training:roster.errors.empty" }] });
  });
});

describe("validateRoster limits", () => {
  const row = (i: number) => ({ line: i + 2, cells: [`A-${i}`, "agent", "C", "1", "", ""] });
  it("refuses more than 2,000 rows as a whole", () => {
    const result = validateRoster(ROSTER_COLUMNS, Array.from({ length: 2_001 }, (_, i) => row(i)), context);
    expect(result).toEqual({ ok: false, issues: [{ line: 0, messageKey: "training:roster.errors.tooManyRows", params: { max: 2_000 } }] });
    expect(validateRoster(ROSTER_COLUMNS, Array.from({ length: 2_000 }, (_, i) => row(i)), context).ok).toBe(true);
  });

  it("reports the first 200 problems and a note, not thousands", () => {
    const bad = Array.from({ length: 500 }, (_, i) => ({ line: i + 2, cells: [`A-${i}`, "boss", "C", "1", "", ""] }));
    const result = validateRoster(ROSTER_COLUMNS, bad, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(201);
    expect(result.issues[200]).toEqual({ line: 0, messageKey: "training:roster.errors.tooManyIssues", params: { max: 200 } });
  });
});

describe("rosterCoverage", () => {
  const requirement = { appliesToRoles: ["agent", "team_lead"], frequencyMonths: 12 };
  const row = (agentRef: string, overrides: Partial<RosterRow> = {}): RosterRow => ({
    line: 2,
    agentRef,
    agentName: null,
    role: "agent",
    course: "AVG basics",
    courseVersion: "2026.1",
    completionDate: "2026-01-15",
    scorePercent: 90,
    ...overrides,
  });

  it.each([
    ["everyone current", [row("A"), row("B")], null, { agentsInScope: 2, agentsTrained: 2, coveragePercent: 100 }],
    ["roles out of scope do not count", [row("A"), row("IT1", { role: "it" })], null, { agentsInScope: 1, agentsTrained: 1, coveragePercent: 100 }],
    ["no completion date: in scope, not trained", [row("A"), row("B", { completionDate: null })], null, { agentsInScope: 2, agentsTrained: 1, coveragePercent: 50 }],
    ["older than the frequency: not trained", [row("A"), row("B", { completionDate: "2025-02-28" })], null, { agentsInScope: 2, agentsTrained: 1, coveragePercent: 50 }],
    ["exactly the frequency ago: still trained", [row("A"), row("B", { completionDate: "2025-03-01" })], null, { agentsInScope: 2, agentsTrained: 2, coveragePercent: 100 }],
    ["below the pass mark: not trained", [row("A"), row("B", { scorePercent: 60 })], 70, { agentsInScope: 2, agentsTrained: 1, coveragePercent: 50 }],
    ["no score with a pass mark: trained", [row("A"), row("B", { scorePercent: null })], 70, { agentsInScope: 2, agentsTrained: 2, coveragePercent: 100 }],
    ["a newer course version resets completion", [row("A", { courseVersion: "2026.2" }), row("B", { courseVersion: "2026.1" }), row("C", { courseVersion: "2026.10" })], null, { agentsInScope: 3, agentsTrained: 1, coveragePercent: 33.3 }],
    ["an agent with two courses counts once", [row("A"), row("A", { course: "Phishing" }), row("B", { completionDate: null })], null, { agentsInScope: 2, agentsTrained: 1, coveragePercent: 50 }],
  ])("%s", (_name, roster, passMark, expected) => {
    expect(rosterCoverage(roster, requirement, passMark, TODAY)).toMatchObject(expected);
  });

  it("reports the first and last completion among the agents that counted", () => {
    const result = rosterCoverage([row("A", { completionDate: "2025-06-01" }), row("B", { completionDate: "2026-02-01" }), row("C", { completionDate: "2020-01-01" })], requirement, null, TODAY);
    expect(result).toMatchObject({ firstCompletionDate: "2025-06-01", lastCompletionDate: "2026-02-01", agentsTrained: 2 });
  });

  it("never counts more trained than in scope, and stays within 0..100 (property)", () => {
    const arbitraryRow = fc.record({
      agentRef: fc.constantFrom("A", "B", "C", "D", "E"),
      role: fc.constantFrom("agent", "team_lead", "qa", "it", "manager" as const),
      course: fc.constantFrom("AVG", "Phishing"),
      courseVersion: fc.option(fc.constantFrom("1", "2", "10"), { nil: null }),
      completionDate: fc.option(fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2023, 6, 1) + n * 86_400_000).toISOString().slice(0, 10)), { nil: null }),
      scorePercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), (raw, passMark) => {
        const roster = raw.map((r, i) => ({ ...r, line: i + 2, agentName: null }) as RosterRow);
        const result = rosterCoverage(roster, requirement, passMark, TODAY);
        expect(result.agentsTrained).toBeLessThanOrEqual(result.agentsInScope);
        expect(result.coveragePercent).toBeGreaterThanOrEqual(0);
        expect(result.coveragePercent).toBeLessThanOrEqual(100);
        if (result.firstCompletionDate) expect(result.firstCompletionDate <= result.lastCompletionDate!).toBe(true);
      }),
    );
  });
});
