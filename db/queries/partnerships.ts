import { aliasedTable, and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { invitations, organizations, partnerships, type PartnershipSite } from "../schema/index";

/**
 * Partnerships and their partner invitations. Every function takes the tenant (the client's or
 * the vendor's organization id) and puts it in the WHERE clause: an id from another tenant finds
 * nothing.
 */
type Status = (typeof partnerships.$inferSelect)["status"];

export interface ClientPartnershipFilters {
  status?: Status;
  tier?: number;
}

const vendorOrg = aliasedTable(organizations, "vendor_org");
const clientOrg = aliasedTable(organizations, "client_org");

/** The client's register, optionally filtered; by name. */
export async function findPartnershipsForClient(executor: Executor, clientOrgId: string, filters: ClientPartnershipFilters = {}) {
  return executor
    .select({
      id: partnerships.id,
      vendorDisplayName: partnerships.vendorDisplayName,
      vendorOrgId: partnerships.vendorOrgId,
      services: partnerships.services,
      countries: partnerships.countries,
      riskTier: partnerships.riskTier,
      status: partnerships.status,
      contractStart: partnerships.contractStart,
      contractEnd: partnerships.contractEnd,
    })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.clientOrgId, clientOrgId),
        filters.status ? eq(partnerships.status, filters.status) : undefined,
        filters.tier ? eq(partnerships.riskTier, filters.tier) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${partnerships.vendorDisplayName})`), asc(partnerships.createdAt));
}

/** The vendor's clients. Only this vendor's partnerships: never a client's other vendors. */
export async function findPartnershipsForVendor(executor: Executor, vendorOrgId: string) {
  return executor
    .select({
      id: partnerships.id,
      clientName: clientOrg.name,
      services: partnerships.services,
      status: partnerships.status,
    })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(eq(partnerships.vendorOrgId, vendorOrgId))
    .orderBy(asc(sql`lower(${clientOrg.name})`), asc(partnerships.createdAt));
}

const detailColumns = {
  id: partnerships.id,
  clientOrgId: partnerships.clientOrgId,
  vendorOrgId: partnerships.vendorOrgId,
  vendorDisplayName: partnerships.vendorDisplayName,
  services: partnerships.services,
  dataCategories: partnerships.dataCategories,
  sites: partnerships.sites,
  countries: partnerships.countries,
  agentHeadcount: partnerships.agentHeadcount,
  riskTier: partnerships.riskTier,
  riskReasons: partnerships.riskReasons,
  contractStart: partnerships.contractStart,
  contractEnd: partnerships.contractEnd,
  status: partnerships.status,
  version: partnerships.version,
  createdAt: partnerships.createdAt,
  updatedAt: partnerships.updatedAt,
};

/** One partnership of the client, with the vendor organization's own name once linked. */
export async function getPartnershipForClient(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ ...detailColumns, vendorName: vendorOrg.name })
    .from(partnerships)
    .leftJoin(vendorOrg, eq(vendorOrg.id, partnerships.vendorOrgId))
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(partnerships.id, partnershipId)))
    .limit(1);
  return row;
}

/** The same, locked for the rest of the transaction: the basis of version checks. */
export async function lockPartnershipForClient(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select(detailColumns)
    .from(partnerships)
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(partnerships.id, partnershipId)))
    .for("update")
    .limit(1);
  return row;
}

/** One partnership as its vendor sees it: with the client's name. */
export async function getPartnershipForVendor(executor: Executor, vendorOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({
      id: partnerships.id,
      clientOrgId: partnerships.clientOrgId,
      vendorOrgId: partnerships.vendorOrgId,
      clientName: clientOrg.name,
      services: partnerships.services,
      dataCategories: partnerships.dataCategories,
      sites: partnerships.sites,
      countries: partnerships.countries,
      agentHeadcount: partnerships.agentHeadcount,
      riskTier: partnerships.riskTier,
      riskReasons: partnerships.riskReasons,
      contractStart: partnerships.contractStart,
      contractEnd: partnerships.contractEnd,
      status: partnerships.status,
    })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(partnerships.vendorOrgId, vendorOrgId), eq(partnerships.id, partnershipId)))
    .limit(1);
  return row;
}

export async function insertPartnership(
  executor: Executor,
  values: Omit<typeof partnerships.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">,
) {
  const [row] = await executor.insert(partnerships).values(values).returning({ id: partnerships.id, version: partnerships.version });
  return row;
}

export interface RegisterFieldValues {
  vendorDisplayName: string;
  services: string[];
  dataCategories: string[];
  sites: PartnershipSite[];
  countries: string[];
  agentHeadcount: number | null;
  contractStart: string | null;
  contractEnd: string | null;
  riskTier: number;
  riskReasons: string[];
}

/**
 * Writes the client's changes only if nobody changed the row since `expectedVersion` was read;
 * returns nothing otherwise. Bumps the version.
 */
export async function updatePartnershipForClient(
  executor: Executor,
  clientOrgId: string,
  partnershipId: string,
  expectedVersion: number,
  values: Partial<RegisterFieldValues> & { status?: Status },
) {
  const [row] = await executor
    .update(partnerships)
    .set({ ...values, version: sql`${partnerships.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(partnerships.clientOrgId, clientOrgId),
        eq(partnerships.id, partnershipId),
        eq(partnerships.version, expectedVersion),
      ),
    )
    .returning({ id: partnerships.id, version: partnerships.version });
  return row;
}

