import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18nInstance } from "~/i18n/i18n.server";
import en from "../../../public/locales/en/training.json";
import { AttestationHistory, type AttestationHistoryItem } from "./attestation-history";
import { refilled } from "./requirement-form";
import { RosterIssues } from "./roster-issues";
import { TrainingStatusBadge } from "./training-status";

async function render(node: React.ReactNode, locale: "nl" | "en") {
  const i18n = await createI18nInstance(locale);
  return renderToString(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

const item: AttestationHistoryItem = {
  id: "a1",
  periodStart: "2026-01-01",
  periodEnd: "2026-01-31",
  agentsInScope: 100,
  agentsTrained: 97,
  coveragePercent: 97,
  firstCompletionDate: "2026-01-05",
  lastCompletionDate: "2026-01-30",
  trainingProvider: "Privacy Academy",
  passMarkPercent: 70,
  attestingOfficerName: "Fatima El Amrani",
  attestingOfficerRole: "Compliance officer",
  hasRoster: true,
  attestedAt: "2026-02-01T10:00:00.000Z",
  attestedByName: "Fatima",
  roster: [{ role: "team_lead", course: "AVG basics", courseVersion: "2026.1", rows: 8, agents: 8 }],
  evidence: [{ id: "e1", title: "Certificaat <AVG>", validUntil: "2027-01-01", expiry: "valid" }],
};

describe("training components", () => {
  it("shows an attestation's history in the reader's language, with the roster summary and evidence", async () => {
    const nl = await render(<AttestationHistory history={[item]} evidenceBase="/client/c1/evidence" />, "nl");
    expect(nl).toContain("Geschiedenis");
    expect(nl).toContain("Teamleider · AVG basics 2026.1: 8 agents");
    expect(nl).toContain('href="/client/c1/evidence/e1"');
    expect(nl).toContain("Certificaat &lt;AVG&gt;");
    expect(nl).toContain("97 van 100");
    const english = await render(<AttestationHistory history={[]} evidenceBase="/x" />, "en");
    expect(english).toContain("No attestations yet.");
    for (const html of [nl, english]) expect(html).not.toMatch(/training:|history\.|fields\./);
  });

  it("words roster problems with their line and column", async () => {
    const html = await render(
      <RosterIssues
        title="Refused"
        issues={[
          { line: 3, column: "role", messageKey: "training:roster.errors.roleInvalid", params: { value: "boss" } },
          { line: 0, messageKey: "training:roster.errors.tooLarge", params: { max: "5 MB" } },
        ]}
      />,
      "en",
    );
    expect(html).toContain("Line 3, role");
    expect(html).toContain("Unknown role “boss”");
    expect(html).toContain("The file is larger than 5 MB.");
  });

  it("has a translated badge for every status", async () => {
    for (const status of ["missing", "ok", "due_soon", "below_minimum", "lapsed", null] as const) {
      const html = await render(<TrainingStatusBadge status={status} />, "nl");
      expect(html).not.toContain("training:");
      expect(html).not.toContain("status.");
    }
  });

  it("uses only keys that exist, in every training screen", () => {
    const root = path.resolve(__dirname, "../..");
    const files = [
      ...readdirSync(path.join(root, "routes"))
        .filter((f) => /^(client|vendor)\.\$orgId\.training/.test(f))
        .map((f) => path.join(root, "routes", f)),
      ...readdirSync(__dirname)
        .filter((f) => f.endsWith(".tsx") && !f.endsWith(".test.tsx"))
        .map((f) => path.join(__dirname, f)),
    ];
    expect(files.length).toBeGreaterThan(8);
    const has = (key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], en) !== undefined;
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/t\("training:([\w.]+)"/g)) {
        const key = match[1];
        if (!has(key) && !has(`${key}_other`)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("fills a refused requirement form in again with what was posted", () => {
    const base = { topic: "avg_basics", title: "", description: null, frequencyMonths: 12, minimumCoveragePercent: 95, appliesToRoles: ["agent"], appliesToPartnershipIds: null, namesRequired: false, lockVersion: 3 };
    expect(refilled(base, null)).toBe(base);
    expect(
      refilled(base, { topic: "custom", title: "Script", frequencyMonths: "6", minimumCoveragePercent: "lots", appliesToRoles: ["qa", "it"], scope: "selected", partnershipIds: "p1", namesRequired: "on" }),
    ).toEqual({ ...base, topic: "custom", title: "Script", frequencyMonths: 6, appliesToRoles: ["qa", "it"], appliesToPartnershipIds: ["p1"], namesRequired: true, lockVersion: 3 });
  });
});
