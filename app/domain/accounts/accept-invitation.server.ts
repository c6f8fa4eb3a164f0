import { aliasedTable, and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "#db/client.server";
import { getMembership } from "#db/queries/memberships";
import { getUserByEmail } from "#db/queries/users";
import { invitations, memberships, organizations, partnerships, users } from "#db/schema/index";
import { hashPassword } from "~/auth/password.server";
import { passwordProblems } from "~/auth/password-policy";
import { isRoleOfKind, sideSegment, type OrganizationKind } from "~/auth/roles";
import { hashEmailToken, isWellFormedToken } from "~/auth/tokens.server";
import { recordAuditEvent, type AuditContext, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { notify } from "~/domain/notifications/notify.server";


export interface InvitationSummary {
  kind: "partner" | "colleague";
  email: string;
  role: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  inviterName: string | null;
  /** Partner invitations: the name the client knows the contact center by. */
  vendorDisplayName: string | null;
  expiresAt: string;
}

/** A vendor organization the signed-in invitee administers, offered for linking. */
export interface VendorOption {
  id: string;
  name: string;
  /** Already works with the inviting client (only this client is considered, never others). */
  alreadyPartner: boolean;
}

export type InvitationVisitor =
  | { kind: "new_account" }
  | { kind: "sign_in_needed" }
  | { kind: "invitee"; vendorOptions: VendorOption[] }
  | { kind: "other_user"; signedInEmail: string };

export type InvitationPage =
  | { state: "invalid" | "expired" | "revoked" | "accepted" }
  | { state: "open"; invitation: InvitationSummary; visitor: InvitationVisitor };

const inviter = aliasedTable(users, "inviter");

async function findByToken(executor: Executor, token: string) {
  const [row] = await executor
    .select({
      id: invitations.id,
      kind: invitations.kind,
      organizationId: invitations.organizationId,
      partnershipId: invitations.partnershipId,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      invitedByUserId: invitations.invitedByUserId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      inviterName: inviter.name,
      vendorDisplayName: partnerships.vendorDisplayName,
      partnershipStatus: partnerships.status,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .leftJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .where(eq(invitations.tokenHash, hashEmailToken(token)))
    .limit(1);
  return row;
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findByToken>>>;

/** Why an invitation cannot be used, or null when it can. Accepted wins over the rest. */
function unusableState(row: FoundInvitation | undefined, now = new Date()) {
  if (!row) return "invalid" as const;
  if (row.acceptedAt) return "accepted" as const;
  // A partner invitation whose partnership was withdrawn is as good as revoked.
  if (row.revokedAt || (row.kind === "partner" && row.partnershipStatus !== "invited")) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return null;
}

/**
 * What the invitation page shows: the invitation's state and, for an open one, what the visitor
 * can do (create an account, sign in, accept, or sign out because it is meant for someone else).
 * Reads only.
 */
export async function getInvitationPage(
  token: string,
  sessionUser: { id: string; email: string } | null,
): Promise<InvitationPage> {
  if (!isWellFormedToken(token)) return { state: "invalid" };
  const row = await findByToken(db(), token);
  const state = unusableState(row);
  if (state || !row) return { state: state ?? "invalid" };
  const invitation: InvitationSummary = {
    kind: row.kind,
    email: row.email,
    role: row.role,
    organizationName: row.organizationName,
    organizationKind: row.organizationKind,
    inviterName: row.inviterName,
    vendorDisplayName: row.kind === "partner" ? row.vendorDisplayName : null,
    expiresAt: row.expiresAt.toISOString(),
  };
  const isInvitee = sessionUser && sessionUser.email.toLowerCase() === row.email.toLowerCase();
  if (sessionUser && !isInvitee) {
    return { state: "open", invitation, visitor: { kind: "other_user", signedInEmail: sessionUser.email } };
  }
  if (sessionUser) {
    const vendorOptions = row.kind === "partner" ? await findLinkableVendors(db(), sessionUser.id, row.organizationId) : [];
    return { state: "open", invitation, visitor: { kind: "invitee", vendorOptions } };
  }
  const account = await getUserByEmail(db(), row.email);
  return { state: "open", invitation, visitor: { kind: account ? "sign_in_needed" : "new_account" } };
}

/** Vendor organizations the user administers, and whether each already works with this client. */
async function findLinkableVendors(executor: Executor, userId: string, clientOrgId: string): Promise<VendorOption[]> {
  return executor
    .select({
      id: organizations.id,
      name: organizations.name,
      alreadyPartner: sql<boolean>`exists (
        select 1 from ${partnerships}
        where ${partnerships.clientOrgId} = ${clientOrgId}
          and ${partnerships.vendorOrgId} = ${organizations.id}
          and ${partnerships.status} <> 'ended')`,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "admin"), eq(organizations.kind, "vendor")))
    .orderBy(asc(organizations.name));
}

export interface AcceptInvitationInput {
  token: string;
  /** The signed-in user, if any. */
  sessionUserId: string | null;
  /** For an address without an account: the account to create. */
  registration?: { name: string; password: string };
  /** Partner invitations: create a new contact-center organization, or link one the user administers. */
  vendor?: { kind: "new"; name?: string } | { kind: "existing"; organizationId: string };
}

export interface AcceptedInvitation {
  userId: string;
  organizationId: string;
  /** Where to go next: the home of the organization joined. */
  home: string;
}

const errors = {
  invalid: () => new DomainError("not_found", "auth:invitation.invalid"),
  expired: () => new DomainError("expired", "auth:invitation.expired"),
  revoked: () => new DomainError("invalid_state", "auth:invitation.revoked"),
  accepted: () => new DomainError("invalid_state", "auth:invitation.alreadyAccepted"),
};

/**
 * Accepts an invitation in one transaction: claims it (so it works once), creates the account
 * when there is none, and then either joins the colleague to the organization or, for a partner
 * invitation, creates or links the contact center and activates the partnership. Audit events,
 * and a notification to the person who invited, are written in the same transaction.
 */
export async function acceptInvitation(input: AcceptInvitationInput, meta: RequestMeta): Promise<AcceptedInvitation> {
  if (!isWellFormedToken(input.token)) throw errors.invalid();
  // Early answer for links that cannot work, before spending a password hash on them; the claim
  // below is what actually guards against races.
  const unusable = unusableState(await findByToken(db(), input.token));
  if (unusable) throw errors[unusable]();
  // Hashing is slow on purpose; do it before the transaction holds any lock.
  const passwordHash = input.registration ? await hashPassword(input.registration.password) : null;
  try {
    return await db().transaction(async (tx) => {
      const found = await findByToken(tx, input.token);
      if (found?.kind === "partner" && found.partnershipId) {
        // Same lock order as the client's partner-invitation use cases (partnership, then
        // invitation), so an acceptance racing a re-send waits instead of deadlocking.
        await tx.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, found.partnershipId)).for("update");
      }
      const tokenHash = hashEmailToken(input.token);
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: sql`now()`, updatedAt: sql`now()` })
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .returning();
      if (!claimed) {
        const state = unusableState(await findByToken(tx, input.token));
        throw errors[state ?? "invalid"]();
      }

      const user = await resolveUser(tx, claimed.email, claimed.locale, input, passwordHash, meta);
      const context: AuditContext = { ...meta, actorUserId: user.id };
      await tx
        .update(invitations)
        .set({ acceptedByUserId: user.id })
        .where(eq(invitations.id, claimed.id));

      const [inviting] = await tx.select().from(organizations).where(eq(organizations.id, claimed.organizationId));
      const joined =
        claimed.kind === "partner"
          ? await joinAsPartner(tx, { invitation: claimed, client: inviting, userId: user.id, vendor: input.vendor, context })
          : await joinAsColleague(tx, { invitation: claimed, organization: inviting, userId: user.id, context });

      await recordAuditEvent(tx, context, {
        organizationId: claimed.organizationId,
        action: "invitation.accepted",
        entityType: "invitation",
        entityId: claimed.id,
        summary: { kind: claimed.kind, email: claimed.email, role: claimed.role },
      });
      await tx
        .update(users)
        .set({ lastOrganizationId: joined.organizationId, updatedAt: sql`now()` })
        .where(eq(users.id, user.id));
      // Someone who has left the inviting organization learns nothing about who joined it.
      const inviterStillMember =
        claimed.invitedByUserId && (await getMembership(tx, claimed.invitedByUserId, claimed.organizationId));
      if (claimed.invitedByUserId && inviterStillMember) {
        await notify(tx, [
          {
            userId: claimed.invitedByUserId,
            organizationId: claimed.organizationId,
            messageKey:
              claimed.kind === "partner"
                ? "auth:notifications.partnerInvitationAccepted"
                : "auth:notifications.colleagueInvitationAccepted",
            params: { name: user.name, organizationName: joined.organizationName },
            link: joined.inviterLink,
          },
        ]);
      }
      return {
        userId: user.id,
        organizationId: joined.organizationId,
        home: `/${sideSegment[joined.organizationKind]}/${joined.organizationId}`,
      };
    });
  } catch (error) {
    // Two acceptances racing for the same account, membership or partnership: one wins.
    if (isUniqueViolation(error)) throw new DomainError("conflict", "auth:invitation.conflict");
    throw error;
  }
}

