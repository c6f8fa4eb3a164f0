import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18nInstance } from "~/i18n/i18n.server";
import { EntryFields, PendingEntry, RegisterTable, type RegisterEntry } from "./register";

const entry = (overrides: Partial<RegisterEntry>): RegisterEntry => ({
  id: "e1",
  name: "QualityListen Inc.",
  service: "QA call recording",
  country: "US",
  dataAccessed: "Call recordings",
  transfer: { mechanism: "eu_scc_2021_914", description: null },
  status: "approved",
  objectionDeadline: "2025-03-10",
  daysLeft: null,
  proposedAt: "2025-02-08T09:00:00.000Z",
  proposedByName: "Fatima",
  decidedAt: "2025-02-10T09:00:00.000Z",
  decidedByName: null,
  decisionComment: null,
  lockVersion: 2,
  history: [
    { id: "h1", event: "proposed", comment: null, actorName: "Fatima", createdAt: "2025-02-08T09:00:00.000Z" },
    { id: "h2", event: "edited", comment: "country, transferMechanism", actorName: "Fatima", createdAt: "2025-02-09T09:00:00.000Z" },
    { id: "h3", event: "approved_by_lapse", comment: null, actorName: null, createdAt: "2025-03-11T06:00:00.000Z" },
  ],
  ...overrides,
});

async function render(locale: "nl" | "en", node: JSX.Element) {
  const i18n = await createI18nInstance(locale);
  return renderToString(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

describe("register components", () => {
  it.each(["nl", "en"] as const)("render every label in %s, without raw keys", async (locale) => {
    const html = await render(
      locale,
      <>
        <PendingEntry entry={entry({ id: "p", status: "proposed", daysLeft: 3, transfer: { mechanism: "other", description: "Art. 49" } })} />
        <RegisterTable entries={[entry({}), entry({ id: "n", country: "NL", transfer: null, status: "removed" })]} />
        <EntryFields idPrefix="t" fieldErrors={{ transferMechanism: ["subprocessors:errors.mechanismRequired"], name: ["validation.required"] }} />
      </>,
    );
    expect(html).not.toMatch(/subprocessors:|(status|history|fields|transfer|deadline|register)\.[a-zA-Z_]+/);
    expect(html).toContain("Art. 49");
    if (locale === "nl") {
      expect(html).toContain("Goedgekeurd (geen bezwaar)");
      expect(html).toContain("nog 3 dagen");
      expect(html).toContain("Gewijzigd: Land van verwerking, Doorgiftegrondslag");
      expect(html).toContain("Buiten de EER is een doorgiftegrondslag verplicht.");
      expect(html).toContain("Verenigde Staten");
    } else {
      expect(html).toContain("EU standard contractual clauses (2021/914)");
      expect(html).toContain("3 days left");
      expect(html).toContain("Not needed (within the EEA)");
    }
  });
});
