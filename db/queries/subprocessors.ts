import { aliasedTable, and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { agreements, organizations, partnerships, subprocessorEvents, subprocessors, users } from "../schema/index";

/**
 * The sub-processor register. Every read names the caller's side and organization and joins the
 * partnership with it in the WHERE clause, so an id from another tenant finds nothing. The only
 * unscoped read is the daily lapse job's, named `unsafe…`.
 */

export type RegisterScope = { side: "client" | "vendor"; orgId: string };

type Status = (typeof subprocessors.$inferSelect)["status"];

const clientOrg = aliasedTable(organizations, "client_org");
const proposer = aliasedTable(users, "proposer");
const decider = aliasedTable(users, "decider");

const ownedBy = (scope: RegisterScope) =>
  scope.side === "client" ? eq(partnerships.clientOrgId, scope.orgId) : eq(partnerships.vendorOrgId, scope.orgId);

/** Approved sub-processors of a partnership, for the agreement's {{subprocessors}} merge field. */
export async function approvedSubprocessorsFor(executor: Executor, partnershipId: string) {
  return executor
    .select({
      name: subprocessors.name,
      service: subprocessors.service,
      country: subprocessors.country,
      transferMechanism: subprocessors.transferMechanism,
    })
    .from(subprocessors)
    .where(and(eq(subprocessors.partnershipId, partnershipId), eq(subprocessors.status, "approved")))
    .orderBy(asc(subprocessors.name), asc(subprocessors.id));
}

/** The partnership as the register needs it, only when it is the caller's. */
export async function getRegisterPartnership(executor: Executor, scope: RegisterScope, partnershipId: string) {
  const [row] = await executor
    .select({
      id: partnerships.id,
      clientOrgId: partnerships.clientOrgId,
      vendorOrgId: partnerships.vendorOrgId,
      vendorDisplayName: partnerships.vendorDisplayName,
      clientName: clientOrg.name,
      status: partnerships.status,
    })
    .from(partnerships)
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(and(eq(partnerships.id, partnershipId), ownedBy(scope)))
    .limit(1);
  return row;
}

/** The notice period of the partnership's agreement in force (the newest, should there be two). */
export async function findNoticeDaysInForce(executor: Executor, partnershipId: string): Promise<number | null> {
  const [row] = await executor
    .select({ days: agreements.subprocessorNoticeDays })
    .from(agreements)
    .where(and(eq(agreements.partnershipId, partnershipId), eq(agreements.status, "in_force")))
    .orderBy(desc(agreements.inForceAt), desc(agreements.createdAt))
    .limit(1);
  return row?.days ?? null;
}

const entryColumns = {
  id: subprocessors.id,
  partnershipId: subprocessors.partnershipId,
  name: subprocessors.name,
  service: subprocessors.service,
  country: subprocessors.country,
  dataAccessed: subprocessors.dataAccessed,
  transferMechanism: subprocessors.transferMechanism,
  status: subprocessors.status,
  objectionDeadline: subprocessors.objectionDeadline,
  proposedAt: subprocessors.proposedAt,
  decidedAt: subprocessors.decidedAt,
  decisionComment: subprocessors.decisionComment,
  lockVersion: subprocessors.lockVersion,
};

/** The register of one of the caller's partnerships, with who proposed and who decided. */
export async function findRegisterEntries(executor: Executor, scope: RegisterScope, partnershipId: string) {
  return executor
    .select({ ...entryColumns, proposedByName: proposer.name, decidedByName: decider.name })
    .from(subprocessors)
    .innerJoin(partnerships, eq(partnerships.id, subprocessors.partnershipId))
    .leftJoin(proposer, eq(proposer.id, subprocessors.proposedByUserId))
    .leftJoin(decider, eq(decider.id, subprocessors.decidedByUserId))
    .where(and(eq(subprocessors.partnershipId, partnershipId), ownedBy(scope)))
    .orderBy(asc(subprocessors.proposedAt), asc(subprocessors.id));
}

/** The history of entries the caller has already read through a scoped query. */
export async function findEventsOf(executor: Executor, subprocessorIds: string[]) {
  if (subprocessorIds.length === 0) return [];
  return executor
    .select({
      id: subprocessorEvents.id,
      subprocessorId: subprocessorEvents.subprocessorId,
      event: subprocessorEvents.event,
      comment: subprocessorEvents.comment,
      actorName: users.name,
      createdAt: subprocessorEvents.createdAt,
    })
    .from(subprocessorEvents)
    .leftJoin(users, eq(users.id, subprocessorEvents.actorUserId))
    .where(inArray(subprocessorEvents.subprocessorId, subprocessorIds))
    .orderBy(asc(subprocessorEvents.createdAt), asc(subprocessorEvents.id));
}

/** One entry of the caller's partnership, locked for the rest of the transaction. */
export async function lockEntry(executor: Executor, scope: RegisterScope, partnershipId: string, subprocessorId: string) {
  const [row] = await executor
    .select(entryColumns)
    .from(subprocessors)
    .innerJoin(partnerships, eq(partnerships.id, subprocessors.partnershipId))
    .where(and(eq(subprocessors.id, subprocessorId), eq(subprocessors.partnershipId, partnershipId), ownedBy(scope)))
    .for("update", { of: subprocessors })
    .limit(1);
  return row;
}

export async function insertEntry(executor: Executor, values: typeof subprocessors.$inferInsert) {
  const [row] = await executor.insert(subprocessors).values(values).returning({ id: subprocessors.id });
  return row;
}

/**
 * Changes an entry only when it still has the version and status the caller saw; returns
 * undefined otherwise (someone else got there first).
 */
export async function updateEntry(
  executor: Executor,
  subprocessorId: string,
  expected: { lockVersion: number; status: Status },
  values: Partial<typeof subprocessors.$inferInsert>,
) {
  const [row] = await executor
    .update(subprocessors)
    .set({ ...values, lockVersion: sql`${subprocessors.lockVersion} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(subprocessors.id, subprocessorId),
        eq(subprocessors.lockVersion, expected.lockVersion),
        eq(subprocessors.status, expected.status),
      ),
    )
    .returning({ id: subprocessors.id, lockVersion: subprocessors.lockVersion });
  return row;
}

export async function insertEvent(
  executor: Executor,
  values: { subprocessorId: string; event: string; actorUserId: string | null; comment?: string | null },
) {
  await executor.insert(subprocessorEvents).values({ ...values, comment: values.comment ?? null });
}

/** Pending proposals per partnership of the caller, for links and overviews. */
export async function countPendingByPartnership(executor: Executor, scope: RegisterScope, partnershipIds?: string[]) {
  const rows = await executor
    .select({ partnershipId: subprocessors.partnershipId, count: sql<number>`count(*)::int` })
    .from(subprocessors)
    .innerJoin(partnerships, eq(partnerships.id, subprocessors.partnershipId))
    .where(
      and(
        ownedBy(scope),
        eq(subprocessors.status, "proposed"),
        partnershipIds ? inArray(subprocessors.partnershipId, partnershipIds) : undefined,
      ),
    )
    .groupBy(subprocessors.partnershipId);
  return new Map(rows.map((r) => [r.partnershipId, r.count]));
}

/**
 * Unscoped on purpose: the daily job approves, for every tenant, proposals whose objection
 * period ended before `today`. Each is then re-read and changed under a lock.
 */
export async function unsafeFindLapsedProposalIds(executor: Executor, today: string) {
  const rows = await executor
    .select({ id: subprocessors.id })
    .from(subprocessors)
    .where(and(eq(subprocessors.status, "proposed"), lt(subprocessors.objectionDeadline, today)))
    .orderBy(asc(subprocessors.objectionDeadline), asc(subprocessors.id));
  return rows.map((r) => r.id);
}

/** One proposal with its partnership, locked; for the lapse job, which acts for no tenant. */
export async function unsafeLockProposal(executor: Executor, subprocessorId: string) {
  const [row] = await executor
    .select({
      ...entryColumns,
      clientOrgId: partnerships.clientOrgId,
      vendorOrgId: partnerships.vendorOrgId,
      vendorDisplayName: partnerships.vendorDisplayName,
      clientName: clientOrg.name,
    })
    .from(subprocessors)
    .innerJoin(partnerships, eq(partnerships.id, subprocessors.partnershipId))
    .innerJoin(clientOrg, eq(clientOrg.id, partnerships.clientOrgId))
    .where(eq(subprocessors.id, subprocessorId))
    .for("update", { of: subprocessors })
    .limit(1);
  return row;
}

/** The client's pending proposals across all its partnerships, earliest deadline first. */
export async function findPendingProposalsForClient(executor: Executor, clientOrgId: string) {
  return executor
    .select({
      id: subprocessors.id,
      partnershipId: subprocessors.partnershipId,
      vendorDisplayName: partnerships.vendorDisplayName,
      name: subprocessors.name,
      country: subprocessors.country,
      objectionDeadline: subprocessors.objectionDeadline,
    })
    .from(subprocessors)
    .innerJoin(partnerships, eq(partnerships.id, subprocessors.partnershipId))
    .where(and(eq(partnerships.clientOrgId, clientOrgId), eq(subprocessors.status, "proposed")))
    .orderBy(asc(subprocessors.objectionDeadline), asc(subprocessors.id));
}
