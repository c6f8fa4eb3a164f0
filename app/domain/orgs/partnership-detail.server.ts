import { db } from "#db/client.server";
import { getLatestPartnerInvitation, getPartnershipForClient, getPartnershipForVendor } from "#db/queries/partnerships";
import { isUuid } from "~/auth/guards.server";
import type { Actor } from "~/auth/policy";
import { DomainError } from "~/domain/errors";
import { isRiskReason, riskReasons, suggestRiskTier } from "./inherent-risk";
import { extraCountriesOf } from "./partnership-form";
import { isEditable, nextStatuses } from "./partnership-status";

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

/**
 * One partnership as its client sees it, as a view model (no token hashes): the register, the
 * tier suggestion for the stored profile, the latest invitation and what may happen next.
 * Another client's partnership, or an id that is no id: not found.
 */
export async function getClientPartnershipView(actor: Actor, partnershipId: string | undefined, now: Date = new Date()) {
  if (!isUuid(partnershipId)) throw new DomainError("not_found");
  const row = await getPartnershipForClient(db(), actor.organizationId, partnershipId);
  if (!row) throw new DomainError("not_found");
  const invitation = await getLatestPartnerInvitation(db(), actor.organizationId, row.id);
  const suggestedTier = suggestRiskTier(riskReasons(row));
  return {
    partnership: {
      id: row.id,
      clientOrgId: row.clientOrgId,
      vendorOrgId: row.vendorOrgId,
      vendorDisplayName: row.vendorDisplayName,
      vendorName: row.vendorName,
      services: row.services,
      dataCategories: row.dataCategories,
      sites: row.sites,
      countries: row.countries,
      extraCountries: extraCountriesOf(row.countries, row.sites),
      agentHeadcount: row.agentHeadcount,
      riskTier: row.riskTier,
      riskReasons: row.riskReasons.filter(isRiskReason),
      suggestedTier,
      contractStart: row.contractStart,
      contractEnd: row.contractEnd,
      status: row.status,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      isEditable: isEditable(row.status),
      nextStatuses: [...nextStatuses(row.status)],
    },
    invitation: invitation
      ? {
          email: invitation.email,
          locale: invitation.locale,
          sentAt: invitation.updatedAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          state: invitationState(invitation, now),
        }
      : null,
  };
}

function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/**
 * One partnership as its vendor sees it: the client's name and the register, nothing about the
 * client's other contact centers. Another vendor's partnership: not found.
 */
export async function getVendorPartnershipView(actor: Actor, partnershipId: string | undefined) {
  if (!isUuid(partnershipId)) throw new DomainError("not_found");
  const row = await getPartnershipForVendor(db(), actor.organizationId, partnershipId);
  if (!row) throw new DomainError("not_found");
  return {
    id: row.id,
    clientOrgId: row.clientOrgId,
    vendorOrgId: row.vendorOrgId,
    clientName: row.clientName,
    services: row.services,
    dataCategories: row.dataCategories,
    sites: row.sites,
    countries: row.countries,
    agentHeadcount: row.agentHeadcount,
    riskTier: row.riskTier,
    riskReasons: row.riskReasons.filter(isRiskReason),
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
    status: row.status,
  };
}

/** The client's partnership as a policy resource, or not found (another client's id included). */
export async function getClientPartnershipResource(actor: Actor, partnershipId: string | undefined) {
  if (!isUuid(partnershipId)) throw new DomainError("not_found");
  const row = await getPartnershipForClient(db(), actor.organizationId, partnershipId);
  if (!row) throw new DomainError("not_found");
  return { type: "partnership" as const, id: row.id, clientOrgId: row.clientOrgId, vendorOrgId: row.vendorOrgId };
}
