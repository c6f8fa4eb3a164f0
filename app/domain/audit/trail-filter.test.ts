import { describe, expect, it } from "vitest";
import { isCalendarDate } from "~/utils/dates";
import { auditTrailSearch, parseAuditTrailQuery } from "./trail-filter";

const parse = (query: string) => parseAuditTrailQuery(new URLSearchParams(query));

describe("audit trail filter from the URL", () => {
  it("keeps valid filters and the cursor", () => {
    const actor = "0b8a3c1e-9d6f-4a7b-8c2d-1e2f3a4b5c6d";
    expect(parse(`action=auth.signed_in&actor=${actor}&entityType=user&from=2025-01-01&to=2025-01-31&q=%20anna%20&before=120`)).toEqual({
      values: { action: "auth.signed_in", actor, entityType: "user", from: "2025-01-01", to: "2025-01-31", q: "anna" },
      cursor: { before: 120 },
      problems: {},
    });
  });

  it.each([
    ["action=DROP TABLE x", {}],
    ["actor=not-a-uuid", {}],
    ["entityType=User; --", {}],
    ["before=abc", {}],
    ["before=-5", {}],
    ["before=0", {}],
    ["before=99999999999999999999", {}],
    ["action=&actor=&q=%20%20", {}],
  ])("ignores %s silently", (query, problems) => {
    const result = parse(query);
    expect(result.values).toEqual({});
    expect(result.cursor).toEqual({});
    expect(result.problems).toEqual(problems);
  });

  it.each([
    ["from=2025-02-30", "from", "validation.date"],
    ["from=2025-13-01", "from", "validation.date"],
    ["to=yesterday", "to", "validation.date"],
    ["from=0001-01-01", "from", "validation.date"],
    [`q=${"x".repeat(201)}`, "q", "validation.tooLong"],
  ])("drops %s and says why", (query, field, key) => {
    const result = parse(query);
    expect(result.values).toEqual({});
    expect(result.problems).toEqual({ [field]: key });
  });

  it("drops an end date before the start date", () => {
    const result = parse("from=2025-03-10&to=2025-03-01");
    expect(result.values).toEqual({ from: "2025-03-10" });
    expect(result.problems).toEqual({ to: "validation.dateOrder" });
  });

  it("prefers before over after when both are given", () => {
    expect(parse("before=10&after=5").cursor).toEqual({ before: 10 });
    expect(parse("after=5").cursor).toEqual({ after: 5 });
  });

  it("knows real calendar dates, leap days included", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-1-1")).toBe(false);
  });

  it("builds the query string back, without empty values", () => {
    expect(auditTrailSearch({ action: "user.password_changed", q: "a b" }, { before: 7 })).toBe(
      "?action=user.password_changed&q=a+b&before=7",
    );
    expect(auditTrailSearch({})).toBe("");
  });
});
