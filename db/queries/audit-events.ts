import { and, asc, desc, eq, gt, lt, lte, sql, type SQL } from "drizzle-orm";
import { DISPLAY_TIME_ZONE } from "~/utils/dates";
import type { Executor } from "../client.server";
import { auditEvents, users } from "../schema/index";

/**
 * Reads of one organization's audit trail. The organization is always the first condition of
 * the WHERE clause; events without an organization (sign-ins, profile changes) belong to no
 * tenant's trail.
 */
export interface AuditEventFilter {
  action?: string;
  actorUserId?: string;
  entityType?: string;
  /** Calendar dates (yyyy-mm-dd) in Europe/Amsterdam, both inclusive. */
  from?: string;
  to?: string;
  /** Free text, matched case-insensitively against the values of the summary. */
  text?: string;
  /** Only events up to this id: an export stays the trail as it was when it was asked for. */
  upToId?: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(organizationId: string, filter: AuditEventFilter): SQL[] {
  const where: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  // Midnight in Amsterdam, worked out by PostgreSQL so daylight saving time is handled there.
  if (filter.from) {
    where.push(sql`${auditEvents.createdAt} >= ((${filter.from}::date)::timestamp at time zone ${DISPLAY_TIME_ZONE})`);
  }
  if (filter.to) {
    where.push(sql`${auditEvents.createdAt} < ((${filter.to}::date + 1)::timestamp at time zone ${DISPLAY_TIME_ZONE})`);
  }
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    where.push(
      sql`exists (select 1 from jsonb_each_text(${auditEvents.summary}) as s(key, value) where s.value ilike ${pattern})`,
    );
  }
  if (filter.upToId !== undefined) where.push(lte(auditEvents.id, filter.upToId));
  return where;
}

const listColumns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  actorUserId: auditEvents.actorUserId,
  actorName: users.name,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  summary: auditEvents.summary,
  ipAddress: auditEvents.ipAddress,
};

export type AuditEventListRow = {
  id: number;
  createdAt: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  ipAddress: string | null;
};

/**
 * One page of the organization's events, newest first, by keyset on the id: `before` pages to
 * older events, `after` to newer ones. Tells whether there are more on either side.
 */
export async function findAuditEventsPage(
  executor: Executor,
  organizationId: string,
  filter: AuditEventFilter,
  page: { before?: number; after?: number; limit: number },
): Promise<{ events: AuditEventListRow[]; hasOlder: boolean; hasNewer: boolean }> {
  const where = conditions(organizationId, filter);
  const query = executor
    .select(listColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .$dynamic();
  let events: AuditEventListRow[];
  if (page.after !== undefined) {
    // Newer events: the ones just above the cursor, read upwards and turned round.
    events = (
      await query
        .where(and(...where, gt(auditEvents.id, page.after)))
        .orderBy(asc(auditEvents.id))
        .limit(page.limit)
    ).reverse();
  } else {
    events = await query
      .where(page.before !== undefined ? and(...where, lt(auditEvents.id, page.before)) : and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(page.limit);
  }
  if (events.length === 0) return { events, hasOlder: false, hasNewer: false };
  const [hasOlder, hasNewer] = await Promise.all([
    exists(executor, [...where, lt(auditEvents.id, events[events.length - 1].id)]),
    exists(executor, [...where, gt(auditEvents.id, events[0].id)]),
  ]);
  return { events, hasOlder, hasNewer };
}

async function exists(executor: Executor, where: SQL[]) {
  const [row] = await executor.select({ id: auditEvents.id }).from(auditEvents).where(and(...where)).limit(1);
  return row !== undefined;
}

export async function countAuditEvents(executor: Executor, organizationId: string, filter: AuditEventFilter) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(...conditions(organizationId, filter)));
  return row?.count ?? 0;
}

/** The actions, entity types and acting users that occur in the organization's trail. */
export async function findAuditFilterOptions(executor: Executor, organizationId: string) {
  const scope = eq(auditEvents.organizationId, organizationId);
  const [actions, entityTypes, actors] = await Promise.all([
    executor.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(scope).orderBy(asc(auditEvents.action)),
    executor
      .selectDistinct({ value: auditEvents.entityType })
      .from(auditEvents)
      .where(scope)
      .orderBy(asc(auditEvents.entityType)),
    executor
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(scope)
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return {
    actions: actions.map((a) => a.value),
    entityTypes: entityTypes.map((e) => e.value),
    actors,
  };
}

/** The id of the newest event of the organization, or 0: the upper bound of a consistent export. */
export async function getLastAuditEventId(executor: Executor, organizationId: string) {
  const [row] = await executor
    .select({ id: sql<number | null>`max(${auditEvents.id})` })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId));
  return Number(row?.id ?? 0);
}

/**
 * Every matching event with all the columns the hash covers (plus the actor's name), oldest
 * first, read in keyset batches so a long trail never sits in memory at once.
 */
export async function* iterateAuditEventsForExport(
  executor: Executor,
  organizationId: string,
  filter: AuditEventFilter,
  batchSize = 1000,
) {
  const where = conditions(organizationId, filter);
  let lastId = 0;
  for (;;) {
    const batch = await executor
      .select({
        id: auditEvents.id,
        createdAt: auditEvents.createdAt,
        organizationId: auditEvents.organizationId,
        actorUserId: auditEvents.actorUserId,
        actorName: users.name,
        actorLabel: auditEvents.actorLabel,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        summary: auditEvents.summary,
        ipAddress: auditEvents.ipAddress,
        userAgent: auditEvents.userAgent,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(...where, gt(auditEvents.id, lastId)))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    yield* batch;
    if (batch.length < batchSize) return;
    lastId = batch[batch.length - 1].id;
  }
}
