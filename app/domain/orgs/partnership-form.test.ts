import { parseWithZod } from "@conform-to/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryCodes, isCountryCode } from "./countries";
import { countriesOf, extraCountriesOf, invitePartnerSchema, MAX_SITES, siteRowCount, updatePartnershipSchema } from "./partnership-form";
import { registerFields } from "./partnership-profile";

/** Builds the form body a browser would send. */
function form(fields: Record<string, string | readonly string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return body;
}

const valid = {
  vendorDisplayName: "KlantContact Zuid",
  email: "Compliance@KlantContact.example",
  locale: "nl",
  services: ["inbound", "outbound"],
  dataCategories: ["contact_details"],
  "sites[0].name": "Maastricht",
  "sites[0].city": "Maastricht",
  "sites[0].country": "nl",
  "sites[1].name": "",
  "sites[1].city": "",
  "sites[1].country": "",
  "sites[2].name": "Paramaribo",
  "sites[2].city": "Paramaribo",
  "sites[2].country": "SR",
  extraCountries: "be, NL",
  agentHeadcount: "120",
  contractStart: "2026-01-01",
  contractEnd: "2027-12-31",
  riskTier: "",
};

const errorsOf = (fields: Record<string, string | readonly string[]>) => {
  const result = parseWithZod(form(fields), { schema: invitePartnerSchema });
  return result.status === "success" ? {} : (result.error ?? {});
};

describe("invitePartnerSchema", () => {
  it("accepts a complete form and normalizes it", () => {
    const result = parseWithZod(form(valid), { schema: invitePartnerSchema });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({
      email: "compliance@klantcontact.example",
      services: ["inbound", "outbound"],
      sites: [
        { name: "Maastricht", city: "Maastricht", country: "NL" },
        { name: "Paramaribo", city: "Paramaribo", country: "SR" },
      ],
      extraCountries: ["BE", "NL"],
      agentHeadcount: 120,
      riskTier: undefined,
    });
    expect(countriesOf(result.value)).toEqual(["NL", "SR", "BE"]);
  });

  it("takes a single ticked box as a list", () => {
    const result = parseWithZod(form({ ...valid, services: "chat" }), { schema: invitePartnerSchema });
    expect(result.status === "success" && result.value.services).toEqual(["chat"]);
  });

  it.each([
    ["an invalid e-mail", { email: "not-an-address" }, "email", "validation.email"],
    ["no e-mail", { email: "" }, "email", "validation.required"],
    ["an unknown language", { locale: "de" }, "locale", "validation.invalidChoice"],
    ["no name", { vendorDisplayName: "   " }, "vendorDisplayName", "validation.required"],
    ["a name that is too long", { vendorDisplayName: "x".repeat(201) }, "vendorDisplayName", "validation.tooLong"],
    ["an unknown service", { services: ["inbound", "telepathy"] }, "services", "orgs:validation.unknownService"],
    ["no service", { services: [] }, "services", "orgs:validation.chooseService"],
    ["an unknown data category", { dataCategories: ["dna"] }, "dataCategories", "orgs:validation.unknownDataCategory"],
    ["no data category", { dataCategories: [] }, "dataCategories", "orgs:validation.chooseDataCategory"],
    ["a three-letter country", { "sites[0].country": "NLD" }, "sites[0].country", "validation.countryCode"],
    ["a country code that does not exist", { "sites[0].country": "XX" }, "sites[0].country", "validation.countryCode"],
    ["a site without a city", { "sites[0].city": "" }, "sites[0].city", "validation.required"],
    ["an error on a later row keeps its row", { "sites[2].name": "" }, "sites[2].name", "validation.required"],
    ["a bad extra country", { extraCountries: "BE, EU" }, "extraCountries", "validation.countryCode"],
    ["a negative headcount", { agentHeadcount: "-1" }, "agentHeadcount", "validation.numberRange"],
    ["a headcount above 100,000", { agentHeadcount: "100001" }, "agentHeadcount", "validation.numberRange"],
    ["a headcount that is no number", { agentHeadcount: "many" }, "agentHeadcount", "validation.number"],
    ["a fractional headcount", { agentHeadcount: "1.5" }, "agentHeadcount", "validation.number"],
    ["a date that does not exist", { contractStart: "2026-02-30" }, "contractStart", "validation.date"],
    ["an end before the start", { contractEnd: "2025-12-31" }, "contractEnd", "validation.dateOrder"],
    ["tier 4", { riskTier: "4" }, "riskTier", "orgs:validation.tier"],
    ["tier 0", { riskTier: "0" }, "riskTier", "orgs:validation.tier"],
  ] as const)("refuses %s", (_, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toEqual([message]);
  });

  it("allows the same start and end day, and open contract dates", () => {
    expect(errorsOf({ ...valid, contractEnd: "2026-01-01" })).toEqual({});
    expect(errorsOf({ ...valid, contractStart: "", contractEnd: "" })).toEqual({});
  });

  it(`allows at most ${MAX_SITES} sites`, () => {
    const rows = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          [`sites[${i}].name`, `Site ${i}`],
          [`sites[${i}].city`, "Utrecht"],
          [`sites[${i}].country`, "NL"],
        ]).flat(),
      );
    const { "sites[0].name": _a, "sites[0].city": _b, "sites[0].country": _c, "sites[1].name": _d, "sites[1].city": _e, "sites[1].country": _f, "sites[2].name": _g, "sites[2].city": _h, "sites[2].country": _i, ...rest } = valid;
    expect(errorsOf({ ...rest, ...rows(MAX_SITES) })).toEqual({});
    expect(errorsOf({ ...rest, ...rows(MAX_SITES + 1) }).sites).toEqual(["orgs:validation.tooManySites"]);
  });
});

