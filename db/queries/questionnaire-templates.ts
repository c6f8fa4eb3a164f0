import { and, asc, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { TemplateContent } from "~/domain/questionnaires/model";
import type { Executor } from "../client.server";
import {
  partnerships,
  questionnaireRequests,
  questionnaireTemplates,
  questionnaireTemplateVersions,
} from "../schema/index";

/**
 * Questionnaire templates and their versions. A client sees its own templates and the system
 * library (ownerOrgId null); every read takes the client's organization id and puts it in the
 * WHERE clause, so another client's template is simply not found.
 */
export type TemplateRow = typeof questionnaireTemplates.$inferSelect;
export type TemplateVersionRow = typeof questionnaireTemplateVersions.$inferSelect;

/** Own or library template, visible to this client. */
const visibleTo = (clientOrgId: string) =>
  or(eq(questionnaireTemplates.ownerOrgId, clientOrgId), isNull(questionnaireTemplates.ownerOrgId));

export async function getVisibleTemplate(executor: Executor, clientOrgId: string, templateId: string) {
  const [row] = await executor
    .select()
    .from(questionnaireTemplates)
    .where(and(eq(questionnaireTemplates.id, templateId), visibleTo(clientOrgId)));
  return row ?? null;
}

/** An own template, locked for the rest of the transaction (edits of one template queue up). */
export async function lockOwnTemplate(executor: Executor, clientOrgId: string, templateId: string) {
  const [row] = await executor
    .select()
    .from(questionnaireTemplates)
    .where(and(eq(questionnaireTemplates.id, templateId), eq(questionnaireTemplates.ownerOrgId, clientOrgId)))
    .for("update");
  return row ?? null;
}

/** The client's own templates (archived ones last) and the library, each with all versions. */
export async function findVisibleTemplatesWithVersions(executor: Executor, clientOrgId: string) {
  const templates = await executor
    .select()
    .from(questionnaireTemplates)
    .where(visibleTo(clientOrgId))
    .orderBy(asc(questionnaireTemplates.createdAt));
  if (templates.length === 0) return [];
  const versions = await executor
    .select({
      id: questionnaireTemplateVersions.id,
      templateId: questionnaireTemplateVersions.templateId,
      version: questionnaireTemplateVersions.version,
      status: questionnaireTemplateVersions.status,
      title: questionnaireTemplateVersions.content,
      publishedAt: questionnaireTemplateVersions.publishedAt,
      updatedAt: questionnaireTemplateVersions.updatedAt,
    })
    .from(questionnaireTemplateVersions)
    .where(inArray(questionnaireTemplateVersions.templateId, templates.map((t) => t.id)))
    .orderBy(asc(questionnaireTemplateVersions.version));
  return templates.map((template) => ({
    template,
    versions: versions
      .filter((v) => v.templateId === template.id)
      .map(({ title, ...v }) => ({ ...v, title: (title as TemplateContent).title })),
  }));
}

/** Every version of one template (the caller has checked that the template is visible). */
export async function findTemplateVersions(executor: Executor, templateId: string) {
  return executor
    .select()
    .from(questionnaireTemplateVersions)
    .where(eq(questionnaireTemplateVersions.templateId, templateId))
    .orderBy(desc(questionnaireTemplateVersions.version));
}

export async function getDraftVersion(executor: Executor, templateId: string) {
  const [row] = await executor
    .select()
    .from(questionnaireTemplateVersions)
    .where(and(eq(questionnaireTemplateVersions.templateId, templateId), eq(questionnaireTemplateVersions.status, "draft")));
  return row ?? null;
}

export async function getLatestPublishedVersion(executor: Executor, templateId: string) {
  const [row] = await executor
    .select()
    .from(questionnaireTemplateVersions)
    .where(and(eq(questionnaireTemplateVersions.templateId, templateId), eq(questionnaireTemplateVersions.status, "published")))
    .orderBy(desc(questionnaireTemplateVersions.version))
    .limit(1);
  return row ?? null;
}

export async function getHighestVersionNumber(executor: Executor, templateId: string): Promise<number> {
  const [row] = await executor
    .select({ version: questionnaireTemplateVersions.version })
    .from(questionnaireTemplateVersions)
    .where(eq(questionnaireTemplateVersions.templateId, templateId))
    .orderBy(desc(questionnaireTemplateVersions.version))
    .limit(1);
  return row?.version ?? 0;
}

export async function insertTemplate(executor: Executor, values: typeof questionnaireTemplates.$inferInsert) {
  const [row] = await executor.insert(questionnaireTemplates).values(values).returning();
  return row;
}

export async function insertTemplateVersion(executor: Executor, values: typeof questionnaireTemplateVersions.$inferInsert) {
  const [row] = await executor.insert(questionnaireTemplateVersions).values(values).returning();
  return row;
}

/** Saves a draft's content if its lockVersion is still the one the editor saw; null otherwise. */
export async function updateDraftContent(
  executor: Executor,
  versionId: string,
  lockVersion: number,
  content: TemplateContent,
) {
  const [row] = await executor
    .update(questionnaireTemplateVersions)
    .set({ content, lockVersion: lockVersion + 1, updatedAt: new Date() })
    .where(
      and(
        eq(questionnaireTemplateVersions.id, versionId),
        eq(questionnaireTemplateVersions.status, "draft"),
        eq(questionnaireTemplateVersions.lockVersion, lockVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Publishes a draft if its lockVersion is still the one the publisher saw; null otherwise. */
export async function publishDraft(executor: Executor, versionId: string, lockVersion: number, userId: string) {
  const now = new Date();
  const [row] = await executor
    .update(questionnaireTemplateVersions)
    .set({ status: "published", publishedAt: now, publishedByUserId: userId, lockVersion: lockVersion + 1, updatedAt: now })
    .where(
      and(
        eq(questionnaireTemplateVersions.id, versionId),
        eq(questionnaireTemplateVersions.status, "draft"),
        eq(questionnaireTemplateVersions.lockVersion, lockVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function setTemplateArchived(executor: Executor, clientOrgId: string, templateId: string, archivedAt: Date | null) {
  const [row] = await executor
    .update(questionnaireTemplates)
    .set({ archivedAt, updatedAt: new Date() })
    .where(and(eq(questionnaireTemplates.id, templateId), eq(questionnaireTemplates.ownerOrgId, clientOrgId)))
    .returning();
  return row ?? null;
}

/**
 * Which of this client's partners received which version of the template: requests of the
 * client's own partnerships only (a library version is shared by every client).
 */
export async function findRecipientsByVersion(executor: Executor, clientOrgId: string, templateId: string) {
  return executor
    .select({
      versionId: questionnaireRequests.templateVersionId,
      partnershipId: partnerships.id,
      partnerName: partnerships.vendorDisplayName,
      requests: count(questionnaireRequests.id),
    })
    .from(questionnaireRequests)
    .innerJoin(partnerships, eq(partnerships.id, questionnaireRequests.partnershipId))
    .innerJoin(questionnaireTemplateVersions, eq(questionnaireTemplateVersions.id, questionnaireRequests.templateVersionId))
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(questionnaireTemplateVersions.templateId, templateId)))
    .groupBy(questionnaireRequests.templateVersionId, partnerships.id, partnerships.vendorDisplayName)
    .orderBy(asc(partnerships.vendorDisplayName));
}

// --- The system library (no tenant: these rows belong to nobody and are read by everyone).

export async function getLibraryTemplateBySlug(executor: Executor, slug: string) {
  const [row] = await executor
    .select()
    .from(questionnaireTemplates)
    .where(and(isNull(questionnaireTemplates.ownerOrgId), eq(questionnaireTemplates.librarySlug, slug)));
  return row ?? null;
}
