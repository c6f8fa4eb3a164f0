import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("needs nothing for a local demo", () => {
    const env = parseEnv({ NODE_ENV: "production" });
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ SMTP_URL: "", APP_URL: " " }).SMTP_URL).toBeUndefined();
  });

  it("requires APP_URL and SESSION_SECRET for a deployment (production on an external database)", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/portal" })).toThrow(
      /APP_URL: required[\s\S]*SESSION_SECRET: required/,
    );
    expect(
      parseEnv({
        NODE_ENV: "production",
        DATABASE_URL: "postgres://db/portal",
        APP_URL: "https://portal.example",
        SESSION_SECRET: "a-secret-of-sufficient-length",
      }).APP_URL,
    ).toBe("https://portal.example");
  });

  it("names every bad value at once", () => {
    expect(() => parseEnv({ PORT: "seventy", APP_URL: "not a url" })).toThrow(/PORT[\s\S]*APP_URL/);
  });
});
