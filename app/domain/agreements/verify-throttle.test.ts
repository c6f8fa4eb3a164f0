import { describe, expect, it } from "vitest";
import { takeVerifyAttempt } from "./verify-throttle";

describe("takeVerifyAttempt", () => {
  const limit = { perWindow: 3, windowMs: 1000 };

  it("allows up to the limit within the window, then refuses", () => {
    let recent: number[] = [];
    const outcomes = [0, 10, 20, 30].map((now) => {
      const result = takeVerifyAttempt(recent, now, limit);
      recent = result.recent;
      return result.allowed;
    });
    expect(outcomes).toEqual([true, true, true, false]);
    expect(recent).toHaveLength(3);
  });

  it("allows again once the oldest attempts have left the window", () => {
    expect(takeVerifyAttempt([0, 10, 20], 1001, limit)).toEqual({ allowed: true, recent: [10, 20, 1001] });
    expect(takeVerifyAttempt([0, 10, 20], 999, limit).allowed).toBe(false);
  });
});
