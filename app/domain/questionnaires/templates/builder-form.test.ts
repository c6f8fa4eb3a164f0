import { describe, expect, it } from "vitest";
import { editFromForm, scoringFromForm } from "./builder-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

describe("scoringFromForm", () => {
  it.each([
    [{ scored: "on", questionType: "yes_no", compliantAnswer: "no", partlyCredit: "" }, { kind: "yes_no", compliantAnswer: "no" }],
    [{ scored: "on", questionType: "yes_no", compliantAnswer: "yes", partlyCredit: "50" }, { kind: "yes_no", compliantAnswer: "yes", partlyCredit: 0.5 }],
    [{ scored: "on", questionType: "multiple_choice", combine: "min" }, { kind: "option_credit", combine: "min" }],
    [{ scored: "on", questionType: "single_choice" }, { kind: "option_credit" }],
    [
      { scored: "on", questionType: "number", thresholdDirection: "at_least", thresholdValue0: "95", thresholdCredit0: "100", thresholdValue1: "80,5", thresholdCredit1: "50", thresholdValue2: "", thresholdCredit2: "" },
      { kind: "thresholds", direction: "at_least", thresholds: [{ value: 95, credit: 1 }, { value: 80.5, credit: 0.5 }] },
    ],
    [{ scored: "on", questionType: "date", maxAgeMonths: "12" }, { kind: "max_age", months: 12 }],
    [{ scored: "on", questionType: "evidence" }, { kind: "evidence_present" }],
    [{ questionType: "yes_no", compliantAnswer: "yes" }, null],
  ])("%j gives %j", (fields, scoring) => {
    expect(scoringFromForm(form(fields))).toEqual({ ok: true, scoring });
  });

  it.each([
    [{ scored: "on", questionType: "yes_no", compliantAnswer: "maybe" }, "compliantAnswer"],
    [{ scored: "on", questionType: "yes_no", compliantAnswer: "yes", partlyCredit: "150" }, "partlyCredit"],
    [{ scored: "on", questionType: "number", thresholdDirection: "at_least" }, "thresholdValue0"],
    [{ scored: "on", questionType: "number", thresholdDirection: "at_least", thresholdValue0: "10" }, "thresholdCredit0"],
    [{ scored: "on", questionType: "date", maxAgeMonths: "-3" }, "maxAgeMonths"],
    [{ scored: "on", questionType: "essay" }, "questionType"],
  ])("refuses %j at %s", (fields, path) => {
    const result = scoringFromForm(form(fields));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe(path);
  });

  it("becomes a setScoring edit of the named question", () => {
    expect(editFromForm(form({ intent: "setScoring", questionKey: "gen.dpa", scored: "on", questionType: "yes_no", compliantAnswer: "yes" }))).toEqual({
      ok: true,
      edit: { op: "setScoring", questionKey: "gen.dpa", scoring: { kind: "yes_no", compliantAnswer: "yes" } },
    });
  });
});
