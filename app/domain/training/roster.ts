import { isIsoDate, type IsoDate } from "~/utils/calendar-date";
import { compareVersions, coveragePercent, isCompletionCurrent, isTrainingRole, type TrainingRole } from "./rules";

/**
 * A roster: one row per pseudonymous agent and course, as a vendor exports it from its learning
 * system (REFERENCE.md §8.4). Pure validation row by row (every bad row reported with its line
 * and reason; nothing is accepted unless all rows are valid) and the coverage it proves.
 */

export const ROSTER_COLUMNS = ["agent_id", "role", "course", "course_version", "completion_date", "score"] as const;
/** With names: only when the client's requirement asks for them (namesRequired). */
export const ROSTER_COLUMNS_WITH_NAMES = ["agent_id", "agent_name", "role", "course", "course_version", "completion_date", "score"] as const;
export const MAX_ROSTER_ROWS = 2_000;
export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;
export const AGENT_REF_MAX = 64;
export const MAX_REPORTED_ISSUES = 200;
const CELL_MAX = 200;
/** Pseudonymous ids: employee numbers and the like, never a name with spaces. */
const AGENT_REF = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
/** What a spreadsheet would run as a formula when the text is opened again. */
const FORMULA_START = /^[=+@\t\r]/;

export interface RosterIssue {
  /** 1-based line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  column?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface RosterRow {
  line: number;
  agentRef: string;
  agentName: string | null;
  role: TrainingRole;
  course: string;
  courseVersion: string | null;
  completionDate: IsoDate | null;
  scorePercent: number | null;
}

export type Cell = string | number | boolean | undefined | null;

export interface RosterContext {
  namesRequired: boolean;
  /** Calendar day of the attestation: completions after it are refused. */
  today: IsoDate;
}

const m = (key: string) => `training:roster.errors.${key}`;

/** The header the file must start with (names allowed only where the requirement asks). */
export function expectedHeader(namesRequired: boolean): readonly string[] {
  return namesRequired ? ROSTER_COLUMNS_WITH_NAMES : ROSTER_COLUMNS;
}

const text = (cell: Cell) => (cell === undefined || cell === null ? "" : String(cell).trim());

/**
 * Checks the header and every row. The header must be exactly the expected columns (case and
 * surrounding spaces ignored); a header with an agent_name column where names are not asked for
 * refuses the file: names never reach the portal unless the client needs them.
 */
