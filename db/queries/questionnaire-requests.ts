import { aliasedTable, and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import {
  findings,
  organizations,
  partnerships,
  questionnaireAnswerHistory,
  questionnaireAnswers,
  questionnaireRequests,
  questionnaireTemplates,
  questionnaireTemplateVersions,
  users,
} from "../schema/index";

/**
 * Questionnaire requests, their answers and answer history. Requests are read through the
 * client's or the vendor's organization (in the WHERE clause); answers and history only through
 * a {@link ScopedRequestId}, which only the scoped getters hand out, so an id from another
 * tenant can never reach them.
 */

/** A request id proven to belong to the caller's tenant by a scoped read. */
export type ScopedRequestId = string & { readonly __scopedRequest: true };

type RequestStatus = (typeof questionnaireRequests.$inferSelect)["status"];
type ReviewState = (typeof questionnaireAnswers.$inferSelect)["reviewState"];

const clientOrg = aliasedTable(organizations, "client_org");

// ---------------------------------------------------------------------------------------------
// Sending

/** Published versions the client may send: its own templates' and the library's, not archived. */
export async function findSendableVersionsForClient(executor: Executor, clientOrgId: string) {
  return executor
    .select({
      id: questionnaireTemplateVersions.id,
      templateId: questionnaireTemplates.id,
      version: questionnaireTemplateVersions.version,
      content: questionnaireTemplateVersions.content,
      isLibrary: sql<boolean>`${questionnaireTemplates.ownerOrgId} is null`,
      publishedAt: questionnaireTemplateVersions.publishedAt,
    })
    .from(questionnaireTemplateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireTemplateVersions.templateId))
    .where(
      and(
        eq(questionnaireTemplateVersions.status, "published"),
        isNull(questionnaireTemplates.archivedAt),
        or(eq(questionnaireTemplates.ownerOrgId, clientOrgId), isNull(questionnaireTemplates.ownerOrgId)),
      ),
    )
    .orderBy(asc(questionnaireTemplates.id), desc(questionnaireTemplateVersions.version));
}

export async function getSendableVersionForClient(executor: Executor, clientOrgId: string, versionId: string) {
  const [row] = await executor
    .select({ id: questionnaireTemplateVersions.id, content: questionnaireTemplateVersions.content, version: questionnaireTemplateVersions.version })
    .from(questionnaireTemplateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireTemplateVersions.templateId))
    .where(
      and(
        eq(questionnaireTemplateVersions.id, versionId),
        eq(questionnaireTemplateVersions.status, "published"),
        isNull(questionnaireTemplates.archivedAt),
        or(eq(questionnaireTemplates.ownerOrgId, clientOrgId), isNull(questionnaireTemplates.ownerOrgId)),
      ),
    );
  return row;
}

/** The client's active, linked partnerships among the ids (others are silently absent). */
export async function findActivePartnershipsForClient(executor: Executor, clientOrgId: string, ids?: string[]) {
  return executor
    .select({ id: partnerships.id, vendorOrgId: partnerships.vendorOrgId, vendorDisplayName: partnerships.vendorDisplayName })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.clientOrgId, clientOrgId),
        eq(partnerships.status, "active"),
        sql`${partnerships.vendorOrgId} is not null`,
        ids ? inArray(partnerships.id, ids) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${partnerships.vendorDisplayName})`));
}

export async function insertRequest(executor: Executor, values: typeof questionnaireRequests.$inferInsert) {
  const [row] = await executor.insert(questionnaireRequests).values(values).returning({ id: questionnaireRequests.id });
  return row;
}

/** Members of an organization with the given roles, with what an e-mail needs. */
// The members of an organization with given roles live with the other membership queries.
export { findMembersWithRoles } from "./memberships";

// ---------------------------------------------------------------------------------------------
// Reading requests, scoped

const requestColumns = {
  id: questionnaireRequests.id,
  status: questionnaireRequests.status,
  dueDate: questionnaireRequests.dueDate,
  message: questionnaireRequests.message,
  sentAt: questionnaireRequests.sentAt,
  submittedAt: questionnaireRequests.submittedAt,
  acceptedAt: questionnaireRequests.acceptedAt,
  score: questionnaireRequests.score,
  scoreDetail: questionnaireRequests.scoreDetail,
  version: questionnaireRequests.version,
  templateVersionId: questionnaireRequests.templateVersionId,
  templateVersion: questionnaireTemplateVersions.version,
  content: questionnaireTemplateVersions.content,
  partnershipId: partnerships.id,
  clientOrgId: partnerships.clientOrgId,
  vendorOrgId: partnerships.vendorOrgId,
  vendorDisplayName: partnerships.vendorDisplayName,
  clientName: clientOrg.name,
  services: partnerships.services,
  dataCategories: partnerships.dataCategories,
  countries: partnerships.countries,
  riskTier: partnerships.riskTier,
  answerReuseEnabled: partnerships.answerReuseEnabled,
};

function requestQuery(executor: Executor) {
  return executor
    .select(requestColumns)
    .from(questionnaireRequests)
    .innerJoin(partnerships, eq(partnerships.id, questionnaireRequests.partnershipId))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .innerJoin(questionnaireTemplateVersions, eq(questionnaireTemplateVersions.id, questionnaireRequests.templateVersionId));
}

export type RequestRow = Omit<Awaited<ReturnType<typeof requestQuery>>[number], "id"> & { id: ScopedRequestId };

const scopeOf = (side: "client" | "vendor", organizationId: string) =>
  side === "client" ? eq(partnerships.clientOrgId, organizationId) : eq(partnerships.vendorOrgId, organizationId);

/**
 * One request of the client's (side "client") or the vendor's (side "vendor") partnerships;
 * undefined for anyone else's. `lock: true` (or "update") takes the request row exclusively for
 * the caller's transaction: for changes of the request itself (submit, return, accept).
 * `lock: "share"` is for answer saves: they run side by side, yet never during such a change.
 */
export async function getRequestForSide(
  executor: Executor,
  side: "client" | "vendor",
  organizationId: string,
  requestId: string,
  options: { lock?: boolean | "update" | "share" } = {},
): Promise<RequestRow | undefined> {
  const query = requestQuery(executor).where(and(eq(questionnaireRequests.id, requestId), scopeOf(side, organizationId)));
  const strength = options.lock === true ? "update" : options.lock || undefined;
  const [row] = strength ? await query.for(strength, { of: questionnaireRequests }) : await query;
  return row as RequestRow | undefined;
}

/**
 * The first save moves a request from sent to in progress. Done in its own short statement
 * before the save's transaction: saves share the request row, and two of them upgrading that
 * shared lock at once would deadlock.
 */
export async function markRequestStarted(executor: Executor, requestId: ScopedRequestId) {
  await executor
    .update(questionnaireRequests)
    .set({ status: "in_progress", version: sql`${questionnaireRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(questionnaireRequests.id, requestId), eq(questionnaireRequests.status, "sent")));
}

