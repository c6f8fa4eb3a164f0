import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { aliasedTable, and, asc, eq, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "#db/client.server";
import { countAdmins, findMembersOfOrganization } from "#db/queries/memberships";
import { getUserByEmail, getUserById, normalizeEmail } from "#db/queries/users";
import { invitations, memberships, organizations, users } from "#db/schema/index";
import { assertCan, requireActor } from "~/auth/guards.server";
import { can, type Actor } from "~/auth/policy";
import { isRoleOfKind, rolesByKind, type OrganizationKind, type Role } from "~/auth/roles";
import { newEmailToken } from "~/auth/tokens.server";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { afterCommitDeliverMail, enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/utils/dates";
import { appUrl, domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";
import { adminRoleOf, INVITATION_VALID_DAYS, membersFormSchema, permissionForIntent, wouldLeaveNoAdmin } from "./members";


const inviter = aliasedTable(users, "inviter");

/** The members page's view model: people, pending colleague invitations, what the actor may do. */
export async function getMembersPage(actor: Actor) {
  const [members, pending] = await Promise.all([
    findMembersOfOrganization(db(), actor.organizationId),
    db()
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        locale: invitations.locale,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        invitedBy: inviter.name,
      })
      .from(invitations)
      .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
      .where(
        and(
          eq(invitations.organizationId, actor.organizationId),
          eq(invitations.kind, "colleague"),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .orderBy(asc(invitations.email)),
  ]);
  const now = Date.now();
  return {
    organizationKind: actor.organizationKind,
    roles: [...rolesByKind[actor.organizationKind]] as Role[],
    canInvite: can(actor, "members.invite"),
    canManage: can(actor, "members.manage"),
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      since: m.since.toISOString(),
      isSelf: m.userId === actor.userId,
    })),
    invitations: pending.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      locale: i.locale,
      invitedBy: i.invitedBy,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      isExpired: i.expiresAt.getTime() <= now,
    })),
  };
}

export type MembersPageData = Awaited<ReturnType<typeof getMembersPage>>;

/**
 * Locks the organization's row for the rest of the transaction, so that member changes of one
 * organization happen one after another (two admins demoting each other cannot both succeed).
 */
async function lockOrganization(tx: Transaction, organizationId: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("no key update");
  if (!row) throw new DomainError("not_found");
  return row;
}

function invitationExpiry() {
  return new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3_600_000);
}

async function sendColleagueInvitationMail(
  tx: Transaction,
  args: { to: string; locale: Locale; organizationName: string; inviterId: string; token: string; expiresAt: Date; baseUrl: string },
) {
  const inviterUser = await getUserById(tx, args.inviterId);
  await enqueueEmail(tx, args.to, args.locale, {
    template: "colleague_invitation",
    params: {
      organizationName: args.organizationName,
      inviterName: inviterUser?.name ?? "",
      link: `${args.baseUrl}/invitations/${args.token}`,
      expiresAt: formatDateTime(args.expiresAt, args.locale),
    },
  });
}

/**
 * Invites a colleague by e-mail. Someone who is already a member is a conflict; a pending
 * invitation to the same address is replaced (revoked), so only the newest link works.
 */
