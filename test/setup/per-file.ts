import { afterAll, afterEach, beforeAll, inject, vi } from "vitest";
import { closeDatabase, useDatabaseUrl } from "../../db/client.server";
import { overrideEnv } from "../../app/utils/env.server";

overrideEnv({
  NODE_ENV: "test",
  SESSION_SECRET: "test-secret-of-sufficient-length",
  SMTP_URL: undefined,
  DATABASE_URL: undefined,
  APP_URL: "http://portal.test",
  DATA_DIR: inject("dataDir"),
  S3_BUCKET: undefined,
});
useDatabaseUrl(inject("databaseUrl"));

// An unexpected console.error fails the test that caused it.
let consoleErrors: unknown[][] = [];
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  const seen = consoleErrors;
  consoleErrors = [];
  if (seen.length > 0) {
    throw new Error(`console.error was called:\n${seen.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
afterAll(async () => {
  await closeDatabase();
});
