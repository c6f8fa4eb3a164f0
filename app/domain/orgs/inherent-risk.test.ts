import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dataCategoryKinds,
  EEA,
  LARGE_WORKFORCE,
  riskReasonKinds,
  riskReasons,
  serviceKinds,
  suggestRiskTier,
  type RiskProfile,
} from "./inherent-risk";

const profile = (overrides: Partial<RiskProfile> = {}): RiskProfile => ({
  services: ["inbound"],
  dataCategories: ["contact_details"],
  countries: ["NL"],
  agentHeadcount: 40,
  ...overrides,
});

describe("riskReasons and suggestRiskTier", () => {
  it.each([
    ["a plain inbound desk in the Netherlands", profile(), [], 3],
    ["payment data", profile({ dataCategories: ["contact_details", "payment_data"] }), ["payment_data"], 2],
    ["recordings", profile({ dataCategories: ["call_recordings"] }), ["recordings"], 2],
    ["outbound telemarketing", profile({ services: ["outbound"] }), ["outbound_telemarketing"], 2],
    ["identity documents", profile({ dataCategories: ["identity_documents"] }), ["identity_documents"], 2],
    ["health data", profile({ dataCategories: ["special_categories"] }), ["special_categories"], 1],
    ["criminal data counts as special", profile({ dataCategories: ["criminal_data"] }), ["special_categories"], 1],
    ["special and criminal data give one reason", profile({ dataCategories: ["special_categories", "criminal_data"] }), ["special_categories"], 1],
    ["a BSN", profile({ dataCategories: ["bsn"] }), ["national_id"], 1],
    ["children", profile({ dataCategories: ["children"] }), ["vulnerable_subjects"], 1],
    ["a site in Morocco", profile({ countries: ["NL", "MA"] }), ["outside_eea"], 1],
    ["lower-case country codes", profile({ countries: ["ma"] }), ["outside_eea"], 1],
    ["Norway is in the EEA", profile({ countries: ["NO", "IS", "LI"] }), [], 3],
    ["exactly the large-workforce threshold", profile({ agentHeadcount: LARGE_WORKFORCE }), ["large_workforce"], 2],
    ["just below it", profile({ agentHeadcount: LARGE_WORKFORCE - 1 }), [], 3],
    ["an unknown headcount", profile({ agentHeadcount: null }), [], 3],
    [
      "three moderate reasons together",
      profile({ services: ["outbound"], dataCategories: ["payment_data", "call_recordings"] }),
      ["payment_data", "outbound_telemarketing", "recordings"],
      1,
    ],
    [
      "two moderate reasons",
      profile({ services: ["outbound"], dataCategories: ["payment_data"] }),
      ["payment_data", "outbound_telemarketing"],
      2,
    ],
  ] as const)("%s", (_, input, reasons, tier) => {
    expect(riskReasons(input)).toEqual(reasons);
    expect(suggestRiskTier(riskReasons(input))).toBe(tier);
  });

  it("has 30 EEA states", () => {
    expect(EEA.size).toBe(30);
  });
});

const arbitraryProfile = fc.record({
  services: fc.subarray([...serviceKinds]),
  dataCategories: fc.subarray([...dataCategoryKinds]),
  countries: fc.subarray(["NL", "BE", "DE", "MA", "SR", "TR", "ZA", "US"]),
  agentHeadcount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
});

describe("inherent-risk properties", () => {
  it("never lowers the risk when data categories are added (tier 1 is the highest)", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.subarray([...dataCategoryKinds]), (base, extra) => {
        const before = suggestRiskTier(riskReasons(base));
        const after = suggestRiskTier(riskReasons({ ...base, dataCategories: [...base.dataCategories, ...extra] }));
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("never lowers the risk when services, countries or agents are added", () => {
    fc.assert(
      fc.property(
        arbitraryProfile,
        fc.subarray([...serviceKinds]),
        fc.subarray(["FR", "MA", "US"]),
        fc.nat({ max: 1000 }),
        (base, services, countries, more) => {
          const before = suggestRiskTier(riskReasons(base));
          const after = suggestRiskTier(
            riskReasons({
              services: [...base.services, ...services],
              dataCategories: base.dataCategories,
              countries: [...base.countries, ...countries],
              agentHeadcount: (base.agentHeadcount ?? 0) + more,
            }),
          );
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it("gives known reasons, each once, in display order, whatever the order of the input", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const reasons = riskReasons(p);
        expect(new Set(reasons).size).toBe(reasons.length);
        const order = reasons.map((r) => riskReasonKinds.indexOf(r));
        expect(order.every((i) => i >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        const shuffled = { ...p, dataCategories: [...p.dataCategories].reverse(), services: [...p.services].reverse() };
        expect(riskReasons(shuffled)).toEqual(reasons);
      }),
    );
  });

  it("suggests tier 3 exactly when there is no reason", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        expect(suggestRiskTier(riskReasons(p)) === 3).toBe(riskReasons(p).length === 0);
      }),
    );
  });
});
