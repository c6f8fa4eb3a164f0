import { describe, expect, it } from "vitest";
import { allValidationMessageKeys, answerErrorCodes, answerMessages } from "./messages";

describe("validation message keys", () => {
  it("are unique and live in the questionnaires:validation namespace", () => {
    expect(new Set(allValidationMessageKeys).size).toBe(allValidationMessageKeys.length);
    for (const key of allValidationMessageKeys) expect(key).toMatch(/^questionnaires:validation\.[a-zA-Z.]+$/);
  });

  it("name every answer error code", () => {
    expect(Object.keys(answerMessages).sort()).toEqual([...answerErrorCodes].sort());
  });
});
