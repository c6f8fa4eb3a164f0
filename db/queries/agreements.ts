import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, max, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import {
  agreementComments,
  agreementReminders,
  agreements,
  agreementSignatures,
  agreementTemplates,
  agreementTemplateVersions,
  organizations,
  partnerships,
  subprocessors,
  users,
} from "../schema/index";

/**
 * Processor agreements, their templates, signatures and comments. Every read that a tenant
 * route uses takes the actor's organization and puts it in the WHERE clause (through the
 * partnership for agreements), so another tenant's row is simply not found.
 */
export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementTemplateVersionRow = typeof agreementTemplateVersions.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Templates

/** Own or library template, visible to this client. */
const visibleTo = (clientOrgId: string) => or(eq(agreementTemplates.ownerOrgId, clientOrgId), isNull(agreementTemplates.ownerOrgId));

export async function getLibraryTemplateBySlug(executor: Executor, slug: string) {
  const [row] = await executor
    .select()
    .from(agreementTemplates)
    .where(and(isNull(agreementTemplates.ownerOrgId), eq(agreementTemplates.librarySlug, slug)));
  return row ?? null;
}

export async function insertTemplate(executor: Executor, values: typeof agreementTemplates.$inferInsert) {
  const [row] = await executor.insert(agreementTemplates).values(values).returning();
  return row;
}

export async function insertTemplateVersion(executor: Executor, values: typeof agreementTemplateVersions.$inferInsert) {
  const [row] = await executor.insert(agreementTemplateVersions).values(values).returning();
  return row;
}

export async function getHighestVersionNumber(executor: Executor, templateId: string) {
  const [row] = await executor
    .select({ highest: max(agreementTemplateVersions.version) })
    .from(agreementTemplateVersions)
    .where(eq(agreementTemplateVersions.templateId, templateId));
  return row?.highest ?? 0;
}

/** The client's own templates and the library, each with its versions (newest first). */
export async function findVisibleTemplatesWithVersions(executor: Executor, clientOrgId: string) {
  const templates = await executor
    .select()
    .from(agreementTemplates)
    .where(and(visibleTo(clientOrgId), isNull(agreementTemplates.archivedAt)))
    .orderBy(asc(agreementTemplates.createdAt));
  if (templates.length === 0) return [];
  const versions = await executor
    .select({
      id: agreementTemplateVersions.id,
      templateId: agreementTemplateVersions.templateId,
      version: agreementTemplateVersions.version,
      status: agreementTemplateVersions.status,
      content: agreementTemplateVersions.content,
      publishedAt: agreementTemplateVersions.publishedAt,
      updatedAt: agreementTemplateVersions.updatedAt,
    })
    .from(agreementTemplateVersions)
    .where(inArray(agreementTemplateVersions.templateId, templates.map((t) => t.id)))
    .orderBy(desc(agreementTemplateVersions.version));
  return templates.map((template) => ({ template, versions: versions.filter((v) => v.templateId === template.id) }));
}

export async function getVisibleTemplate(executor: Executor, clientOrgId: string, templateId: string) {
  const [row] = await executor
    .select()
    .from(agreementTemplates)
    .where(and(eq(agreementTemplates.id, templateId), visibleTo(clientOrgId)));
  return row ?? null;
}

/** An own template, locked for the rest of the transaction (edits of one template queue up). */
export async function lockOwnTemplate(executor: Executor, clientOrgId: string, templateId: string) {
  const [row] = await executor
    .select()
    .from(agreementTemplates)
    .where(and(eq(agreementTemplates.id, templateId), eq(agreementTemplates.ownerOrgId, clientOrgId)))
    .for("update");
  return row ?? null;
}

export async function findTemplateVersions(executor: Executor, templateId: string) {
  return executor
    .select()
    .from(agreementTemplateVersions)
    .where(eq(agreementTemplateVersions.templateId, templateId))
    .orderBy(desc(agreementTemplateVersions.version));
}

export async function getDraftVersion(executor: Executor, templateId: string) {
  const [row] = await executor
    .select()
    .from(agreementTemplateVersions)
    .where(and(eq(agreementTemplateVersions.templateId, templateId), eq(agreementTemplateVersions.status, "draft")));
  return row ?? null;
}

export async function getLatestPublishedVersion(executor: Executor, templateId: string) {
  const [row] = await executor
    .select()
    .from(agreementTemplateVersions)
    .where(and(eq(agreementTemplateVersions.templateId, templateId), eq(agreementTemplateVersions.status, "published")))
    .orderBy(desc(agreementTemplateVersions.version))
    .limit(1);
  return row ?? null;
}

/** The draft version, provided nobody saved it since `lockVersion` was read. */
const unchangedDraft = (versionId: string, lockVersion: number) =>
  and(eq(agreementTemplateVersions.id, versionId), eq(agreementTemplateVersions.status, "draft"), eq(agreementTemplateVersions.lockVersion, lockVersion));

