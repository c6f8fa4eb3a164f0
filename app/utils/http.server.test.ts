import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./http.server";

describe("safeRedirectPath", () => {
  it.each([
    ["/profile", "/profile"],
    ["/client/1/partners?status=active#top", "/client/1/partners?status=active#top"],
    ["/a/../b", "/b"],
  ])("keeps our own path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    [""],
  ])("refuses %j", (input) => {
    expect(safeRedirectPath(input, "/home")).toBe("/home");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});
