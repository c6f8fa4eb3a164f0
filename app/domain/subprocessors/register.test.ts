import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { addDays } from "~/utils/calendar-date";
import {
  changedFields,
  checkDecision,
  closeSchema,
  daysLeft,
  decideSchema,
  DEFAULT_NOTICE_DAYS,
  entryInput,
  hasLapsed,
  isInEea,
  needsTransferMechanism,
  noticeDaysFrom,
  objectionDeadline,
  parseTransferMechanism,
  proposeSchema,
  registerOrder,
  storedTransferMechanism,
  subprocessorStatuses,
  transferMechanisms,
  vendorActions,
  type SubprocessorStatus,
} from "./register";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

describe("the EEA", () => {
  it.each([
    ["NL", true],
    ["IE", true],
    ["NO", true],
    ["IS", true],
    ["LI", true],
    ["de", true],
    ["CH", false],
    ["GB", false],
    ["US", false],
    ["SR", false],
    ["ZA", false],
  ])("%s in the EEA: %s", (country, inEea) => {
    expect(isInEea(country)).toBe(inEea);
    expect(needsTransferMechanism(country)).toBe(!inEea);
  });

  it("has the 27 EU member states plus Iceland, Liechtenstein and Norway", () => {
    const eea = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"];
    expect(eea).toHaveLength(30);
    for (const c of eea) expect(isInEea(c), c).toBe(true);
  });
});

describe("transfer mechanism", () => {
  it.each([
    ["NL", "eu_scc_2021_914", undefined, null],
    ["US", "eu_scc_2021_914", undefined, "eu_scc_2021_914"],
    ["US", "adequacy_decision", "ignored", "adequacy_decision"],
    ["IN", "other", "  Derogation art. 49(1)(b)  ", "Derogation art. 49(1)(b)"],
    ["IN", "other", "   ", null],
    ["US", undefined, undefined, null],
  ] as const)("%s with %s / %s is stored as %s", (country, mechanism, other, stored) => {
    expect(storedTransferMechanism(country, mechanism, other)).toBe(stored);
  });

  it("reads every stored value back as the choice it came from", () => {
    for (const m of transferMechanisms.filter((x) => x !== "other")) {
      expect(parseTransferMechanism(storedTransferMechanism("US", m, undefined))).toEqual({ mechanism: m, description: null });
    }
    expect(parseTransferMechanism("Certification under art. 42")).toEqual({ mechanism: "other", description: "Certification under art. 42" });
    expect(parseTransferMechanism(null)).toBeNull();
  });
});

describe("notice period and deadline", () => {
  it.each([
    [null, DEFAULT_NOTICE_DAYS],
    [undefined, DEFAULT_NOTICE_DAYS],
    [14, 14],
    [0, 0],
    [-1, DEFAULT_NOTICE_DAYS],
    [2.5, DEFAULT_NOTICE_DAYS],
  ])("agreement says %s: %s days", (days, expected) => {
    expect(noticeDaysFrom(days)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 30, "2025-03-02"],
    ["2024-02-15", 14, "2024-02-29"],
    ["2025-12-20", 30, "2026-01-19"],
  ])("proposed %s with %s days: last day %s", (proposed, days, deadline) => {
    expect(objectionDeadline(proposed, days)).toBe(deadline);
  });

  it("counts days left down to 0 on the deadline and below after it", () => {
    expect(daysLeft("2025-03-10", "2025-03-01")).toBe(9);
    expect(daysLeft("2025-03-10", "2025-03-10")).toBe(0);
    expect(daysLeft("2025-03-10", "2025-03-11")).toBe(-1);
  });
});

describe("deciding and lapsing", () => {
  const deadline = "2025-03-10";
  it.each([
    ["proposed", "2025-03-09", "ok"],
    ["proposed", "2025-03-10", "ok"],
    ["proposed", "2025-03-11", "deadline_passed"],
    ["approved", "2025-03-01", "not_pending"],
    ["objected", "2025-03-01", "not_pending"],
    ["withdrawn", "2025-03-01", "not_pending"],
    ["removed", "2025-03-11", "not_pending"],
  ] as const)("%s on %s: %s", (status, today, expected) => {
    expect(checkDecision(status, deadline, today)).toBe(expected);
  });

  it("never lets a proposal be both decidable and lapsed, and always one of them while pending", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(fc.constantFrom(...subprocessorStatuses), day, fc.integer({ min: 0, max: 365 }), day, (status, proposedOn, notice, today) => {
        const end = objectionDeadline(proposedOn, notice);
        const decidable = checkDecision(status, end, today) === "ok";
        const lapsed = hasLapsed(status, end, today);
        expect(decidable && lapsed).toBe(false);
        if (status === "proposed") expect(decidable || lapsed).toBe(true);
        else expect(decidable || lapsed).toBe(false);
        // The client always has the full notice period, the deadline day included.
        if (status === "proposed" && today >= proposedOn && today <= end) expect(decidable).toBe(true);
      }),
    );
  });

  it.each([
    ["proposed", ["edit", "withdraw"]],
    ["approved", ["remove"]],
    ["objected", []],
    ["withdrawn", []],
    ["removed", []],
  ] as const)("the vendor may, on a %s entry: %j", (status, actions) => {
    expect(vendorActions(status)).toEqual(actions);
  });
});

