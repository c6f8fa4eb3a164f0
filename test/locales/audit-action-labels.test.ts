import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../public/locales/en/audit.json";
import nl from "../../public/locales/nl/audit.json";

/** Every file under `dir` whose content records audit events. */
function recordingFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return recordingFiles(full);
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) return [];
    return readFileSync(full, "utf8").includes("recordAuditEvent(") ? [full] : [];
  });
}

const root = path.resolve(__dirname, "../..");
const recordedActions = new Set(
  [...recordingFiles(path.join(root, "app")), ...recordingFiles(path.join(root, "db"))].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/action:\s*([^,}\n]+)/g)].flatMap((m) =>
      [...m[1].matchAll(/"([a-z_]+\.[a-z_.]+)"/g)].map((literal) => literal[1]),
    ),
  ),
);

describe("audit trail labels", () => {
  it("finds the recorded actions (the scan itself works)", () => {
    expect(recordedActions).toContain("auth.signed_in");
    expect(recordedActions).toContain("partnership.created");
  });

  it("has a Dutch and an English label for every action the code records", () => {
    const missing = [...recordedActions].filter(
      (action) => !(action in en.actionLabels) || !(action in nl.actionLabels),
    );
    expect(missing).toEqual([]);
  });
});
