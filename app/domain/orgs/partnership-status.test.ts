import { describe, expect, it } from "vitest";
import { canChangeStatus, isEditable, nextStatuses, partnershipStatuses } from "./partnership-status";

describe("partnership status", () => {
  it.each([
    ["invited", "ended", true],
    ["invited", "active", false],
    ["active", "suspended", true],
    ["active", "ended", true],
    ["active", "invited", false],
    ["suspended", "active", true],
    ["suspended", "ended", true],
    ["ended", "active", false],
    ["ended", "suspended", false],
  ] as const)("%s -> %s: %s", (from, to, expected) => {
    expect(canChangeStatus(from, to)).toBe(expected);
  });

  it("never moves to the same status, and ended is final", () => {
    for (const status of partnershipStatuses) expect(nextStatuses(status)).not.toContain(status);
    expect(nextStatuses("ended")).toEqual([]);
    expect(isEditable("ended")).toBe(false);
    expect(isEditable("invited")).toBe(true);
  });
});