export async function inviteColleague(
  actor: Actor,
  input: { email: string; role: Role; locale: Locale },
  meta: RequestMeta,
  baseUrl: string,
): Promise<{ invitationId: string }> {
  if (!isRoleOfKind(actor.organizationKind, input.role)) throw new DomainError("invalid_input", "auth:members.invalidRole");
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = newEmailToken();
  const result = await db().transaction(async (tx) => {
    const organization = await lockOrganization(tx, actor.organizationId);
    const existingUser = await getUserByEmail(tx, email);
    if (existingUser) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, existingUser.id), eq(memberships.organizationId, organization.id)))
        .limit(1);
      if (member) throw new DomainError("conflict", "auth:members.alreadyMember", { email });
    }
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(invitations.organizationId, organization.id),
          eq(invitations.kind, "colleague"),
          sql`lower(${invitations.email}) = ${email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    const expiresAt = invitationExpiry();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        kind: "colleague",
        organizationId: organization.id,
        email,
        role: input.role,
        locale: input.locale,
        tokenHash,
        invitedByUserId: actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await sendColleagueInvitationMail(tx, {
      to: email,
      locale: input.locale,
      organizationName: organization.name,
      inviterId: actor.userId,
      token,
      expiresAt,
      baseUrl,
    });
    await recordAuditEvent(tx, { ...meta, actorUserId: actor.userId }, {
      organizationId: organization.id,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      summary: { kind: "colleague", email, role: input.role, replaced: replaced.map((r) => r.id) },
    });
    return { invitationId: invitation.id };
  });
  afterCommitDeliverMail();
  return result;
}

async function getMemberForUpdate(tx: Transaction, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  // A user of another organization is, from here, no one at all.
  if (!member) throw new DomainError("not_found");
  return member;
}

async function assertKeepsAnAdmin(tx: Transaction, kind: OrganizationKind, organizationId: string, currentRole: string, newRole: Role | null) {
  const adminRole = adminRoleOf(kind);
  const adminCount = currentRole === adminRole ? await countAdmins(tx, organizationId, adminRole) : 0;
  if (wouldLeaveNoAdmin({ kind, currentRole, newRole, adminCount })) {
    throw new DomainError("invalid_state", kind === "audit_firm" ? "auth:members.lastLeadAuditor" : "auth:members.lastAdmin");
  }
}

/** Changes a member's role; the organization keeps at least one administrator. */
export async function changeMemberRole(actor: Actor, input: { userId: string; role: Role }, meta: RequestMeta) {
  if (!isRoleOfKind(actor.organizationKind, input.role)) throw new DomainError("invalid_input", "auth:members.invalidRole");
  await db().transaction(async (tx) => {
    const organization = await lockOrganization(tx, actor.organizationId);
    const member = await getMemberForUpdate(tx, organization.id, input.userId);
    if (member.role === input.role) return;
    await assertKeepsAnAdmin(tx, organization.kind, organization.id, member.role, input.role);
    await tx
      .update(memberships)
      .set({ role: input.role, updatedAt: sql`now()` })
      .where(eq(memberships.id, member.id));
    await recordAuditEvent(tx, { ...meta, actorUserId: actor.userId }, {
      organizationId: organization.id,
      action: "membership.role_changed",
      entityType: "membership",
      entityId: member.id,
      summary: { userId: input.userId, from: member.role, to: input.role },
    });
  });
}

/** Removes a member from the organization; never the last administrator. */
export async function removeMember(actor: Actor, input: { userId: string }, meta: RequestMeta) {
  await db().transaction(async (tx) => {
    const organization = await lockOrganization(tx, actor.organizationId);
    const member = await getMemberForUpdate(tx, organization.id, input.userId);
    await assertKeepsAnAdmin(tx, organization.kind, organization.id, member.role, null);
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    // "/" should no longer send them to an organization they left.
    await tx
      .update(users)
      .set({ lastOrganizationId: null })
      .where(and(eq(users.id, input.userId), eq(users.lastOrganizationId, organization.id)));
    await recordAuditEvent(tx, { ...meta, actorUserId: actor.userId }, {
      organizationId: organization.id,
      action: "membership.removed",
      entityType: "membership",
      entityId: member.id,
      summary: { userId: input.userId, role: member.role },
    });
  });
}

const pendingColleagueInvitation = (organizationId: string, invitationId: string) =>
  and(
    eq(invitations.id, invitationId),
    eq(invitations.organizationId, organizationId),
    eq(invitations.kind, "colleague"),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
  );

/** Withdraws a pending colleague invitation; its link stops working. */
export async function revokeInvitation(actor: Actor, input: { invitationId: string }, meta: RequestMeta) {
  await db().transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
      .where(pendingColleagueInvitation(actor.organizationId, input.invitationId))
      .returning({ id: invitations.id, email: invitations.email });
    if (!revoked) throw new DomainError("not_found");
    await recordAuditEvent(tx, { ...meta, actorUserId: actor.userId }, {
      organizationId: actor.organizationId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: revoked.id,
      summary: { email: revoked.email },
    });
  });
}

/** Sends a pending invitation again with a new link (and a new expiry); the old link stops working. */
export async function resendInvitation(actor: Actor, input: { invitationId: string }, meta: RequestMeta, baseUrl: string) {
  const { token, tokenHash } = newEmailToken();
  await db().transaction(async (tx) => {
    const organization = await lockOrganization(tx, actor.organizationId);
    const expiresAt = invitationExpiry();
    const [renewed] = await tx
      .update(invitations)
      .set({ tokenHash, expiresAt, invitedByUserId: actor.userId, updatedAt: sql`now()` })
      .where(pendingColleagueInvitation(organization.id, input.invitationId))
      .returning({ id: invitations.id, email: invitations.email, locale: invitations.locale });
    if (!renewed) throw new DomainError("not_found");
    await sendColleagueInvitationMail(tx, {
      to: renewed.email,
      locale: renewed.locale,
      organizationName: organization.name,
      inviterId: actor.userId,
      token,
      expiresAt,
      baseUrl,
    });
    await recordAuditEvent(tx, { ...meta, actorUserId: actor.userId }, {
      organizationId: organization.id,
      action: "invitation.resent",
      entityType: "invitation",
      entityId: renewed.id,
      summary: { email: renewed.email },
    });
  });
  afterCommitDeliverMail();
}

// ---------------------------------------------------------------------------------------------
// The loader and action of /client|vendor|auditor/:orgId/members, shared by the three route files.

/** Loader of a side's members page. */
export async function membersLoader({ request, params }: LoaderFunctionArgs, side: OrganizationKind) {
  const { actor } = await requireActor(request, params.orgId, side, "members.view");
  return getMembersPage(actor);
}

const notices = {
  invite: "auth:members.notices.invited",
  changeRole: "auth:members.notices.roleChanged",
  remove: "auth:members.notices.removed",
  revoke: "auth:members.notices.revoked",
  resend: "auth:members.notices.resent",
} as const;

/** Action of a side's members page: one intent per button, each with its own permission. */
export async function membersAction({ request, params, context }: ActionFunctionArgs, side: OrganizationKind) {
  // Membership first (outsiders get a 404 before anything is read), then the intent's right.
  const { actor } = await requireActor(request, params.orgId, side, "members.view");
  const formData = await readForm(request);
  assertCan(actor, permissionForIntent(formData.get("intent")));
  const submission = parseWithZod(formData, { schema: membersFormSchema(side) });
  if (submission.status !== "success") {
    return { ok: false as const, intent: String(formData.get("intent") ?? ""), result: submission.reply() };
  }
  const meta = requestMeta(request, context);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "invite":
        await inviteColleague(actor, value, meta, appUrl(request));
        return { ok: true as const, intent: value.intent, notice: notices.invite, result: submission.reply({ resetForm: true }) };
      case "changeRole":
        await changeMemberRole(actor, value, meta);
        break;
      case "remove":
        await removeMember(actor, value, meta);
        break;
      case "revoke":
        await revokeInvitation(actor, value, meta);
        break;
      case "resend":
        await resendInvitation(actor, value, meta, appUrl(request));
        break;
    }
    return { ok: true as const, intent: value.intent, notice: notices[value.intent], result: undefined };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}
