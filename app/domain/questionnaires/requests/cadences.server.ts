import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { db, type Database, type Executor } from "#db/client.server";
import { findSendableVersionsForClient } from "#db/queries/questionnaire-requests";
import {
  organizations,
  partnerships,
  questionnaireCadences,
  questionnaireRequests,
  questionnaireTemplates,
  questionnaireTemplateVersions,
} from "#db/schema/index";
import { isUuid } from "~/auth/guards.server";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { publicUrl } from "~/utils/env.server";
import {
  CADENCE_DUE_IN_DAYS_MAX,
  CADENCE_DUE_IN_DAYS_MIN,
  CADENCE_INTERVAL_MAX,
  CADENCE_INTERVAL_MIN,
  cadenceDueDate,
  firstSendOn,
  isValidDueInDays,
  isValidIntervalMonths,
  nextSendOnAfterSend,
} from "./cadence";
import { todayInAmsterdam } from "./request-rules";
import { sendVersionInTransaction } from "./send-questionnaire.server";

/**
 * Recurring questionnaires: a client sets, per partnership and template, how often the template
 * is sent again; a daily job ({@link issueDueCadences}) sends what is due. Queries live here
 * because they are used nowhere else; every client-facing one has the client in its WHERE.
 */

type Title = { nl: string; en: string };

function assertMaySend(actor: Actor) {
  if (actor.organizationKind !== "client" || !can(actor, "questionnaire.send")) throw new DomainError("forbidden");
}

async function getPartnershipOfClient(executor: Executor, clientOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ id: partnerships.id, status: partnerships.status, vendorOrgId: partnerships.vendorOrgId, vendorDisplayName: partnerships.vendorDisplayName })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.clientOrgId, clientOrgId)));
  return row;
}

/** The newest published version of a template the client may send (its own or the library's, not archived). */
async function getLatestSendableVersion(executor: Executor, clientOrgId: string, templateId: string) {
  const [row] = await executor
    .select({ id: questionnaireTemplateVersions.id, version: questionnaireTemplateVersions.version, content: questionnaireTemplateVersions.content })
    .from(questionnaireTemplateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireTemplateVersions.templateId))
    .where(
      and(
        eq(questionnaireTemplates.id, templateId),
        eq(questionnaireTemplateVersions.status, "published"),
        isNull(questionnaireTemplates.archivedAt),
        or(eq(questionnaireTemplates.ownerOrgId, clientOrgId), isNull(questionnaireTemplates.ownerOrgId)),
      ),
    )
    .orderBy(desc(questionnaireTemplateVersions.version))
    .limit(1);
  return row;
}

/** The day (in the Netherlands) a version of the template was last sent to the partnership. */
async function getLastSentOn(executor: Executor, partnershipId: string, templateId: string): Promise<string | null> {
  const [row] = await executor
    .select({ day: sql<string | null>`to_char(max(${questionnaireRequests.sentAt}) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')` })
    .from(questionnaireRequests)
    .innerJoin(questionnaireTemplateVersions, eq(questionnaireTemplateVersions.id, questionnaireRequests.templateVersionId))
    .where(and(eq(questionnaireRequests.partnershipId, partnershipId), eq(questionnaireTemplateVersions.templateId, templateId)));
  return row?.day ?? null;
}

const latestTitle = sql<Title | null>`(
  select ${questionnaireTemplateVersions.content}->'title' from ${questionnaireTemplateVersions}
  where ${questionnaireTemplateVersions.templateId} = ${questionnaireCadences.templateId}
    and ${questionnaireTemplateVersions.status} = 'published'
  order by ${questionnaireTemplateVersions.version} desc limit 1)`;

/** The partnership's running cadences for its page (the caller has checked the partnership is the actor's). */
export async function findCadencesForPartnership(actor: Actor, partnershipId: string) {
  const rows = await db()
    .select({
      id: questionnaireCadences.id,
      templateId: questionnaireCadences.templateId,
      title: latestTitle,
      intervalMonths: questionnaireCadences.intervalMonths,
      dueInDays: questionnaireCadences.dueInDays,
      nextSendOn: questionnaireCadences.nextSendOn,
    })
    .from(questionnaireCadences)
    .innerJoin(partnerships, eq(partnerships.id, questionnaireCadences.partnershipId))
    .where(
      and(
        eq(questionnaireCadences.partnershipId, partnershipId),
        eq(partnerships.clientOrgId, actor.organizationId),
        eq(questionnaireCadences.isActive, true),
      ),
    )
    .orderBy(asc(questionnaireCadences.nextSendOn), asc(questionnaireCadences.createdAt));
  return rows;
}

