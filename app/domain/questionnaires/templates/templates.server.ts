import { db, type Executor } from "#db/client.server";
import {
  findRecipientsByVersion,
  findTemplateVersions,
  findVisibleTemplatesWithVersions,
  getDraftVersion,
  getHighestVersionNumber,
  getLatestPublishedVersion,
  getVisibleTemplate,
  insertTemplate,
  insertTemplateVersion,
  lockOwnTemplate,
  publishDraft as publishDraftRow,
  setTemplateArchived,
  updateDraftContent,
  type TemplateRow,
  type TemplateVersionRow,
} from "#db/queries/questionnaire-templates";
import { can, type Action, type Actor } from "~/auth/policy";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { parseTemplateContent, questionsOf, type LocalizedText, type TemplateContent } from "../model";
import { applyEdit, blankContent, type TemplateEdit } from "./edit-content";
import { issuesOf, type TransferIssue } from "./json-transfer";

/**
 * Use cases of questionnaire templates for a client: list, read, create, copy, edit the draft,
 * publish, archive, import. A client reads its own templates and the library; it changes only
 * its own. Every change is one transaction with its audit event.
 */

export const templateErrors = {
  conflict: "questionnaires:builder.errors.conflict",
  readOnly: "questionnaires:builder.errors.readOnly",
  archived: "questionnaires:builder.errors.archived",
  noDraft: "questionnaires:builder.errors.noDraft",
  draftExists: "questionnaires:builder.errors.draftExists",
  nothingPublished: "questionnaires:builder.errors.nothingPublished",
  invalidContent: "questionnaires:builder.errors.invalidContent",
} as const;

/** A refused save or import: the content is not a valid template; `issues` says where and why. */
export class TemplateContentError extends DomainError {
  constructor(readonly issues: TransferIssue[]) {
    super("invalid_input", templateErrors.invalidContent, { count: issues.length });
  }
}

function requireRight(actor: Actor, action: Action) {
  if (actor.organizationKind !== "client" || !can(actor, action)) throw new DomainError("forbidden");
}

const audit = (actor: Actor, meta: RequestMeta) => ({ actorUserId: actor.userId, ...meta });

function validated(content: unknown): TemplateContent {
  const parsed = parseTemplateContent(content);
  if (!parsed.success) throw new TemplateContentError(issuesOf(parsed.error));
  return parsed.data;
}

/** The template if the client may change it: its own, not archived; library -> read-only. */
async function lockEditable(tx: Executor, actor: Actor, templateId: string): Promise<TemplateRow> {
  const template = await lockOwnTemplate(tx, actor.organizationId, templateId);
  if (!template) {
    const visible = await getVisibleTemplate(tx, actor.organizationId, templateId);
    if (visible) throw new DomainError("invalid_state", templateErrors.readOnly);
    throw new DomainError("not_found");
  }
  if (template.archivedAt) throw new DomainError("invalid_state", templateErrors.archived);
  return template;
}

// ---------------------------------------------------------------------------------------------
// Reads

export interface TemplateListItem {
  id: string;
  title: LocalizedText;
  isLibrary: boolean;
  librarySlug: string | null;
  isArchived: boolean;
  latestPublished: { version: number; publishedAt: Date | null } | null;
  draft: { version: number; updatedAt: Date } | null;
}

/** The client's own templates and the library, each with its latest published version and draft. */
export async function findTemplatesForClient(actor: Actor): Promise<{ own: TemplateListItem[]; library: TemplateListItem[] }> {
  requireRight(actor, "template.view");
  const rows = await findVisibleTemplatesWithVersions(db(), actor.organizationId);
  const items = rows.map(({ template, versions }): TemplateListItem => {
    const published = versions.filter((v) => v.status === "published").at(-1) ?? null;
    const draft = versions.find((v) => v.status === "draft") ?? null;
    const shown = draft ?? published;
    return {
      id: template.id,
      title: shown?.title ?? { nl: "", en: "" },
      isLibrary: template.ownerOrgId === null,
      librarySlug: template.librarySlug,
      isArchived: template.archivedAt !== null,
      latestPublished: published ? { version: published.version, publishedAt: published.publishedAt } : null,
      draft: draft ? { version: draft.version, updatedAt: draft.updatedAt } : null,
    };
  });
  return { own: items.filter((i) => !i.isLibrary), library: items.filter((i) => i.isLibrary) };
}

