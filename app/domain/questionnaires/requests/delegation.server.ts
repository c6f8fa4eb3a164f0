import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { getRequestForSide, type ScopedRequestId } from "#db/queries/questionnaire-requests";
import { memberships, partnerships, questionnaireRequests, questionnaireSectionAssignments, users } from "#db/schema/index";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { notify } from "~/domain/notifications/notify.server";
import { isOpenStatus } from "./request-rules";

/**
 * Delegation: a vendor's admin or responder assigns a section of a request to a colleague.
 * Contributors may only answer the sections assigned to them (see {@link assertMayAnswerSection}),
 * and their to-do list shows only requests with such a section.
 *
 * The reads and writes of `questionnaire_section_assignments` live here rather than in
 * db/queries: every one of them takes a {@link ScopedRequestId} (proven by a scoped read) or puts
 * the vendor organization in its WHERE clause.
 */

/** Who may be given a section: everyone on the vendor's side who may answer. */
export const ASSIGNABLE_ROLES = ["admin", "responder", "contributor"];

async function findAssignableMembers(executor: Executor, vendorOrgId: string) {
  return executor
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, vendorOrgId), inArray(memberships.role, ASSIGNABLE_ROLES)))
    .orderBy(asc(users.name));
}

async function findAssignments(executor: Executor, requestId: ScopedRequestId) {
  return executor
    .select({ sectionKey: questionnaireSectionAssignments.sectionKey, userId: users.id, name: users.name })
    .from(questionnaireSectionAssignments)
    .innerJoin(users, eq(users.id, questionnaireSectionAssignments.assigneeUserId))
    .where(eq(questionnaireSectionAssignments.requestId, requestId));
}

/** The assignee of a section, if any (for notifying them of comments on its questions). */
export async function getSectionAssignee(executor: Executor, requestId: ScopedRequestId, sectionKey: string) {
  const [row] = await executor
    .select({ userId: questionnaireSectionAssignments.assigneeUserId })
    .from(questionnaireSectionAssignments)
    .where(and(eq(questionnaireSectionAssignments.requestId, requestId), eq(questionnaireSectionAssignments.sectionKey, sectionKey)));
  return row?.userId ?? null;
}

/** Whether this vendor-side role is limited to the sections assigned to the person. */
export const isLimitedToAssignedSections = (actor: Actor) => actor.organizationKind === "vendor" && actor.role === "contributor";

/**
 * The delegation rule of the save use cases: admins and responders answer everything; a
 * contributor only questions of a section assigned to them. Call it inside the transaction that
 * writes the answer.
 */
export async function assertMayAnswerSection(executor: Executor, actor: Actor, requestId: ScopedRequestId, sectionKey: string) {
  if (!isLimitedToAssignedSections(actor)) return;
  if ((await getSectionAssignee(executor, requestId, sectionKey)) !== actor.userId) {
    throw new DomainError("forbidden", "requests:delegation.errors.notAssigned");
  }
}

/**
 * What the vendor's screen shows of delegation: who has which section, whom one may choose (only
 * for those who may delegate) and, for a contributor, which sections they may answer (null: all).
 */
export async function getDelegationView(actor: Actor, requestId: string) {
  const request = await getRequestForSide(db(), "vendor", actor.organizationId, requestId);
  if (!request) throw new DomainError("not_found");
  const canDelegate = can(actor, "questionnaire.delegate");
  const [assignments, members] = await Promise.all([
    findAssignments(db(), request.id),
    canDelegate ? findAssignableMembers(db(), actor.organizationId) : Promise.resolve([]),
  ]);
  return {
    assignments: Object.fromEntries(assignments.map((a) => [a.sectionKey, { userId: a.userId, name: a.name }])),
    assignableMembers: members,
    canDelegate,
    answerableSections: isLimitedToAssignedSections(actor)
      ? assignments.filter((a) => a.userId === actor.userId).map((a) => a.sectionKey)
      : null,
  };
}

/**
 * Assigns a section of an open request to a colleague (replacing an earlier assignment), or with
 * `assigneeUserId` null removes the assignment. The assignee must be a member of the vendor
 * organization with a role that may answer; the section must be in the request's version. The
 * assignee hears of it in-app (unless they assigned it to themselves).
 */
export async function assignSection(input: { actor: Actor; requestId: string; sectionKey: string; assigneeUserId: string | null; meta: RequestMeta }) {
  const { actor, sectionKey, assigneeUserId } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "questionnaire.delegate")) throw new DomainError("forbidden");
  await db().transaction(async (tx) => {
    const request = await getRequestForSide(tx, "vendor", actor.organizationId, input.requestId, { lock: true });
    if (!request) throw new DomainError("not_found");
    if (!isOpenStatus(request.status)) throw new DomainError("invalid_state", "requests:errors.notOpen");
    const section = request.content.sections.find((s) => s.key === sectionKey);
    if (!section) throw new DomainError("invalid_input", "requests:delegation.errors.unknownSection");

    if (assigneeUserId === null) {
      await tx
        .delete(questionnaireSectionAssignments)
        .where(and(eq(questionnaireSectionAssignments.requestId, request.id), eq(questionnaireSectionAssignments.sectionKey, sectionKey)));
    } else {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, actor.organizationId),
            eq(memberships.userId, assigneeUserId),
            inArray(memberships.role, ASSIGNABLE_ROLES),
          ),
        );
      if (!member) throw new DomainError("invalid_input", "requests:delegation.errors.notAMember");
      await tx
        .insert(questionnaireSectionAssignments)
        .values({ requestId: request.id, sectionKey, assigneeUserId, assignedByUserId: actor.userId })
        .onConflictDoUpdate({
          target: [questionnaireSectionAssignments.requestId, questionnaireSectionAssignments.sectionKey],
          set: { assigneeUserId, assignedByUserId: actor.userId, createdAt: new Date() },
        });
      if (assigneeUserId !== actor.userId) {
        await notify(tx, [
          {
            userId: assigneeUserId,
            organizationId: actor.organizationId,
            messageKey: "requests:delegation.notification",
            params: {
              clientName: request.clientName,
              title: request.content.title.nl,
              titleEn: request.content.title.en,
              section: section.title.nl,
              sectionEn: section.title.en,
            },
            link: `/vendor/${actor.organizationId}/questionnaires/${request.id}`,
          },
        ]);
      }
    }
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "questionnaire.section_assigned",
      entityType: "questionnaire_request",
      entityId: request.id,
      summary: { sectionKey, assigneeUserId },
    });
  });
}

/**
 * The to-do list of a contributor: only requests with a section assigned to them. Others see the
 * list unchanged.
 */
export async function onlyDelegatedRequests<T extends { id: string }>(actor: Actor, list: T[]): Promise<T[]> {
  if (!isLimitedToAssignedSections(actor) || list.length === 0) return list;
  const rows = await db()
    .selectDistinct({ requestId: questionnaireSectionAssignments.requestId })
    .from(questionnaireSectionAssignments)
    .innerJoin(questionnaireRequests, eq(questionnaireRequests.id, questionnaireSectionAssignments.requestId))
    .innerJoin(partnerships, eq(partnerships.id, questionnaireRequests.partnershipId))
    .where(and(eq(partnerships.vendorOrgId, actor.organizationId), eq(questionnaireSectionAssignments.assigneeUserId, actor.userId)));
  const assigned = new Set(rows.map((r) => r.requestId));
  return list.filter((r) => assigned.has(r.id));
}
