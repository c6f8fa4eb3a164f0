import { randomUUID } from "node:crypto";
import type { Executor } from "#db/client.server";
import { memberships, organizations, partnerships, users } from "#db/schema/index";
import { hashPassword } from "~/auth/password.server";
import type { OrganizationKind, Role } from "~/auth/roles";

/**
 * Builders for tests and demo data. Each returns the row it made; names are unique per call so
 * tests never collide in a shared database.
 */
const unique = () => randomUUID().slice(0, 8);

let cachedHash: { password: string; hash: Promise<string> } | undefined;
/** Hashing is deliberately slow; tests reuse one hash per password. */
function passwordHashFor(password: string) {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
}

export const DEFAULT_TEST_PASSWORD = "correct-horse-battery-staple";

export async function createOrganization(
  executor: Executor,
  kind: OrganizationKind,
  overrides: Partial<typeof organizations.$inferInsert> = {},
) {
  const [row] = await executor
    .insert(organizations)
    .values({ kind, name: `${kind} ${unique()}`, ...overrides })
    .returning();
  return row;
}

export async function createUser(
  executor: Executor,
  overrides: Partial<typeof users.$inferInsert> & { password?: string | null } = {},
) {
  const { password = DEFAULT_TEST_PASSWORD, ...rest } = overrides;
  const id = unique();
  const [row] = await executor
    .insert(users)
    .values({
      email: `user-${id}@example.test`,
      name: `User ${id}`,
      locale: "en",
      passwordHash: password ? await passwordHashFor(password) : null,
      ...rest,
    })
    .returning();
  return row;
}

export async function addMembership(executor: Executor, userId: string, organizationId: string, role: Role) {
  const [row] = await executor.insert(memberships).values({ userId, organizationId, role }).returning();
  return row;
}

/** An organization with one member of the given role. */
export async function createMember(
  executor: Executor,
  kind: OrganizationKind,
  role: Role,
  options: { organizationId?: string; user?: Parameters<typeof createUser>[1] } = {},
) {
  const organization = options.organizationId
    ? { id: options.organizationId }
    : await createOrganization(executor, kind);
  const user = await createUser(executor, options.user);
  await addMembership(executor, user.id, organization.id, role);
  return { user, organizationId: organization.id };
}

export async function createPartnership(
  executor: Executor,
  clientOrgId: string,
  vendorOrgId: string | null,
  overrides: Partial<typeof partnerships.$inferInsert> = {},
) {
  const [row] = await executor
    .insert(partnerships)
    .values({
      clientOrgId,
      vendorOrgId,
      vendorDisplayName: `Vendor ${unique()}`,
      services: ["inbound"],
      dataCategories: ["contact_details"],
      countries: ["NL"],
      riskTier: 2,
      status: vendorOrgId ? "active" : "invited",
      ...overrides,
    })
    .returning();
  return row;
}