/** Templates a cadence may use: each sendable template once, with its latest published version's title. */
export async function findCadenceTemplateOptions(actor: Actor) {
  const versions = await findSendableVersionsForClient(db(), actor.organizationId);
  const seen = new Set<string>();
  const options: { templateId: string; title: Title; version: number; isLibrary: boolean }[] = [];
  // Ordered by template, newest version first: the first row of each template is its latest.
  for (const v of versions) {
    if (seen.has(v.templateId)) continue;
    seen.add(v.templateId);
    options.push({ templateId: v.templateId, title: v.content.title, version: v.version, isLibrary: v.isLibrary });
  }
  return options.sort((a, b) => a.title.nl.localeCompare(b.title.nl, "nl"));
}

export interface SetCadenceInput {
  actor: Actor;
  meta: RequestMeta;
  partnershipId: string | undefined;
  templateId: string;
  intervalMonths: number;
  dueInDays: number;
  today?: string;
}

/**
 * Sets (or changes, or restarts) the cadence of a template for one of the client's active
 * partnerships. The first send is one interval after the template was last sent to the
 * partnership, and no earlier than tomorrow. Audit: `questionnaire.cadence_set`.
 */
export async function setCadence(input: SetCadenceInput): Promise<{ cadenceId: string; nextSendOn: string }> {
  const { actor } = input;
  assertMaySend(actor);
  if (!isUuid(input.partnershipId)) throw new DomainError("not_found");
  const partnershipId = input.partnershipId;
  if (!isValidIntervalMonths(input.intervalMonths))
    throw new DomainError("invalid_input", "requests:cadence.errors.intervalRange", { min: CADENCE_INTERVAL_MIN, max: CADENCE_INTERVAL_MAX });
  if (!isValidDueInDays(input.dueInDays))
    throw new DomainError("invalid_input", "requests:cadence.errors.dueInDaysRange", { min: CADENCE_DUE_IN_DAYS_MIN, max: CADENCE_DUE_IN_DAYS_MAX });
  if (!isUuid(input.templateId)) throw new DomainError("invalid_input", "requests:cadence.errors.templateUnavailable");
  const today = input.today ?? todayInAmsterdam();

  return db().transaction(async (tx) => {
    const partnership = await getPartnershipOfClient(tx, actor.organizationId, partnershipId);
    if (!partnership) throw new DomainError("not_found");
    if (partnership.status !== "active" || !partnership.vendorOrgId)
      throw new DomainError("invalid_state", "requests:cadence.errors.partnershipInactive");
    const version = await getLatestSendableVersion(tx, actor.organizationId, input.templateId);
    if (!version) throw new DomainError("invalid_input", "requests:cadence.errors.templateUnavailable");
    const lastSentOn = await getLastSentOn(tx, partnershipId, input.templateId);
    const nextSendOn = firstSendOn({ today, intervalMonths: input.intervalMonths, lastSentOn });
    const [row] = await tx
      .insert(questionnaireCadences)
      .values({
        partnershipId,
        templateId: input.templateId,
        intervalMonths: input.intervalMonths,
        dueInDays: input.dueInDays,
        nextSendOn,
        isActive: true,
        createdByUserId: actor.userId,
      })
      .onConflictDoUpdate({
        target: [questionnaireCadences.partnershipId, questionnaireCadences.templateId],
        set: { intervalMonths: input.intervalMonths, dueInDays: input.dueInDays, nextSendOn, isActive: true, updatedAt: new Date() },
      })
      .returning({ id: questionnaireCadences.id });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.cadence_set",
      entityType: "questionnaire_cadence",
      entityId: row.id,
      summary: {
        partnershipId,
        vendorDisplayName: partnership.vendorDisplayName,
        templateId: input.templateId,
        title: version.content.title.nl,
        intervalMonths: input.intervalMonths,
        dueInDays: input.dueInDays,
        nextSendOn,
      },
    });
    return { cadenceId: row.id, nextSendOn };
  });
}

/** Stops a cadence of one of the client's partnerships. Audit: `questionnaire.cadence_stopped`. */
export async function stopCadence(input: { actor: Actor; meta: RequestMeta; partnershipId: string | undefined; cadenceId: string }) {
  const { actor } = input;
  assertMaySend(actor);
  if (!isUuid(input.partnershipId) || !isUuid(input.cadenceId)) throw new DomainError("not_found");
  const partnershipId = input.partnershipId;
  await db().transaction(async (tx) => {
    const [cadence] = await tx
      .select({ id: questionnaireCadences.id, isActive: questionnaireCadences.isActive, templateId: questionnaireCadences.templateId, title: latestTitle, vendorDisplayName: partnerships.vendorDisplayName })
      .from(questionnaireCadences)
      .innerJoin(partnerships, eq(partnerships.id, questionnaireCadences.partnershipId))
      .where(
        and(
          eq(questionnaireCadences.id, input.cadenceId),
          eq(questionnaireCadences.partnershipId, partnershipId),
          eq(partnerships.clientOrgId, actor.organizationId),
        ),
      )
      .for("update", { of: questionnaireCadences });
    if (!cadence) throw new DomainError("not_found");
    if (!cadence.isActive) return; // already stopped: nothing to record
    await tx.update(questionnaireCadences).set({ isActive: false, updatedAt: new Date() }).where(eq(questionnaireCadences.id, cadence.id));
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.cadence_stopped",
      entityType: "questionnaire_cadence",
      entityId: cadence.id,
      summary: { partnershipId, vendorDisplayName: cadence.vendorDisplayName, templateId: cadence.templateId, title: cadence.title?.nl ?? null },
    });
  });
}

