import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { memberships, organizations, users } from "../schema/index";

/** The user's membership of one organization, or nothing: the basis of every tenant check. */
export async function getMembership(executor: Executor, userId: string, organizationId: string) {
  const [row] = await executor
    .select({
      role: memberships.role,
      organizationId: organizations.id,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  return row;
}

export async function findMembershipsOfUser(executor: Executor, userId: string) {
  return executor
    .select({
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

export async function findMembersOfOrganization(executor: Executor, organizationId: string) {
  return executor
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(sql`lower(${users.name})`));
}

export async function countAdmins(executor: Executor, organizationId: string, adminRole: string) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, adminRole)));
  return row?.count ?? 0;
}

/** Members of an organization with the given roles, with what an e-mail needs. */
export async function findMembersWithRoles(executor: Executor, organizationId: string, roles: string[]) {
  return executor
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, roles)));
}
