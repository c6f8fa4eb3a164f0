import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin";

const own = ["http://localhost:3000", "https://portal.example"];

describe("isAllowedOrigin", () => {
  it("lets safe methods through", () => {
    expect(isAllowedOrigin("GET", "https://evil.example", null, own)).toBe(true);
  });
  it("accepts a post from our own origin or APP_URL", () => {
    expect(isAllowedOrigin("POST", "http://localhost:3000", null, own)).toBe(true);
    expect(isAllowedOrigin("POST", null, "https://portal.example/sign-in?x=1", own)).toBe(true);
  });
  it("refuses a cross-site post, a null origin and a post naming no origin", () => {
    expect(isAllowedOrigin("POST", "https://evil.example", null, own)).toBe(false);
    expect(isAllowedOrigin("POST", "null", null, own)).toBe(false);
    expect(isAllowedOrigin("DELETE", null, null, own)).toBe(false);
    expect(isAllowedOrigin("POST", null, "not a url", own)).toBe(false);
  });
});