export interface TemplateDetail {
  template: { id: string; isLibrary: boolean; librarySlug: string | null; isArchived: boolean; copiedFromTemplateId: string | null };
  versions: Pick<TemplateVersionRow, "id" | "version" | "status" | "lockVersion" | "publishedAt" | "updatedAt" | "content">[];
  draft: TemplateDetail["versions"][number] | null;
  latestPublished: TemplateDetail["versions"][number] | null;
  /** Per version id: the client's partners that received it and how many requests each. */
  recipients: Record<string, { partnershipId: string; partnerName: string; requests: number }[]>;
}

/** One template the client may see (own or library); another client's is not found. */
export async function getTemplateForClient(actor: Actor, templateId: string): Promise<TemplateDetail> {
  requireRight(actor, "template.view");
  const template = await getVisibleTemplate(db(), actor.organizationId, templateId);
  if (!template) throw new DomainError("not_found");
  const versions = (await findTemplateVersions(db(), template.id)).map((v) => ({
    id: v.id,
    version: v.version,
    status: v.status,
    lockVersion: v.lockVersion,
    publishedAt: v.publishedAt,
    updatedAt: v.updatedAt,
    content: v.content,
  }));
  const recipients: TemplateDetail["recipients"] = {};
  for (const row of await findRecipientsByVersion(db(), actor.organizationId, template.id)) {
    (recipients[row.versionId] ??= []).push({ partnershipId: row.partnershipId, partnerName: row.partnerName, requests: Number(row.requests) });
  }
  return {
    template: {
      id: template.id,
      isLibrary: template.ownerOrgId === null,
      librarySlug: template.librarySlug,
      isArchived: template.archivedAt !== null,
      copiedFromTemplateId: template.copiedFromTemplateId,
    },
    versions,
    draft: versions.find((v) => v.status === "draft") ?? null,
    latestPublished: versions.find((v) => v.status === "published") ?? null,
    recipients,
  };
}

/** The content of one version (default: the draft, else the latest published) for preview and export. */
export async function getTemplateVersionContent(actor: Actor, templateId: string, version?: number) {
  const detail = await getTemplateForClient(actor, templateId);
  const chosen =
    version === undefined
      ? (detail.draft ?? detail.latestPublished)
      : detail.versions.find((v) => v.version === version);
  if (!chosen) throw new DomainError("not_found");
  return { template: detail.template, version: chosen, versions: detail.versions };
}

// ---------------------------------------------------------------------------------------------
// Changes

