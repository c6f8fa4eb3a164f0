import { db, type Transaction } from "#db/client.server";
import {
  findClientPartnershipIds,
  findTrainingPartnershipsForClient,
  getRequirementForClient,
  insertRequirement,
  updateRequirement as updateRequirementRow,
  type RequirementRow,
} from "#db/queries/training";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import type { Locale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import type { RequirementInput } from "./forms";
import { appliesToPartnership, TRAINING_ROLES } from "./rules";

/** A requirement's title in both languages: its own, or the catalogue topic's name. */
export async function requirementTitles(row: { title: string; topic: string }): Promise<Record<Locale, string>> {
  if (row.title) return { nl: row.title, en: row.title };
  const [nl, en] = await Promise.all([translator("nl"), translator("en")]);
  return { nl: nl(`training:topics.${row.topic}`), en: en(`training:topics.${row.topic}`) };
}

/** Who on the vendor's side hears of a new requirement. */
export const VENDOR_RECIPIENT_ROLES = ["admin", "responder"];

interface Context {
  actor: Actor;
  meta: RequestMeta;
}

function assertEditor(actor: Actor) {
  if (actor.organizationKind !== "client" || !can(actor, "training_requirement.edit")) throw new DomainError("forbidden");
}

/** The stored values of a form, after the business checks that need the database. */
async function valuesOf(tx: Transaction, actor: Actor, input: RequirementInput) {
  const title = input.title?.trim() ?? "";
  if (input.topic === "custom" && !title) throw new DomainError("invalid_input", "training:errors.titleRequired");
  let appliesToPartnershipIds: string[] | null = null;
  if (input.scope === "selected") {
    const ids = [...new Set(input.partnershipIds ?? [])];
    if (ids.length === 0) throw new DomainError("invalid_input", "training:errors.partnershipsRequired");
    // Another client's partnership is refused like a missing one: nothing revealed.
    const own = await findClientPartnershipIds(tx, actor.organizationId, ids);
    if (own.length !== ids.length) throw new DomainError("invalid_input", "training:errors.partnershipUnavailable");
    appliesToPartnershipIds = ids.sort();
  }
  return {
    topic: input.topic,
    title,
    description: input.description?.trim() || null,
    frequencyMonths: input.frequencyMonths,
    minimumCoveragePercent: input.minimumCoveragePercent,
    // Stored in the catalogue's order, whatever order the form sent them in.
    appliesToRoles: TRAINING_ROLES.filter((role) => input.appliesToRoles.includes(role)),
    appliesToPartnershipIds,
    namesRequired: input.namesRequired,
  };
}

const auditSummary = (row: Pick<RequirementRow, "topic" | "title" | "frequencyMonths" | "minimumCoveragePercent" | "appliesToRoles" | "appliesToPartnershipIds" | "namesRequired">) => ({
  topic: row.topic,
  title: row.title,
  frequencyMonths: row.frequencyMonths,
  minimumCoveragePercent: row.minimumCoveragePercent,
  appliesToRoles: row.appliesToRoles,
  appliesToPartnershipIds: row.appliesToPartnershipIds,
  namesRequired: row.namesRequired,
});

/**
 * Creates a requirement and, in the same transaction, tells the admins and responders of every
 * vendor it applies to (in-app and by e-mail, in their language) and records the audit event.
 */
export async function createRequirement(
  input: Context & { clientName: string; appUrl: string; values: RequirementInput },
): Promise<{ requirementId: string }> {
  const { actor } = input;
  assertEditor(actor);
  const result = await db().transaction(async (tx) => {
    const values = await valuesOf(tx, actor, input.values);
    const row = await insertRequirement(tx, { clientOrgId: actor.organizationId, createdByUserId: actor.userId, ...values });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "training_requirement.created",
      entityType: "training_requirement",
      entityId: row.id,
      summary: auditSummary(row),
    });
    const partnerships = await findTrainingPartnershipsForClient(tx, actor.organizationId);
    for (const partnership of partnerships.filter((p) => appliesToPartnership(row.appliesToPartnershipIds, p.id))) {
      await tellVendor(tx, { clientName: input.clientName, appUrl: input.appUrl, vendorOrgId: partnership.vendorOrgId!, partnershipId: partnership.id, requirement: row });
    }
    return { requirementId: row.id };
  });
  afterCommitDeliverMail();
  return result;
}

