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

/** Every reason, in the order they are shown. */
export const riskReasonKinds = [
  "special_categories",
  "national_id",
  "outside_eea",
  "vulnerable_subjects",
  "payment_data",
  "identity_documents",
  "outbound_telemarketing",
  "recordings",
  "large_workforce",
] as const;
export type RiskReason = (typeof riskReasonKinds)[number];

export const riskTiers = [1, 2, 3] as const;
export type RiskTier = (typeof riskTiers)[number];

export const isServiceKind = (value: string): value is ServiceKind => (serviceKinds as readonly string[]).includes(value);
export const isDataCategory = (value: string): value is DataCategory =>
  (dataCategoryKinds as readonly string[]).includes(value);
export const isRiskReason = (value: string): value is RiskReason => (riskReasonKinds as readonly string[]).includes(value);

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
/** From this many agents a contact center processes at the scale art. 35 DPIA lists speak of. */
export const LARGE_WORKFORCE = 250;

/** The reasons a profile carries, each once, in {@link riskReasonKinds} order. */
export function riskReasons(profile: RiskProfile): RiskReason[] {
  const found = new Set<RiskReason>();
  const has = (c: string) => profile.dataCategories.includes(c);
  if (has("special_categories") || has("criminal_data")) found.add("special_categories");
  if (has("bsn")) found.add("national_id");
  if (has("payment_data")) found.add("payment_data");
  if (has("identity_documents")) found.add("identity_documents");
  if (has("children")) found.add("vulnerable_subjects");
  if (has("call_recordings")) found.add("recordings");
  if (profile.services.includes("outbound")) found.add("outbound_telemarketing");
  // Remote access from a third country is a transfer too (REFERENCE §1.9), so any site or
  // country outside the EEA counts.
  if (profile.countries.some((c) => !EEA.has(c.toUpperCase()))) found.add("outside_eea");
  if ((profile.agentHeadcount ?? 0) >= LARGE_WORKFORCE) found.add("large_workforce");
  return riskReasonKinds.filter((r) => found.has(r));
}

/** Tier 1 for any high-risk reason or three others together; tier 2 for any reason; else 3. */
export function suggestRiskTier(reasons: readonly RiskReason[]): RiskTier {
  if (reasons.some((r) => HIGH.includes(r)) || reasons.length >= 3) return 1;
  return reasons.length > 0 ? 2 : 3;
}