/** Every request of the client's or the vendor's partnerships, newest first. */
export async function findRequestsForSide(
  executor: Executor,
  side: "client" | "vendor",
  organizationId: string,
  statuses?: RequestStatus[],
) {
  const rows = await requestQuery(executor)
    .where(and(scopeOf(side, organizationId), statuses ? inArray(questionnaireRequests.status, statuses) : undefined))
    .orderBy(desc(questionnaireRequests.sentAt));
  return rows as RequestRow[];
}

export async function updateRequest(
  executor: Executor,
  requestId: ScopedRequestId,
  values: Partial<typeof questionnaireRequests.$inferInsert>,
) {
  await executor
    .update(questionnaireRequests)
    .set({ ...values, version: sql`${questionnaireRequests.version} + 1`, updatedAt: new Date() })
    .where(eq(questionnaireRequests.id, requestId));
}

// ---------------------------------------------------------------------------------------------
// Answers

const answerColumns = {
  id: questionnaireAnswers.id,
  questionKey: questionnaireAnswers.questionKey,
  value: questionnaireAnswers.value,
  version: questionnaireAnswers.version,
  isPrefilled: sql<boolean>`${questionnaireAnswers.prefilledFromAnswerId} is not null`,
  isConfirmed: questionnaireAnswers.isConfirmed,
  reviewState: questionnaireAnswers.reviewState,
  reviewComment: questionnaireAnswers.reviewComment,
  updatedAt: questionnaireAnswers.updatedAt,
};
export type AnswerRow = Awaited<ReturnType<typeof findAnswers>>[number];

export async function findAnswers(executor: Executor, requestIds: ScopedRequestId | ScopedRequestId[]) {
  const ids = Array.isArray(requestIds) ? requestIds : [requestIds];
  if (ids.length === 0) return [];
  return executor
    .select({ ...answerColumns, requestId: questionnaireAnswers.requestId })
    .from(questionnaireAnswers)
    .where(inArray(questionnaireAnswers.requestId, ids));
}

export async function getAnswer(executor: Executor, requestId: ScopedRequestId, questionKey: string) {
  const [row] = await executor
    .select(answerColumns)
    .from(questionnaireAnswers)
    .where(and(eq(questionnaireAnswers.requestId, requestId), eq(questionnaireAnswers.questionKey, questionKey)));
  return row;
}

/** Inserts the first answer to a question; undefined when someone else's insert came first. */
export async function insertAnswer(executor: Executor, values: typeof questionnaireAnswers.$inferInsert & { requestId: ScopedRequestId }) {
  const [row] = await executor
    .insert(questionnaireAnswers)
    .values(values)
    .onConflictDoNothing({ target: [questionnaireAnswers.requestId, questionnaireAnswers.questionKey] })
    .returning({ id: questionnaireAnswers.id, version: questionnaireAnswers.version });
  return row;
}