async function resolveUser(
  tx: Transaction,
  email: string,
  locale: "nl" | "en",
  input: AcceptInvitationInput,
  passwordHash: string | null,
  meta: RequestMeta,
) {
  const existing = await getUserByEmail(tx, email);
  if (existing) {
    if (!input.sessionUserId) throw new DomainError("unauthenticated", "auth:invitation.signInFirst");
    if (input.sessionUserId !== existing.id) throw new DomainError("forbidden", "auth:invitation.otherAccount");
    return existing;
  }
  // Signed in as someone else while the invitation is for a new address: not for this session.
  if (input.sessionUserId) throw new DomainError("forbidden", "auth:invitation.otherAccount");
  if (!input.registration || !passwordHash) {
    throw new DomainError("invalid_input", "auth:invitation.registrationRequired");
  }
  const problem = passwordProblems(input.registration.password, { email })[0];
  if (problem) throw new DomainError("invalid_input", problem);
  const [created] = await tx
    .insert(users)
    .values({ email, name: input.registration.name, locale, passwordHash })
    .returning();
  await recordAuditEvent(tx, { ...meta, actorUserId: created.id }, {
    organizationId: null,
    action: "user.created",
    entityType: "user",
    entityId: created.id,
    summary: { via: "invitation" },
  });
  return created;
}