/** Updates a draft only if nobody saved it since `lockVersion` was read; null on a conflict. */
export async function updateDraftVersion(executor: Executor, versionId: string, lockVersion: number, content: Record<string, unknown>) {
  const [row] = await executor
    .update(agreementTemplateVersions)
    .set({ content, lockVersion: sql`${agreementTemplateVersions.lockVersion} + 1`, updatedAt: new Date() })
    .where(unchangedDraft(versionId, lockVersion))
    .returning();
  return row ?? null;
}

export async function publishDraftVersion(executor: Executor, versionId: string, lockVersion: number, userId: string) {
  const now = new Date();
  const [row] = await executor
    .update(agreementTemplateVersions)
    .set({ status: "published", publishedAt: now, publishedByUserId: userId, lockVersion: sql`${agreementTemplateVersions.lockVersion} + 1`, updatedAt: now })
    .where(unchangedDraft(versionId, lockVersion))
    .returning();
  return row ?? null;
}

/** Published versions the client may send: its own and the library's (newest per template first). */
export async function findSendableVersions(executor: Executor, clientOrgId: string) {
  return executor
    .select({
      id: agreementTemplateVersions.id,
      templateId: agreementTemplateVersions.templateId,
      version: agreementTemplateVersions.version,
      content: agreementTemplateVersions.content,
      isLibrary: sql<boolean>`${agreementTemplates.ownerOrgId} is null`,
    })
    .from(agreementTemplateVersions)
    .innerJoin(agreementTemplates, eq(agreementTemplates.id, agreementTemplateVersions.templateId))
    .where(and(visibleTo(clientOrgId), isNull(agreementTemplates.archivedAt), eq(agreementTemplateVersions.status, "published")))
    .orderBy(asc(agreementTemplates.createdAt), desc(agreementTemplateVersions.version));
}

export async function getSendableVersion(executor: Executor, clientOrgId: string, versionId: string) {
  const [row] = await executor
    .select({ version: agreementTemplateVersions })
    .from(agreementTemplateVersions)
    .innerJoin(agreementTemplates, eq(agreementTemplates.id, agreementTemplateVersions.templateId))
    .where(and(eq(agreementTemplateVersions.id, versionId), visibleTo(clientOrgId), eq(agreementTemplateVersions.status, "published")));
  return row?.version ?? null;
}

// ---------------------------------------------------------------------------------------------
// Partnerships and their register, for prefilling

const vendorOrg = aliasedTable(organizations, "vendor_org");
const clientOrg = aliasedTable(organizations, "client_org");

/** An active, linked partnership of the client with both organizations' names. */
export async function getActivePartnershipForClient(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ partnership: partnerships, clientName: clientOrg.name, vendorName: vendorOrg.name })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .innerJoin(vendorOrg, eq(vendorOrg.id, partnerships.vendorOrgId))
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.clientOrgId, clientOrgId), eq(partnerships.status, "active")));
  return row ?? null;
}

export async function findActivePartnershipsForClient(executor: Executor, clientOrgId: string) {
  return executor
    .select({ id: partnerships.id, name: partnerships.vendorDisplayName })
    .from(partnerships)
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(partnerships.status, "active"), sql`${partnerships.vendorOrgId} is not null`))
    .orderBy(asc(partnerships.vendorDisplayName));
}

/** The approved sub-processors of a partnership (the caller has checked the partnership). */
export async function findApprovedSubprocessors(executor: Executor, partnershipId: string) {
  return executor
    .select({ name: subprocessors.name, service: subprocessors.service, country: subprocessors.country })
    .from(subprocessors)
    .where(and(eq(subprocessors.partnershipId, partnershipId), eq(subprocessors.status, "approved")))
    .orderBy(asc(subprocessors.name));
}

// ---------------------------------------------------------------------------------------------
// Agreements

const agreementColumns = {
  agreement: agreements,
  clientOrgId: partnerships.clientOrgId,
  vendorOrgId: partnerships.vendorOrgId,
  vendorDisplayName: partnerships.vendorDisplayName,
  clientName: clientOrg.name,
};

function agreementsWithPartnership(executor: Executor) {
  return executor
    .select(agreementColumns)
    .from(agreements)
    .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId));
}

export type ScopedAgreement = Awaited<ReturnType<typeof getAgreementForClient>> & {};

export async function getAgreementForClient(executor: Executor, clientOrgId: string, agreementId: string) {
  const [row] = await agreementsWithPartnership(executor).where(and(eq(agreements.id, agreementId), eq(partnerships.clientOrgId, clientOrgId)));
  return row ?? null;
}

/** The vendor never sees drafts. */
export async function getAgreementForVendor(executor: Executor, vendorOrgId: string, agreementId: string) {
  const [row] = await agreementsWithPartnership(executor).where(
    and(eq(agreements.id, agreementId), eq(partnerships.vendorOrgId, vendorOrgId), ne(agreements.status, "draft")),
  );
  return row ?? null;
}

