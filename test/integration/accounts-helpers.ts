import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { auditEvents, invitations, outboxEmails } from "#db/schema/index";
import { newEmailToken } from "~/auth/tokens.server";
import { createMember, createPartnership } from "../factories/index";
import { db } from "../helpers";

/** Shared set-up of the accounts tests (invitations, magic links, members). */

export const uniqueEmail = (prefix = "person") => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

/** A distinct client address per test, so audit rows can be told apart in the shared database. */
export const uniqueIp = () => `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

/** Remix's json() responses carry their body; plain objects come back as they are. */
export async function bodyOf(result: unknown): Promise<any> {
  if (!(result instanceof Response)) return result;
  const text = await result.clone().text();
  return result.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
}

export function statusOfResult(result: unknown): number {
  return result instanceof Response ? result.status : 200;
}

export const cookieFrom = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? "";

/** A client (with a manager who invites) and an "invited" partnership with its invitation. */
export async function createPartnerInvitation(
  options: { email?: string; expiresAt?: Date; revokedAt?: Date; locale?: "nl" | "en" } = {},
) {
  const { user: inviter, organizationId: clientOrgId } = await createMember(db(), "client", "manager");
  const partnership = await createPartnership(db(), clientOrgId, null);
  const { token, tokenHash } = newEmailToken();
  const email = options.email ?? uniqueEmail("contact");
  const [invitation] = await db()
    .insert(invitations)
    .values({
      kind: "partner",
      organizationId: clientOrgId,
      partnershipId: partnership.id,
      email,
      role: "admin",
      locale: options.locale ?? "nl",
      tokenHash,
      invitedByUserId: inviter.id,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 14 * 86_400_000),
      revokedAt: options.revokedAt ?? null,
    })
    .returning();
  return { token, invitation, partnership, clientOrgId, inviter, email };
}

/** A colleague invitation written directly (the members page makes them through its action). */
export async function createColleagueInvitation(
  organizationId: string,
  invitedByUserId: string,
  options: { email?: string; role?: string } = {},
) {
  const { token, tokenHash } = newEmailToken();
  const email = options.email ?? uniqueEmail("colleague");
  const [invitation] = await db()
    .insert(invitations)
    .values({
      kind: "colleague",
      organizationId,
      email,
      role: options.role ?? "viewer",
      locale: "en",
      tokenHash,
      invitedByUserId,
      expiresAt: new Date(Date.now() + 14 * 86_400_000),
    })
    .returning();
  return { token, invitation, email };
}

/** The newest e-mail to an address, and the token in its link. */
export async function latestMailTo(address: string) {
  const [mail] = await db()
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, address))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const token = mail?.textBody.match(/\/(?:invitations|sign-in\/link)\/([A-Za-z0-9_-]{43})/)?.[1];
  return { mail, token };
}

export async function mailsTo(address: string) {
  return db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, address));
}

export async function auditActions(organizationId: string) {
  const rows = await db()
    .select({ action: auditEvents.action, entityId: auditEvents.entityId, summary: auditEvents.summary })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId));
  return rows;
}

export async function auditByIp(ipAddress: string, action?: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.ipAddress, ipAddress), eq(auditEvents.action, action)) : eq(auditEvents.ipAddress, ipAddress));
}