type Invitation = typeof invitations.$inferSelect;
type Organization = typeof organizations.$inferSelect;

interface Joined {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  /** Where the notification to the inviter points. */
  inviterLink: string;
}

async function joinAsPartner(
  tx: Transaction,
  args: {
    invitation: Invitation;
    client: Organization;
    userId: string;
    vendor: AcceptInvitationInput["vendor"];
    context: AuditContext;
  },
): Promise<Joined> {
  const { invitation, client, userId, context } = args;
  if (!invitation.partnershipId) throw errors.revoked();
  const [partnership] = await tx
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.id, invitation.partnershipId), eq(partnerships.clientOrgId, client.id)))
    .for("update");
  if (!partnership || partnership.status !== "invited") throw errors.revoked();

  let vendor: Organization;
  if (args.vendor?.kind === "existing") {
    const membership = await getMembership(tx, userId, args.vendor.organizationId);
    // Only organizations the user administers can be linked; anything else does not exist for them.
    if (!membership || membership.organizationKind !== "vendor" || membership.role !== "admin") {
      throw new DomainError("not_found", "auth:invitation.vendorNotFound");
    }
    const [existingPartnership] = await tx
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(
        and(
          eq(partnerships.clientOrgId, client.id),
          eq(partnerships.vendorOrgId, membership.organizationId),
          ne(partnerships.status, "ended"),
        ),
      )
      .limit(1);
    if (existingPartnership) throw new DomainError("conflict", "auth:invitation.alreadyPartners");
    [vendor] = await tx.select().from(organizations).where(eq(organizations.id, membership.organizationId));
  } else {
    const name = (args.vendor?.kind === "new" ? args.vendor.name?.trim() : "") || partnership.vendorDisplayName;
    [vendor] = await tx.insert(organizations).values({ kind: "vendor", name }).returning();
    await recordAuditEvent(tx, context, {
      organizationId: vendor.id,
      action: "organization.created",
      entityType: "organization",
      entityId: vendor.id,
      summary: { name: vendor.name, kind: "vendor", via: "partner_invitation" },
    });
    const [membership] = await tx
      .insert(memberships)
      .values({ userId, organizationId: vendor.id, role: "admin" })
      .returning({ id: memberships.id });
    await recordAuditEvent(tx, context, {
      organizationId: vendor.id,
      action: "membership.created",
      entityType: "membership",
      entityId: membership.id,
      summary: { userId, role: "admin", via: "partner_invitation" },
    });
  }

  await tx
    .update(partnerships)
    .set({ vendorOrgId: vendor.id, status: "active", version: sql`${partnerships.version} + 1`, updatedAt: sql`now()` })
    .where(eq(partnerships.id, partnership.id));
  // Each side's trail records the activation, each naming only the other party of this partnership.
  await recordAuditEvent(tx, context, {
    organizationId: client.id,
    action: "partnership.activated",
    entityType: "partnership",
    entityId: partnership.id,
    summary: { vendorName: vendor.name },
  });
  await recordAuditEvent(tx, context, {
    organizationId: vendor.id,
    action: "partnership.activated",
    entityType: "partnership",
    entityId: partnership.id,
    summary: { clientName: client.name },
  });
  return {
    organizationId: vendor.id,
    organizationName: vendor.name,
    organizationKind: "vendor",
    inviterLink: `/client/${client.id}/partners/${partnership.id}`,
  };
}

async function joinAsColleague(
  tx: Transaction,
  args: { invitation: Invitation; organization: Organization; userId: string; context: AuditContext },
): Promise<Joined> {
  const { invitation, organization, userId, context } = args;
  if (!isRoleOfKind(organization.kind, invitation.role)) throw errors.revoked();
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organization.id)))
    .limit(1);
  if (existing) throw new DomainError("conflict", "auth:invitation.alreadyMember");
  const [membership] = await tx
    .insert(memberships)
    .values({ userId, organizationId: organization.id, role: invitation.role })
    .returning({ id: memberships.id });
  await recordAuditEvent(tx, context, {
    organizationId: organization.id,
    action: "membership.created",
    entityType: "membership",
    entityId: membership.id,
    summary: { userId, role: invitation.role, via: "colleague_invitation" },
  });
  return {
    organizationId: organization.id,
    organizationName: organization.name,
    organizationKind: organization.kind,
    inviterLink: `/${sideSegment[organization.kind]}/${organization.id}/members`,
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