/** Locks the agreement row for a state change (the caller has checked the tenant). */
export async function lockAgreement(executor: Executor, agreementId: string) {
  const [row] = await executor.select().from(agreements).where(eq(agreements.id, agreementId)).for("update");
  return row ?? null;
}

export async function findAgreementsForClient(executor: Executor, clientOrgId: string) {
  return agreementsWithPartnership(executor)
    .where(eq(partnerships.clientOrgId, clientOrgId))
    .orderBy(asc(partnerships.vendorDisplayName), desc(agreements.createdAt));
}

export async function findAgreementsForVendor(executor: Executor, vendorOrgId: string) {
  return agreementsWithPartnership(executor)
    .where(and(eq(partnerships.vendorOrgId, vendorOrgId), ne(agreements.status, "draft")))
    .orderBy(asc(clientOrg.name), desc(agreements.createdAt));
}

export async function insertAgreement(executor: Executor, values: typeof agreements.$inferInsert) {
  const [row] = await executor.insert(agreements).values(values).returning();
  return row;
}

export async function updateAgreement(executor: Executor, agreementId: string, values: Partial<typeof agreements.$inferInsert>) {
  const [row] = await executor
    .update(agreements)
    .set({ ...values, lockVersion: sql`${agreements.lockVersion} + 1`, updatedAt: new Date() })
    .where(eq(agreements.id, agreementId))
    .returning();
  return row;
}

/** Agreements of the partnership in force, other than `exceptId`. */
export async function findInForceOfPartnership(executor: Executor, partnershipId: string, exceptId: string) {
  return executor
    .select()
    .from(agreements)
    .where(and(eq(agreements.partnershipId, partnershipId), eq(agreements.status, "in_force"), ne(agreements.id, exceptId)));
}

export async function findSignatures(executor: Executor, agreementId: string) {
  return executor.select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreementId)).orderBy(asc(agreementSignatures.signedAt));
}

export async function insertSignature(executor: Executor, values: typeof agreementSignatures.$inferInsert) {
  const rows = await executor.insert(agreementSignatures).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findComments(executor: Executor, agreementId: string) {
  return executor
    .select({
      id: agreementComments.id,
      body: agreementComments.body,
      authorSide: agreementComments.authorSide,
      requestsChanges: agreementComments.requestsChanges,
      createdAt: agreementComments.createdAt,
      authorName: users.name,
    })
    .from(agreementComments)
    .leftJoin(users, eq(users.id, agreementComments.authorUserId))
    .where(eq(agreementComments.agreementId, agreementId))
    .orderBy(asc(agreementComments.createdAt));
}

export async function insertComment(executor: Executor, values: typeof agreementComments.$inferInsert) {
  const [row] = await executor.insert(agreementComments).values(values).returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Public verification and the daily job (no tenant: they look up by hash or by date)

/**
 * unsafe: no tenant scope. /verify looks an agreement up by the hash of its text or its PDF;
 * the caller answers only with the status and dates, never with anything else of the row.
 */
export async function unsafeFindAgreementByHash(executor: Executor, hash: string, field: "pdf" | "document" | "either") {
  const condition =
    field === "pdf" ? eq(agreements.pdfSha256, hash) : field === "document" ? eq(agreements.documentHash, hash) : or(eq(agreements.pdfSha256, hash), eq(agreements.documentHash, hash));
  const [row] = await executor
    .select({ id: agreements.id, status: agreements.status, inForceAt: agreements.inForceAt, endedAt: agreements.endedAt, endDate: agreements.endDate })
    .from(agreements)
    .where(condition);
  return row ?? null;
}

/** unsafe: no tenant scope. The daily job: agreements in force whose end date has passed. */
export async function unsafeFindLapsedInForce(executor: Executor, today: string) {
  return executor
    .select({ ...agreementColumns })
    .from(agreements)
    .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(agreements.status, "in_force"), lt(agreements.endDate, today)));
}

/** unsafe: no tenant scope. The daily job: agreements in force ending within `days` days. */
export async function unsafeFindEndingInForce(executor: Executor, today: string, lastDay: string) {
  return executor
    .select({ ...agreementColumns })
    .from(agreements)
    .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(agreements.status, "in_force"), sql`${agreements.endDate} >= ${today}`, sql`${agreements.endDate} <= ${lastDay}`));
}

export async function findSentReminders(executor: Executor, agreementId: string) {
  const rows = await executor.select({ daysAhead: agreementReminders.daysAhead }).from(agreementReminders).where(eq(agreementReminders.agreementId, agreementId));
  return rows.map((r) => r.daysAhead);
}

/** Records a reminder; false when another run already did (the unique index decides). */
export async function claimReminder(executor: Executor, agreementId: string, daysAhead: number) {
  const rows = await executor.insert(agreementReminders).values({ agreementId, daysAhead }).onConflictDoNothing().returning();
  return rows.length > 0;
}
