import { describe, expect, it } from "vitest";
import { translator } from "./i18n.server";

describe("the calendarDate format", () => {
  it("shows a stored yyyy-mm-dd parameter as a date in the reader's language", async () => {
    const nl = await translator("nl");
    const en = await translator("en");
    const params = { vendorName: "KlantContact", name: "TranscribeAI", deadline: "2026-12-15" };
    expect(nl("subprocessors:notifications.proposed", params)).toContain("15 dec 2026");
    expect(en("subprocessors:notifications.proposed", params)).toContain("15 Dec 2026");
  });

  it("leaves anything that is not a calendar date as it is", async () => {
    const en = await translator("en");
    expect(en("evidence:notifications.expiring", { title: "ISO", count: 3, validUntil: "soon" })).toContain("(soon)");
  });
});