async function tellVendor(
  tx: Transaction,
  input: { clientName: string; appUrl: string; vendorOrgId: string; partnershipId: string; requirement: RequirementRow },
) {
  const path = `/vendor/${input.vendorOrgId}/training/${input.partnershipId}/${input.requirement.id}`;
  const titles = await requirementTitles(input.requirement);
  const params = {
    clientName: input.clientName,
    title: titles.nl,
    titleEn: titles.en,
    frequencyMonths: input.requirement.frequencyMonths,
    minimum: input.requirement.minimumCoveragePercent,
  };
  await notifyMembers(tx, {
    organizationId: input.vendorOrgId,
    roles: VENDOR_RECIPIENT_ROLES,
    messageKey: "training:notifications.requirementAdded",
    params,
    link: path,
    email: (locale) => ({
      template: "training_requirement_added",
      params: {
        clientName: input.clientName,
        title: titles[locale],
        frequencyMonths: input.requirement.frequencyMonths,
        minimum: input.requirement.minimumCoveragePercent,
        link: `${input.appUrl}${path}`,
      },
    }),
  });
}

/**
 * Saves changes to a requirement under optimistic concurrency: the version the editor started
 * from must still be current (else a conflict, nothing written). Archived ones are read-only.
 * Vendors of partnerships that come into scope are told, as on creation.
 */
export async function updateRequirement(
  input: Context & { clientName: string; appUrl: string; requirementId: string; lockVersion: number; values: RequirementInput },
) {
  const { actor } = input;
  assertEditor(actor);
  const result = await db().transaction(async (tx) => {
    const current = await getRequirementForClient(tx, actor.organizationId, input.requirementId, { lock: true });
    if (!current) throw new DomainError("not_found");
    if (current.archivedAt) throw new DomainError("invalid_state", "training:errors.archived");
    if (current.lockVersion !== input.lockVersion) throw new DomainError("conflict", "training:errors.conflict");
    const values = await valuesOf(tx, actor, input.values);
    const row = await updateRequirementRow(tx, actor.organizationId, input.requirementId, input.lockVersion, values);
    if (!row) throw new DomainError("conflict", "training:errors.conflict");
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "training_requirement.updated",
      entityType: "training_requirement",
      entityId: row.id,
      summary: { before: auditSummary(current), after: auditSummary(row) },
    });
    // Vendors the requirement now applies to for the first time hear of it, as on creation.
    const partnerships = await findTrainingPartnershipsForClient(tx, actor.organizationId);
    for (const partnership of partnerships) {
      if (appliesToPartnership(current.appliesToPartnershipIds, partnership.id) || !appliesToPartnership(row.appliesToPartnershipIds, partnership.id)) continue;
      await tellVendor(tx, { clientName: input.clientName, appUrl: input.appUrl, vendorOrgId: partnership.vendorOrgId!, partnershipId: partnership.id, requirement: row });
    }
    return { lockVersion: row.lockVersion };
  });
  afterCommitDeliverMail();
  return result;
}

/** Archives a requirement: it stops applying, its attestations stay as history. */
export async function archiveRequirement(input: Context & { requirementId: string; lockVersion: number }) {
  const { actor } = input;
  assertEditor(actor);
  return db().transaction(async (tx) => {
    const current = await getRequirementForClient(tx, actor.organizationId, input.requirementId, { lock: true });
    if (!current) throw new DomainError("not_found");
    if (current.archivedAt) throw new DomainError("invalid_state", "training:errors.archived");
    if (current.lockVersion !== input.lockVersion) throw new DomainError("conflict", "training:errors.conflict");
    const row = await updateRequirementRow(tx, actor.organizationId, input.requirementId, input.lockVersion, { archivedAt: new Date() });
    if (!row) throw new DomainError("conflict", "training:errors.conflict");
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "training_requirement.archived",
      entityType: "training_requirement",
      entityId: row.id,
      summary: { topic: row.topic, title: row.title },
    });
  });
}
