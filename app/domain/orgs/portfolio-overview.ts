import { addDays } from "~/utils/calendar-date";
import { riskTiers, type RiskTier } from "./inherent-risk";
import { partnershipStatuses, type PartnershipStatus } from "./partnership-status";

/** The client's overview of its contact centers: counts and contracts running out. Pure. */
export const CONTRACT_HORIZON_DAYS = 90;

export interface PortfolioRow {
  id: string;
  name: string;
  riskTier: number;
  status: PartnershipStatus;
  contractEnd: string | null;
}

export interface PortfolioOverview {
  total: number;
  byTier: Record<RiskTier, number>;
  byStatus: Record<PartnershipStatus, number>;
  /** Live partnerships whose contract ends within the horizon, or has already ended; soonest first. */
  contractsEnding: { id: string; name: string; contractEnd: string; hasLapsed: boolean }[];
}



export function summarizePortfolio(rows: readonly PortfolioRow[], today: string): PortfolioOverview {
  const byTier = Object.fromEntries(riskTiers.map((t) => [t, 0])) as Record<RiskTier, number>;
  const byStatus = Object.fromEntries(partnershipStatuses.map((s) => [s, 0])) as Record<PartnershipStatus, number>;
  const horizon = addDays(today, CONTRACT_HORIZON_DAYS);
  const contractsEnding: PortfolioOverview["contractsEnding"] = [];
  for (const row of rows) {
    byStatus[row.status] += 1;
    // Ended partnerships no longer carry risk for the portfolio.
    if (row.status === "ended") continue;
    if (row.riskTier in byTier) byTier[row.riskTier as RiskTier] += 1;
    if (row.contractEnd && row.contractEnd <= horizon) {
      contractsEnding.push({ id: row.id, name: row.name, contractEnd: row.contractEnd, hasLapsed: row.contractEnd < today });
    }
  }
  contractsEnding.sort((a, b) => a.contractEnd.localeCompare(b.contractEnd) || a.name.localeCompare(b.name));
  return { total: rows.length, byTier, byStatus, contractsEnding };
}
