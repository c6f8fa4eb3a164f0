import { and, eq, isNull, ne, or } from "drizzle-orm";
import { db } from "#db/client.server";
import { users } from "#db/schema/index";

/**
 * Remembers the organization the user is working in, so "/" brings them back to it. Writes only
 * when it differs, so page views do not turn into writes. Navigation state, not a profile change,
 * so it leaves updatedAt alone.
 */
export async function rememberLastOrganization(userId: string, organizationId: string): Promise<void> {
  await db()
    .update(users)
    .set({ lastOrganizationId: organizationId })
    .where(and(eq(users.id, userId), or(isNull(users.lastOrganizationId), ne(users.lastOrganizationId, organizationId))));
}