/** Updates an answer only if it still has `expectedVersion`; undefined when it has moved on. */
export async function updateAnswer(
  executor: Executor,
  requestId: ScopedRequestId,
  questionKey: string,
  expectedVersion: number | null,
  values: Partial<typeof questionnaireAnswers.$inferInsert>,
) {
  const [row] = await executor
    .update(questionnaireAnswers)
    .set({ ...values, version: sql`${questionnaireAnswers.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(questionnaireAnswers.requestId, requestId),
        eq(questionnaireAnswers.questionKey, questionKey),
        expectedVersion === null ? undefined : eq(questionnaireAnswers.version, expectedVersion),
      ),
    )
    .returning({ id: questionnaireAnswers.id, version: questionnaireAnswers.version, value: questionnaireAnswers.value });
  return row;
}

export async function updateAnswersReviewState(
  executor: Executor,
  requestId: ScopedRequestId,
  from: ReviewState[],
  to: ReviewState,
) {
  return executor
    .update(questionnaireAnswers)
    .set({ reviewState: to, updatedAt: new Date() })
    .where(and(eq(questionnaireAnswers.requestId, requestId), inArray(questionnaireAnswers.reviewState, from)))
    .returning({ id: questionnaireAnswers.id, questionKey: questionnaireAnswers.questionKey, value: questionnaireAnswers.value, version: questionnaireAnswers.version });
}

export async function insertHistory(executor: Executor, rows: (typeof questionnaireAnswerHistory.$inferInsert & { requestId: ScopedRequestId })[]) {
  if (rows.length === 0) return;
  await executor.insert(questionnaireAnswerHistory).values(rows);
}

/** The history of every answer of the request, oldest first, with the name of who changed it. */
export async function findHistory(executor: Executor, requestId: ScopedRequestId) {
  return executor
    .select({
      id: questionnaireAnswerHistory.id,
      questionKey: questionnaireAnswerHistory.questionKey,
      kind: questionnaireAnswerHistory.kind,
      value: questionnaireAnswerHistory.value,
      version: questionnaireAnswerHistory.version,
      reviewState: questionnaireAnswerHistory.reviewState,
      comment: questionnaireAnswerHistory.comment,
      changedBy: users.name,
      createdAt: questionnaireAnswerHistory.createdAt,
    })
    .from(questionnaireAnswerHistory)
    .leftJoin(users, eq(users.id, questionnaireAnswerHistory.changedByUserId))
    .where(eq(questionnaireAnswerHistory.requestId, requestId))
    .orderBy(asc(questionnaireAnswerHistory.createdAt), asc(questionnaireAnswerHistory.version));
}

/**
 * "Answer once": per question key, the latest accepted, confirmed answer the vendor gave in any
 * other request of a partnership whose answers may be reused. Scoped by the vendor organization;
 * nothing about the source request (client, partnership) is returned.
 */
export async function findReusableAnswers(executor: Executor, vendorOrgId: string, targetRequestId: ScopedRequestId, questionKeys: string[]) {
  if (questionKeys.length === 0) return [];
  return executor
    .selectDistinctOn([questionnaireAnswers.questionKey], {
      id: questionnaireAnswers.id,
      questionKey: questionnaireAnswers.questionKey,
      value: questionnaireAnswers.value,
    })
    .from(questionnaireAnswers)
    .innerJoin(questionnaireRequests, eq(questionnaireRequests.id, questionnaireAnswers.requestId))
    .innerJoin(partnerships, eq(partnerships.id, questionnaireRequests.partnershipId))
    .where(
      and(
        eq(partnerships.vendorOrgId, vendorOrgId),
        eq(partnerships.answerReuseEnabled, true),
        ne(questionnaireRequests.id, targetRequestId),
        eq(questionnaireAnswers.reviewState, "accepted"),
        eq(questionnaireAnswers.isConfirmed, true),
        inArray(questionnaireAnswers.questionKey, questionKeys),
      ),
    )
    .orderBy(
      asc(questionnaireAnswers.questionKey),
      sql`${questionnaireAnswers.reviewedAt} desc nulls last`,
      desc(questionnaireAnswers.updatedAt),
    );
}

// ---------------------------------------------------------------------------------------------
// Findings and reuse

export async function insertFinding(executor: Executor, values: typeof findings.$inferInsert & { requestId: ScopedRequestId }) {
  const [row] = await executor.insert(findings).values(values).returning({ id: findings.id });
  return row;
}

/** The vendor's choice to let answers flow to and from this partnership; scoped by vendor. */
export async function setAnswerReuseForVendor(executor: Executor, vendorOrgId: string, partnershipId: string, enabled: boolean) {
  const [row] = await executor
    .update(partnerships)
    .set({ answerReuseEnabled: enabled, updatedAt: new Date() })
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.vendorOrgId, vendorOrgId)))
    .returning({ id: partnerships.id, clientOrgId: partnerships.clientOrgId });
  return row;
}

export async function getAnswerReuseForVendor(executor: Executor, vendorOrgId: string, partnershipId: string) {
  const [row] = await executor
    .select({ enabled: partnerships.answerReuseEnabled })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.vendorOrgId, vendorOrgId)));
  return row;
}