describe("register order", () => {
  it("puts pending proposals first by deadline, then approved, then closed, by name", () => {
    const e = (name: string, status: SubprocessorStatus, objectionDeadline: string | null = null) => ({ name, status, objectionDeadline });
    const ordered = registerOrder([
      e("Zeta", "approved"),
      e("Removed", "removed"),
      e("Later", "proposed", "2025-05-01"),
      e("Alpha", "approved"),
      e("Sooner", "proposed", "2025-04-01"),
      e("Objected", "objected"),
    ]);
    expect(ordered.map((x) => x.name)).toEqual(["Sooner", "Later", "Alpha", "Zeta", "Objected", "Removed"]);
  });
});

describe("forms", () => {
  const base = { intent: "propose", name: "CloudCall", service: "Telephony", country: "US", dataAccessed: "Call recordings" };

  it("requires a transfer mechanism outside the EEA", () => {
    const result = parseWithZod(form(base), { schema: proposeSchema });
    expect(result.status).toBe("error");
    expect(result.reply().error?.transferMechanism).toEqual(["subprocessors:errors.mechanismRequired"]);
  });

  it("requires a description for 'other'", () => {
    const result = parseWithZod(form({ ...base, transferMechanism: "other" }), { schema: proposeSchema });
    expect(result.reply().error?.transferOther).toEqual(["subprocessors:errors.mechanismOtherRequired"]);
  });

  it("accepts an EEA country without a mechanism and stores none even when one was chosen", () => {
    const result = parseWithZod(form({ ...base, country: "ie", transferMechanism: "eu_scc_2021_914" }), { schema: proposeSchema });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(entryInput(result.value)).toEqual({ name: "CloudCall", service: "Telephony", country: "IE", dataAccessed: "Call recordings", transferMechanism: null });
  });

  it.each([
    [{ country: "XX" }, "country", "subprocessors:errors.countryInvalid"],
    [{ country: "EU" }, "country", "subprocessors:errors.countryInvalid"],
    [{ name: "   " }, "name", "validation.required"],
    [{ name: "x".repeat(201) }, "name", "subprocessors:errors.tooLong"],
    [{ transferMechanism: "pinky_promise" }, "transferMechanism", "validation.invalidChoice"],
  ])("refuses %j", (override, field, message) => {
    const result = parseWithZod(form({ ...base, transferMechanism: "eu_scc_2021_914", ...override }), { schema: proposeSchema });
    expect(result.status).toBe("error");
    expect(result.reply().error?.[field]).toContain(message);
  });

  const id = "3f1b1c1e-2a2b-4c4d-8e8f-000000000001";
  it("needs a reason to object, not to approve", () => {
    expect(parseWithZod(form({ intent: "object", subprocessorId: id, lockVersion: "1" }), { schema: decideSchema }).reply().error?.comment).toEqual([
      "subprocessors:errors.reasonRequired",
    ]);
    expect(parseWithZod(form({ intent: "approve", subprocessorId: id, lockVersion: "1" }), { schema: decideSchema }).status).toBe("success");
  });

  it("refuses a malformed id or version", () => {
    expect(parseWithZod(form({ intent: "approve", subprocessorId: "1 or 1=1", lockVersion: "1" }), { schema: decideSchema }).status).toBe("error");
    expect(parseWithZod(form({ intent: "withdraw", subprocessorId: id, lockVersion: "x" }), { schema: closeSchema }).status).toBe("error");
  });

  it("names the fields an edit changed", () => {
    const before = { name: "A", service: "S", country: "US", dataAccessed: "D", transferMechanism: "eu_scc_2021_914" };
    expect(changedFields(before, { ...before })).toEqual([]);
    expect(changedFields(before, { ...before, country: "NL", transferMechanism: null })).toEqual(["country", "transferMechanism"]);
  });
});