/** A new own template with a draft v1 holding minimal valid content. */
export async function createBlankTemplate(input: { actor: Actor; title: LocalizedText; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  const content = validated(blankContent(input.title));
  return createOwnTemplate(actor, input.meta, content, "template.created", {});
}

/** Imports validated content as a new own template (draft v1). */
export async function importTemplate(input: { actor: Actor; content: unknown; format: "json" | "xlsx"; fileName: string; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  const content = validated(input.content);
  return createOwnTemplate(actor, input.meta, content, "template.imported", { format: input.format, fileName: input.fileName.slice(0, 200) });
}

/** Copies a library or own template's latest published version (else its draft) to a new own draft. */
export async function copyTemplate(input: { actor: Actor; templateId: string; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  const source = await getVisibleTemplate(db(), actor.organizationId, input.templateId);
  if (!source) throw new DomainError("not_found");
  const version = (await getLatestPublishedVersion(db(), source.id)) ?? (await getDraftVersion(db(), source.id));
  if (!version) throw new DomainError("invalid_state", templateErrors.nothingPublished);
  const content = structuredClone(version.content);
  return createOwnTemplate(actor, input.meta, content, "template.copied", {
    sourceTemplateId: source.id,
    sourceVersion: version.version,
    librarySlug: source.librarySlug,
  }, source.id);
}

async function createOwnTemplate(
  actor: Actor,
  meta: RequestMeta,
  content: TemplateContent,
  action: "template.created" | "template.copied" | "template.imported",
  summary: Record<string, unknown>,
  copiedFromTemplateId: string | null = null,
) {
  return db().transaction(async (tx) => {
    const template = await insertTemplate(tx, { ownerOrgId: actor.organizationId, librarySlug: null, copiedFromTemplateId });
    const version = await insertTemplateVersion(tx, { templateId: template.id, version: 1, status: "draft", content, createdByUserId: actor.userId });
    await recordAuditEvent(tx, audit(actor, meta), {
      organizationId: actor.organizationId,
      action,
      entityType: "questionnaire_template",
      entityId: template.id,
      summary: { ...summary, title: content.title.nl, version: 1, questions: questionsOf(content).length },
    });
    return { templateId: template.id, versionId: version.id };
  });
}

/**
 * Saves the draft: either whole content (JSON editor) or one builder edit applied to what is
 * stored. The save names the lockVersion the editor saw; if anyone saved in between, nothing is
 * written (conflict). The result must be a valid template, or nothing is written either.
 */
export async function saveDraft(input: {
  actor: Actor;
  templateId: string;
  lockVersion: number;
  change: { content: unknown } | { edit: TemplateEdit };
  meta: RequestMeta;
}) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  return db().transaction(async (tx) => {
    const template = await lockEditable(tx, actor, input.templateId);
    const draft = await getDraftVersion(tx, template.id);
    if (!draft) throw new DomainError("invalid_state", templateErrors.noDraft);
    if (draft.lockVersion !== input.lockVersion) throw new DomainError("conflict", templateErrors.conflict);
    const next = "edit" in input.change ? applyEdit(draft.content, input.change.edit) : input.change.content;
    const content = validated(next);
    const saved = await updateDraftContent(tx, draft.id, draft.lockVersion, content);
    if (!saved) throw new DomainError("conflict", templateErrors.conflict);
    await recordAuditEvent(tx, audit(actor, input.meta), {
      organizationId: actor.organizationId,
      action: "template.draft_saved",
      entityType: "questionnaire_template",
      entityId: template.id,
      summary: { version: draft.version, change: "edit" in input.change ? input.change.edit.op : "content", lockVersion: saved.lockVersion },
    });
    return { lockVersion: saved.lockVersion, version: saved.version };
  });
}

/** Editing a published template: a new draft (next number) starting from the latest published version. */
export async function startDraft(input: { actor: Actor; templateId: string; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  return db().transaction(async (tx) => {
    const template = await lockEditable(tx, actor, input.templateId);
    if (await getDraftVersion(tx, template.id)) throw new DomainError("invalid_state", templateErrors.draftExists);
    const published = await getLatestPublishedVersion(tx, template.id);
    if (!published) throw new DomainError("invalid_state", templateErrors.nothingPublished);
    const number = (await getHighestVersionNumber(tx, template.id)) + 1;
    const draft = await insertTemplateVersion(tx, {
      templateId: template.id,
      version: number,
      status: "draft",
      content: published.content,
      createdByUserId: actor.userId,
    });
    await recordAuditEvent(tx, audit(actor, input.meta), {
      organizationId: actor.organizationId,
      action: "template.draft_saved",
      entityType: "questionnaire_template",
      entityId: template.id,
      summary: { version: number, change: "new_draft", fromVersion: published.version },
    });
    return { version: draft.version, lockVersion: draft.lockVersion };
  });
}

/** Publishes the draft: from now on it is immutable and can be sent. */
export async function publishTemplate(input: { actor: Actor; templateId: string; lockVersion: number; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.publish");
  return db().transaction(async (tx) => {
    const template = await lockEditable(tx, actor, input.templateId);
    const draft = await getDraftVersion(tx, template.id);
    if (!draft) throw new DomainError("invalid_state", templateErrors.noDraft);
    if (draft.lockVersion !== input.lockVersion) throw new DomainError("conflict", templateErrors.conflict);
    validated(draft.content);
    const published = await publishDraftRow(tx, draft.id, draft.lockVersion, actor.userId);
    if (!published) throw new DomainError("conflict", templateErrors.conflict);
    await recordAuditEvent(tx, audit(actor, input.meta), {
      organizationId: actor.organizationId,
      action: "template.published",
      entityType: "questionnaire_template",
      entityId: template.id,
      summary: { version: published.version, title: draft.content.title.nl, questions: questionsOf(draft.content).length },
    });
    return { version: published.version };
  });
}

/** Archives (or restores) an own template: archived ones are kept, listed apart and not edited. */
export async function archiveTemplate(input: { actor: Actor; templateId: string; archived: boolean; meta: RequestMeta }) {
  const { actor } = input;
  requireRight(actor, "template.edit");
  return db().transaction(async (tx) => {
    const template = await lockOwnTemplate(tx, actor.organizationId, input.templateId);
    if (!template) {
      if (await getVisibleTemplate(tx, actor.organizationId, input.templateId)) throw new DomainError("invalid_state", templateErrors.readOnly);
      throw new DomainError("not_found");
    }
    if ((template.archivedAt !== null) === input.archived) return { changed: false };
    await setTemplateArchived(tx, actor.organizationId, template.id, input.archived ? new Date() : null);
    await recordAuditEvent(tx, audit(actor, input.meta), {
      organizationId: actor.organizationId,
      action: input.archived ? "template.archived" : "template.restored",
      entityType: "questionnaire_template",
      entityId: template.id,
      summary: {},
    });
    return { changed: true };
  });
}