export type CadenceOutcome =
  | { cadenceId: string; result: "sent"; requestId: string; nextSendOn: string }
  | { cadenceId: string; result: "skipped"; reason: "taken" | "partnership_inactive" | "no_published_version" }
  | { cadenceId: string; result: "failed"; error: string };

/**
 * The daily job: for every active cadence whose date has come, sends the template's latest
 * published version to the partnership (if it is still active) and moves the date on by the
 * interval. Each cadence is its own transaction: the row is locked (FOR UPDATE SKIP LOCKED) and
 * re-checked, the request written and the date advanced together, so running twice on a day,
 * or on two instances at once, sends once. A cadence of a suspended partnership or without a
 * sendable version keeps its date and is tried again the next day.
 */
export async function issueDueCadences(database: Database, today: string): Promise<CadenceOutcome[]> {
  // Unscoped on purpose: the system acts for every client; each send below stays within the
  // cadence's own partnership and client.
  const due = await unsafeFindDueCadenceIds(database, today);
  const outcomes: CadenceOutcome[] = [];
  for (const cadenceId of due) {
    try {
      outcomes.push(await issueOne(database, cadenceId, today));
    } catch (error) {
      outcomes.push({ cadenceId, result: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (outcomes.some((o) => o.result === "sent")) afterCommitDeliverMail();
  return outcomes;
}

async function unsafeFindDueCadenceIds(database: Database, today: string): Promise<string[]> {
  const rows = await database
    .select({ id: questionnaireCadences.id })
    .from(questionnaireCadences)
    .where(and(eq(questionnaireCadences.isActive, true), lte(questionnaireCadences.nextSendOn, today)))
    .orderBy(asc(questionnaireCadences.nextSendOn), asc(questionnaireCadences.id));
  return rows.map((r) => r.id);
}

async function issueOne(database: Database, cadenceId: string, today: string): Promise<CadenceOutcome> {
  return database.transaction(async (tx) => {
    const [cadence] = await tx
      .select({
        id: questionnaireCadences.id,
        templateId: questionnaireCadences.templateId,
        intervalMonths: questionnaireCadences.intervalMonths,
        dueInDays: questionnaireCadences.dueInDays,
        nextSendOn: questionnaireCadences.nextSendOn,
        partnershipId: partnerships.id,
        partnershipStatus: partnerships.status,
        vendorOrgId: partnerships.vendorOrgId,
        vendorDisplayName: partnerships.vendorDisplayName,
        clientOrgId: partnerships.clientOrgId,
        clientName: organizations.name,
      })
      .from(questionnaireCadences)
      .innerJoin(partnerships, eq(partnerships.id, questionnaireCadences.partnershipId))
      .innerJoin(organizations, eq(organizations.id, partnerships.clientOrgId))
      .where(
        and(
          eq(questionnaireCadences.id, cadenceId),
          eq(questionnaireCadences.isActive, true),
          lte(questionnaireCadences.nextSendOn, today),
        ),
      )
      .for("update", { of: questionnaireCadences, skipLocked: true });
    // Locked by another run, or already sent and moved on since the list was read.
    if (!cadence) return { cadenceId, result: "skipped", reason: "taken" } as const;
    if (cadence.partnershipStatus !== "active" || !cadence.vendorOrgId)
      return { cadenceId, result: "skipped", reason: "partnership_inactive" } as const;
    const version = await getLatestSendableVersion(tx, cadence.clientOrgId, cadence.templateId);
    if (!version) return { cadenceId, result: "skipped", reason: "no_published_version" } as const;

    const [requestId] = await sendVersionInTransaction(tx, {
      sender: { kind: "system", label: "cadence" },
      clientOrgId: cadence.clientOrgId,
      clientName: cadence.clientName,
      appUrl: publicUrl(),
      meta: { ipAddress: null, userAgent: null },
      version,
      targets: [{ id: cadence.partnershipId, vendorOrgId: cadence.vendorOrgId, vendorDisplayName: cadence.vendorDisplayName }],
      dueDate: cadenceDueDate(today, cadence.dueInDays),
      message: null,
      cadenceId: cadence.id,
    });
    const nextSendOn = nextSendOnAfterSend(cadence, today);
    await tx.update(questionnaireCadences).set({ nextSendOn, updatedAt: new Date() }).where(eq(questionnaireCadences.id, cadence.id));
    return { cadenceId, result: "sent", requestId, nextSendOn } as const;
  });
}
