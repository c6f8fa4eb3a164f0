import { db, type Executor } from "#db/client.server";
import {
  findTemplateVersions,
  findVisibleTemplatesWithVersions,
  getDraftVersion,
  getHighestVersionNumber,
  getLatestPublishedVersion,
  getLibraryTemplateBySlug,
  getVisibleTemplate,
  insertTemplate,
  insertTemplateVersion,
  lockOwnTemplate,
  publishDraftVersion,
  updateDraftVersion,
} from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { parseContent, parseDraftContent, publishIssues, type AgreementContent, type Localized } from "./content";
import { DEFAULT_TEMPLATE_SLUG, DEFAULT_TEMPLATE_VERSION, defaultAgreementContent } from "./default-template";

/** The processor-agreement library shipped in code: one template, versioned. */
export const agreementLibrary = [{ slug: DEFAULT_TEMPLATE_SLUG, version: DEFAULT_TEMPLATE_VERSION, content: defaultAgreementContent }] as const;

/**
 * Makes the database hold the shipped library: a system template per slug and a published
 * version per library version number. Idempotent; safe at every start-up.
 */
export async function syncAgreementLibrary(executor: Executor, library: readonly { slug: string; version: number; content: AgreementContent }[] = agreementLibrary) {
  let versionsAdded = 0;
  for (const standard of library) {
    await executor.transaction(async (tx) => {
      const template = (await getLibraryTemplateBySlug(tx, standard.slug)) ?? (await insertTemplate(tx, { ownerOrgId: null, librarySlug: standard.slug }));
      if (standard.version > (await getHighestVersionNumber(tx, template.id))) {
        await insertTemplateVersion(tx, {
          templateId: template.id,
          version: standard.version,
          status: "published",
          content: structuredClone(standard.content) as unknown as Record<string, unknown>,
          publishedAt: new Date(),
        });
        versionsAdded += 1;
      }
    });
  }
  return { versionsAdded };
}

const nameOf = (content: unknown): Localized => parseDraftContent(content)?.name ?? { nl: "?", en: "?" };

export interface TemplateListItem {
  id: string;
  name: Localized;
  isLibrary: boolean;
  latestPublished: number | null;
  hasDraft: boolean;
}

/** The client's own templates and the library, for the templates page. */
export async function findAgreementTemplatesForClient(actor: Actor): Promise<{ own: TemplateListItem[]; library: TemplateListItem[] }> {
  const rows = await findVisibleTemplatesWithVersions(db(), actor.organizationId);
  const items = rows.map(({ template, versions }) => {
    const published = versions.find((v) => v.status === "published");
    const draft = versions.find((v) => v.status === "draft");
    return {
      id: template.id,
      name: nameOf((draft ?? published ?? versions[0])?.content),
      isLibrary: template.ownerOrgId === null,
      latestPublished: published?.version ?? null,
      hasDraft: Boolean(draft),
    };
  });
  return { own: items.filter((i) => !i.isLibrary), library: items.filter((i) => i.isLibrary) };
}

/** One template with its versions; the draft's content for editing, else the latest published. */
export async function getAgreementTemplateForClient(actor: Actor, templateId: string) {
  const template = await getVisibleTemplate(db(), actor.organizationId, templateId);
  if (!template) throw new DomainError("not_found");
  const versions = await findTemplateVersions(db(), templateId);
  const current = versions.find((v) => v.status === "draft") ?? versions[0];
  const content = current?.status === "draft" ? parseDraftContent(current.content) : parseContent(current?.content);
  if (!current || !content) throw new DomainError("not_found");
  return {
    id: template.id,
    isLibrary: template.ownerOrgId === null,
    current: { id: current.id, version: current.version, status: current.status, lockVersion: current.lockVersion },
    content,
    issues: current.status === "draft" ? publishIssues(current.content) : [],
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, publishedAt: v.publishedAt?.toISOString() ?? null })),
  };
}

function assertEditor(actor: Actor) {
  if (actor.organizationKind !== "client" || !can(actor, "agreement_template.edit")) throw new DomainError("forbidden");
}

/** The audit event of a change to one of the actor's templates. */
function recordTemplateEvent(tx: Executor, input: { actor: Actor; meta: RequestMeta }, action: string, templateId: string, summary: Record<string, unknown>) {
  return recordAuditEvent(tx, { actorUserId: input.actor.userId, ...input.meta }, {
    organizationId: input.actor.organizationId,
    action,
    entityType: "agreement_template",
    entityId: templateId,
    summary,
  });
}

