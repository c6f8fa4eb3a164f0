/**
 * Inherent-risk tiering of a partnership (before any controls are assessed): what the vendor
 * does and with which data decides how closely the client must watch it. Tier 1 is the highest
 * risk. Pure; the client may choose another tier, but the reasons stay on record.
 */
export const serviceKinds = ["inbound", "outbound", "chat", "email", "back_office"] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const dataCategoryKinds = [
  "contact_details",
  "customer_account",
  "contract_and_billing",
  "payment_data",
  "identity_documents",
  "call_recordings",
  "special_categories",
  "criminal_data",
  "children",
  "bsn",
] as const;
export type DataCategory = (typeof dataCategoryKinds)[number];

export type RiskReason =
  | "special_categories"
  | "national_id"
  | "payment_data"
  | "identity_documents"
  | "outbound_telemarketing"
  | "recordings"
  | "outside_eea"
  | "large_workforce"
  | "vulnerable_subjects";

export interface RiskProfile {
  services: readonly string[];
  dataCategories: readonly string[];
  countries: readonly string[];
  agentHeadcount: number | null;
}

/** EEA member states (ISO 3166-1 alpha-2); adequacy decisions are judged by people, not here. */
export const EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
]);

const HIGH: RiskReason[] = ["special_categories", "national_id", "outside_eea", "vulnerable_subjects"];
const LARGE_WORKFORCE = 250;

export function riskReasons(profile: RiskProfile): RiskReason[] {
  const reasons: RiskReason[] = [];
  const has = (c: string) => profile.dataCategories.includes(c);
  if (has("special_categories") || has("criminal_data")) reasons.push("special_categories");
  if (has("bsn")) reasons.push("national_id");
  if (has("payment_data")) reasons.push("payment_data");
  if (has("identity_documents")) reasons.push("identity_documents");
  if (has("children")) reasons.push("vulnerable_subjects");
  if (has("call_recordings")) reasons.push("recordings");
  if (profile.services.includes("outbound")) reasons.push("outbound_telemarketing");
  if (profile.countries.some((c) => !EEA.has(c.toUpperCase()))) reasons.push("outside_eea");
  if ((profile.agentHeadcount ?? 0) >= LARGE_WORKFORCE) reasons.push("large_workforce");
  return reasons;
}

/** Tier 1 for any high-risk reason or three others together; tier 2 for any reason; else 3. */
export function suggestRiskTier(reasons: readonly RiskReason[]): 1 | 2 | 3 {
  if (reasons.some((r) => HIGH.includes(r)) || reasons.length >= 3) return 1;
  return reasons.length > 0 ? 2 : 3;
}
