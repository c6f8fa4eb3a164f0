import { db } from "#db/client.server";
import { countOpenPartnerInvitations, findPartnershipsForClient } from "#db/queries/partnerships";
import type { Actor } from "~/auth/policy";
import { todayInDisplayZone } from "~/utils/dates";
import { summarizePortfolio } from "./portfolio-overview";

/** The client's home page: its contact centers counted by tier and status, and what needs attention. */
export async function getClientOverview(actor: Actor, now: Date = new Date()) {
  const rows = await findPartnershipsForClient(db(), actor.organizationId);
  const overview = summarizePortfolio(
    rows.map((r) => ({ id: r.id, name: r.vendorDisplayName, riskTier: r.riskTier, status: r.status, contractEnd: r.contractEnd })),
    todayInDisplayZone(now),
  );
  return { ...overview, pendingInvitations: await countOpenPartnerInvitations(db(), actor.organizationId, now) };
}
