import { describe, expect, it } from "vitest";
import { registerChanges, type RegisterSnapshot } from "./partnership-changes";

const base: RegisterSnapshot = {
  vendorDisplayName: "Noord",
  services: ["inbound", "chat"],
  dataCategories: ["contact_details"],
  sites: [{ name: "Groningen", city: "Groningen", country: "NL" }],
  countries: ["NL"],
  agentHeadcount: 80,
  contractStart: "2025-01-01",
  contractEnd: null,
  riskTier: 3,
  riskReasons: [],
};

describe("registerChanges", () => {
  it("finds nothing when nothing changed, whatever the order of ticked boxes", () => {
    expect(registerChanges(base, { ...base, services: ["chat", "inbound"] })).toEqual({});
  });

  it("lists each changed field with before and after", () => {
    const changes = registerChanges(base, {
      ...base,
      services: ["inbound", "outbound"],
      contractEnd: "2026-12-31",
      riskTier: 2,
      riskReasons: ["outbound_telemarketing"],
      sites: [...base.sites, { name: "Assen", city: "Assen", country: "NL" }],
    });
    expect(Object.keys(changes).sort()).toEqual(["contractEnd", "riskReasons", "riskTier", "services", "sites"]);
    expect(changes.contractEnd).toEqual({ from: null, to: "2026-12-31" });
    expect(changes.riskTier).toEqual({ from: 3, to: 2 });
  });

  it("sees a cleared headcount", () => {
    expect(registerChanges(base, { ...base, agentHeadcount: null })).toEqual({ agentHeadcount: { from: 80, to: null } });
  });
});