/** Locks one of the actor's own templates and reads its draft: not found, or no draft to work on. */
async function lockDraft(tx: Executor, actor: Actor, templateId: string) {
  const template = await lockOwnTemplate(tx, actor.organizationId, templateId);
  if (!template) throw new DomainError("not_found");
  const draft = await getDraftVersion(tx, template.id);
  if (!draft) throw new DomainError("invalid_state", "agreements:errors.noDraft");
  return { template, draft };
}

/** Copies a visible template's latest published version into a new own template, as a draft. */
export async function copyAgreementTemplate(input: { actor: Actor; templateId: string; meta: RequestMeta }) {
  assertEditor(input.actor);
  return db().transaction(async (tx) => {
    const source = await getVisibleTemplate(tx, input.actor.organizationId, input.templateId);
    if (!source) throw new DomainError("not_found");
    const published = await getLatestPublishedVersion(tx, source.id);
    if (!published) throw new DomainError("invalid_state", "agreements:errors.nothingPublished");
    const template = await insertTemplate(tx, { ownerOrgId: input.actor.organizationId, copiedFromTemplateId: source.id });
    await insertTemplateVersion(tx, { templateId: template.id, version: 1, status: "draft", content: published.content, createdByUserId: input.actor.userId });
    await recordTemplateEvent(tx, input, "agreement_template.copied", template.id, { fromTemplateId: source.id, fromVersion: published.version, name: nameOf(published.content).nl });
    return { templateId: template.id };
  });
}

/** Saves the whole draft; refused (409) when someone else saved it since it was loaded. */
export async function saveAgreementDraft(input: { actor: Actor; templateId: string; lockVersion: number; content: AgreementContent; meta: RequestMeta }) {
  assertEditor(input.actor);
  return db().transaction(async (tx) => {
    const { template, draft } = await lockDraft(tx, input.actor, input.templateId);
    const saved = await updateDraftVersion(tx, draft.id, input.lockVersion, input.content as unknown as Record<string, unknown>);
    if (!saved) throw new DomainError("conflict", "agreements:errors.staleDraft");
    await recordTemplateEvent(tx, input, "agreement_template.draft_saved", template.id, { version: draft.version, clauses: input.content.clauses.length });
    return { lockVersion: saved.lockVersion };
  });
}

/** Publishes the draft: refused while it names an unknown merge field or is incomplete. */
export async function publishAgreementTemplate(input: { actor: Actor; templateId: string; lockVersion: number; meta: RequestMeta }) {
  assertEditor(input.actor);
  return db().transaction(async (tx) => {
    const { template, draft } = await lockDraft(tx, input.actor, input.templateId);
    const issues = publishIssues(draft.content);
    const unknown = issues.find((i) => i.code === "unknown_merge_field");
    if (unknown && unknown.code === "unknown_merge_field") throw new DomainError("invalid_input", "agreements:errors.unknownMergeField", { field: unknown.field });
    if (issues.length > 0) throw new DomainError("invalid_input", "agreements:errors.incompleteDraft");
    const published = await publishDraftVersion(tx, draft.id, input.lockVersion, input.actor.userId);
    if (!published) throw new DomainError("conflict", "agreements:errors.staleDraft");
    await recordTemplateEvent(tx, input, "agreement_template.published", template.id, { version: published.version, name: nameOf(published.content).nl });
    return { version: published.version };
  });
}

/** Starts a new draft from the latest published version (published versions stay as they are). */
export async function startAgreementDraft(input: { actor: Actor; templateId: string; meta: RequestMeta }) {
  assertEditor(input.actor);
  return db().transaction(async (tx) => {
    const template = await lockOwnTemplate(tx, input.actor.organizationId, input.templateId);
    if (!template) throw new DomainError("not_found");
    if (await getDraftVersion(tx, template.id)) return { created: false };
    const published = await getLatestPublishedVersion(tx, template.id);
    if (!published) throw new DomainError("invalid_state", "agreements:errors.nothingPublished");
    const version = (await getHighestVersionNumber(tx, template.id)) + 1;
    await insertTemplateVersion(tx, { templateId: template.id, version, status: "draft", content: published.content, createdByUserId: input.actor.userId });
    await recordTemplateEvent(tx, input, "agreement_template.draft_started", template.id, { version });
    return { created: true };
  });
}