describe("updatePartnershipSchema", () => {
  it("needs the version the editor saw", () => {
    const { email: _e, locale: _l, ...register } = valid;
    const ok = parseWithZod(form({ ...register, intent: "update", version: "3" }), { schema: updatePartnershipSchema });
    expect(ok.status === "success" && ok.value.version).toBe(3);
    const missing = parseWithZod(form({ ...register, intent: "update" }), { schema: updatePartnershipSchema });
    expect(missing.status === "error" && missing.error?.version).toEqual(["validation.required"]);
  });
});

describe("registerFields", () => {
  it("stores the suggestion when no tier was chosen, and the client's pick otherwise, with the same reasons", () => {
    const result = parseWithZod(form(valid), { schema: invitePartnerSchema });
    if (result.status !== "success") throw new Error("invalid");
    const suggested = registerFields(result.value);
    expect(suggested).toMatchObject({ riskTier: 1, suggestedTier: 1, riskReasons: ["outside_eea", "outbound_telemarketing"] });
    const picked = registerFields({ ...result.value, riskTier: 3 });
    expect(picked).toMatchObject({ riskTier: 3, suggestedTier: 1, riskReasons: suggested.riskReasons });
  });
});

describe("countries", () => {
  it("holds the 249 assigned ISO 3166-1 alpha-2 codes, each once, uppercase", () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    expect(countryCodes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(isCountryCode("nl")).toBe(false);
    expect(isCountryCode("EU")).toBe(false);
  });

  it("derives countries from sites first, then extra ones, each once", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("NL", "BE", "MA")), fc.array(fc.constantFrom("NL", "SR", "TR")), (siteCountries, extra) => {
        const sites = siteCountries.map((country) => ({ name: "x", city: "y", country }));
        const countries = countriesOf({ sites, extraCountries: extra });
        expect(new Set(countries)).toEqual(new Set([...siteCountries, ...extra]));
        expect(new Set(countries).size).toBe(countries.length);
        expect(new Set([...extraCountriesOf(countries, sites), ...siteCountries])).toEqual(new Set(countries));
      }),
    );
  });

  it("offers at least five site rows and never more than the maximum", () => {
    expect(siteRowCount(0)).toBe(5);
    expect(siteRowCount(4)).toBe(6);
    expect(siteRowCount(MAX_SITES)).toBe(MAX_SITES);
  });
});
