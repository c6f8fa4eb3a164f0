import { countriesOf, type RegisterValues } from "./partnership-form";
import { riskReasons, suggestRiskTier, type RiskReason, type RiskTier } from "./inherent-risk";

/**
 * Turns the register form's values into what is stored: countries derived from the sites plus
 * the extra ones, the reasons of the profile, and the tier (the client's pick, else the
 * suggestion). Pure.
 */
export function registerFields(values: RegisterValues) {
  const countries = countriesOf(values);
  const agentHeadcount = values.agentHeadcount ?? null;
  const reasons: RiskReason[] = riskReasons({
    services: values.services,
    dataCategories: values.dataCategories,
    countries,
    agentHeadcount,
  });
  const suggestedTier = suggestRiskTier(reasons);
  return {
    vendorDisplayName: values.vendorDisplayName,
    services: [...values.services],
    dataCategories: [...values.dataCategories],
    sites: values.sites.map((s) => ({ name: s.name, city: s.city, country: s.country })),
    countries,
    agentHeadcount,
    contractStart: values.contractStart ?? null,
    contractEnd: values.contractEnd ?? null,
    riskTier: (values.riskTier ?? suggestedTier) as RiskTier,
    riskReasons: reasons as string[],
    suggestedTier,
  };
}
