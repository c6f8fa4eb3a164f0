import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy";
import { isThrottled, THROTTLE } from "./throttle";

describe("isThrottled", () => {
  it("allows attempts under both limits", () => {
    expect(isThrottled({ forAccount: THROTTLE.maxFailuresPerAccount - 1, forIp: THROTTLE.maxFailuresPerIp - 1 })).toBe(false);
  });
  it("refuses once the account or the address reaches its limit", () => {
    expect(isThrottled({ forAccount: THROTTLE.maxFailuresPerAccount, forIp: 0 })).toBe(true);
    expect(isThrottled({ forAccount: 0, forIp: THROTTLE.maxFailuresPerIp })).toBe(true);
  });
});

describe("passwordProblems", () => {
  it.each([
    ["short", ["validation.passwordTooShort"]],
    ["password1234", ["validation.passwordTooCommon"]],
    ["aaaaaaaaaaaaaaaa", ["validation.passwordTooCommon"]],
    ["a-long-and-unusual-phrase", []],
  ])("%s", (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
  it("refuses a password that contains the e-mail's name", () => {
    expect(passwordProblems("my-name-is-annadevries", { email: "annadevries@x.example" })).toContain(
      "validation.passwordContainsEmail",
    );
  });
});