export function validateRoster(
  header: readonly Cell[],
  rows: { line: number; cells: readonly Cell[] }[],
  context: RosterContext,
): { ok: true; rows: RosterRow[] } | { ok: false; issues: RosterIssue[] } {
  const names = header.map((h) => text(h).toLowerCase());
  while (names.length && names[names.length - 1] === "") names.pop();
  const expected = expectedHeader(context.namesRequired);
  if (!context.namesRequired && names.includes("agent_name")) {
    return { ok: false, issues: [{ line: 1, column: "agent_name", messageKey: m("namesNotAllowed") }] };
  }
  if (names.join("|") !== expected.join("|")) {
    return { ok: false, issues: [{ line: 1, messageKey: m("wrongHeader"), params: { expected: expected.join(", ") } }] };
  }
  const dataRows = rows.filter((r) => r.cells.some((c) => text(c) !== ""));
  if (dataRows.length === 0) return { ok: false, issues: [{ line: 0, messageKey: m("empty") }] };
  if (dataRows.length > MAX_ROSTER_ROWS) return { ok: false, issues: [{ line: 0, messageKey: m("tooManyRows"), params: { max: MAX_ROSTER_ROWS } }] };

  const issues: RosterIssue[] = [];
  const parsed: RosterRow[] = [];
  const seen = new Map<string, number>();
  const roleOf = new Map<string, { role: string; line: number }>();
  for (const { line, cells } of dataRows) {
    const value = (column: string) => text(cells[expected.indexOf(column)]);
    const rowIssues: RosterIssue[] = [];
    const issue = (column: string, key: string, params?: Record<string, string | number>) =>
      rowIssues.push({ line, column, messageKey: m(key), params });
    if (cells.length > expected.length && cells.slice(expected.length).some((c) => text(c) !== "")) {
      issue("", "extraCells", { count: expected.length });
    }
    for (const column of expected) {
      const v = value(column);
      if (v.length > CELL_MAX) issue(column, "tooLong", { max: CELL_MAX });
      else if (FORMULA_START.test(v)) issue(column, "formula");
    }

    const agentRef = value("agent_id");
    if (!agentRef) issue("agent_id", "agentRequired");
    else if (agentRef.length > AGENT_REF_MAX || !AGENT_REF.test(agentRef)) issue("agent_id", "agentInvalid");

    const agentName = context.namesRequired ? value("agent_name") : "";
    if (context.namesRequired && !agentName) issue("agent_name", "nameRequired");

    const role = value("role").toLowerCase();
    if (!isTrainingRole(role)) issue("role", "roleInvalid", { value: value("role").slice(0, 40) });

    const course = value("course");
    if (!course) issue("course", "courseRequired");
    const courseVersion = value("course_version") || null;

    const rawDate = value("completion_date");
    const completionDate = rawDate === "" ? null : rawDate;
    if (completionDate !== null) {
      if (!isIsoDate(completionDate) || completionDate < "1900-01-01") issue("completion_date", "dateInvalid", { value: rawDate.slice(0, 40) });
      else if (completionDate > context.today) issue("completion_date", "dateInFuture");
    }

    const rawScore = value("score");
    let scorePercent: number | null = null;
    if (rawScore !== "") {
      const score = Number(rawScore.replace(",", "."));
      if (!Number.isInteger(score) || score < 0 || score > 100) issue("score", "scoreInvalid", { value: rawScore.slice(0, 40) });
      else scorePercent = score;
    }

    if (agentRef && course) {
      const key = `${agentRef.toLowerCase()}\u0000${course.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) issue("agent_id", "duplicate", { line: first });
      else seen.set(key, line);
    }
    if (agentRef && isTrainingRole(role)) {
      const known = roleOf.get(agentRef.toLowerCase());
      if (known && known.role !== role) issue("role", "roleConflict", { line: known.line });
      else if (!known) roleOf.set(agentRef.toLowerCase(), { role, line });
    }

    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    parsed.push({
      line,
      agentRef,
      agentName: context.namesRequired ? agentName : null,
      role: role as TrainingRole,
      course,
      courseVersion,
      completionDate,
      scorePercent,
    });
  }
  if (issues.length > MAX_REPORTED_ISSUES) {
    // A file with thousands of problems gets the first ones and a note, not an endless report.
    return { ok: false, issues: [...issues.slice(0, MAX_REPORTED_ISSUES), { line: 0, messageKey: m("tooManyIssues"), params: { max: MAX_REPORTED_ISSUES } }] };
  }
  return issues.length ? { ok: false, issues } : { ok: true, rows: parsed };
}

export interface RosterCoverage {
  agentsInScope: number;
  agentsTrained: number;
  coveragePercent: number;
  firstCompletionDate: IsoDate | null;
  lastCompletionDate: IsoDate | null;
}

/**
 * What a valid roster proves on `onDate` for a requirement. In scope: distinct agents whose role
 * the requirement covers. Trained: an in-scope agent with a row that (1) is of the course's
 * newest version in the roster (a new version resets completion, REFERENCE.md §7.9), (2) was
 * completed within `frequencyMonths` before `onDate`, and (3) scored at least the pass mark
 * when both a pass mark and a score are given. The completion dates are those of the rows that
 * counted.
 */
export function rosterCoverage(
  rows: readonly RosterRow[],
  requirement: { appliesToRoles: readonly string[]; frequencyMonths: number },
  passMarkPercent: number | null,
  onDate: IsoDate,
): RosterCoverage {
  const newest = new Map<string, string | null>();
  for (const row of rows) {
    const course = row.course.toLowerCase();
    const current = newest.get(course);
    if (!newest.has(course) || (row.courseVersion !== null && (current === null || compareVersions(row.courseVersion, current!) > 0))) {
      newest.set(course, row.courseVersion);
    }
  }
  const inScope = new Set<string>();
  const trained = new Map<string, IsoDate>();
  for (const row of rows) {
    if (!requirement.appliesToRoles.includes(row.role)) continue;
    const agent = row.agentRef.toLowerCase();
    inScope.add(agent);
    const newestVersion = newest.get(row.course.toLowerCase()) ?? null;
    const isNewest = newestVersion === null || (row.courseVersion !== null && compareVersions(row.courseVersion, newestVersion) === 0);
    if (!isNewest || !row.completionDate) continue;
    if (!isCompletionCurrent(row.completionDate, onDate, requirement.frequencyMonths)) continue;
    if (passMarkPercent !== null && row.scorePercent !== null && row.scorePercent < passMarkPercent) continue;
    // An agent with several qualifying courses counts once, with their latest completion.
    const previous = trained.get(agent);
    if (!previous || row.completionDate > previous) trained.set(agent, row.completionDate);
  }
  const dates = [...trained.values()].sort();
  return {
    agentsInScope: inScope.size,
    agentsTrained: trained.size,
    coveragePercent: coveragePercent(inScope.size, trained.size),
    firstCompletionDate: dates[0] ?? null,
    lastCompletionDate: dates[dates.length - 1] ?? null,
  };
}
