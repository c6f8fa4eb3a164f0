/**
 * What an edit changed, field by field, for the audit trail. Lists compare as sets (the order of
 * ticked boxes means nothing); sites compare as rows.
 */
export interface RegisterSnapshot {
  vendorDisplayName: string;
  services: readonly string[];
  dataCategories: readonly string[];
  sites: readonly { name: string; city: string; country: string }[];
  countries: readonly string[];
  agentHeadcount: number | null;
  contractStart: string | null;
  contractEnd: string | null;
  riskTier: number;
  riskReasons: readonly string[];
}

export type FieldChange = { from: unknown; to: unknown };

const setFields = ["services", "dataCategories", "countries", "riskReasons"] as const;
const scalarFields = ["vendorDisplayName", "agentHeadcount", "contractStart", "contractEnd", "riskTier"] as const;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

const siteKey = (s: { name: string; city: string; country: string }) => `${s.name}\u0000${s.city}\u0000${s.country}`;

export function registerChanges(before: RegisterSnapshot, after: RegisterSnapshot): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of scalarFields) {
    if ((before[field] ?? null) !== (after[field] ?? null)) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  for (const field of setFields) {
    if (!sameSet(before[field], after[field])) changes[field] = { from: [...before[field]], to: [...after[field]] };
  }
  if (before.sites.map(siteKey).join("\u0001") !== after.sites.map(siteKey).join("\u0001")) {
    changes.sites = { from: before.sites.map((s) => ({ ...s })), to: after.sites.map((s) => ({ ...s })) };
  }
  return changes;
}