const invitationColumns = {
  id: invitations.id,
  partnershipId: invitations.partnershipId,
  email: invitations.email,
  locale: invitations.locale,
  role: invitations.role,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
  createdAt: invitations.createdAt,
  updatedAt: invitations.updatedAt,
};

export async function insertPartnerInvitation(
  executor: Executor,
  values: {
    organizationId: string;
    partnershipId: string;
    email: string;
    locale: "nl" | "en";
    tokenHash: string;
    invitedByUserId: string;
    expiresAt: Date;
  },
) {
  const [row] = await executor
    .insert(invitations)
    .values({ ...values, kind: "partner", role: "admin" })
    .returning({ id: invitations.id });
  return row;
}

/** The latest partner invitation of the client's partnership (the one resend and revoke act on). */
export async function getLatestPartnerInvitation(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select(invitationColumns)
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, clientOrgId),
        eq(invitations.kind, "partner"),
        eq(invitations.partnershipId, partnershipId),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1);
  return row;
}

const isOpen = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/**
 * Serializes the client's partner invitations for the rest of the transaction, so two people
 * inviting the same address at once cannot both pass the duplicate check.
 */
export async function lockPartnerInvitationsOfClient(executor: Executor, clientOrgId: string) {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`partner-invitations:${clientOrgId}`}, 0))`);
}

/** An invitation from this client to this address that could still be accepted. */
export async function findOpenPartnerInvitationByEmail(executor: Executor, clientOrgId: string, email: string, now: Date) {
  const [row] = await executor
    .select({ id: invitations.id, partnershipId: invitations.partnershipId })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .where(
      and(
        eq(invitations.organizationId, clientOrgId),
        eq(invitations.kind, "partner"),
        sql`lower(${invitations.email}) = ${email.trim().toLowerCase()}`,
        sql`${partnerships.status} <> 'ended'`,
        isOpen(now),
      ),
    )
    .limit(1);
  return row;
}

/** How many of the client's partner invitations are still waiting for an answer. */
export async function countOpenPartnerInvitations(executor: Executor, clientOrgId: string, now: Date) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .where(
      and(
        eq(invitations.organizationId, clientOrgId),
        eq(invitations.kind, "partner"),
        eq(partnerships.status, "invited"),
        isOpen(now),
      ),
    );
  return row?.count ?? 0;
}

/** Gives the invitation a new token and expiry; the old link stops working at once. */
export async function renewPartnerInvitation(
  executor: Executor,
  clientOrgId: string,
  invitationId: string,
  values: { tokenHash: string; expiresAt: Date; invitedByUserId: string },
) {
  const [row] = await executor
    .update(invitations)
    .set({ ...values, revokedAt: null, updatedAt: new Date() })
    .where(
      and(
        eq(invitations.organizationId, clientOrgId),
        eq(invitations.kind, "partner"),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return row;
}

/** Revokes the client's partner invitations of a partnership that are not accepted or revoked yet. */
export async function revokePartnerInvitations(executor: Executor, clientOrgId: string, partnershipId: string, now: Date) {
  return executor
    .update(invitations)
    .set({ revokedAt: now, updatedAt: now })
    .where(
      and(
        eq(invitations.organizationId, clientOrgId),
        eq(invitations.kind, "partner"),
        eq(invitations.partnershipId, partnershipId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
}
