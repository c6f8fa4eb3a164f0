import { desc, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { auditEvents } from "#db/schema/index";
import { GENESIS_HASH, hashEvent } from "./hash-chain";

export interface AuditContext {
  actorUserId: string | null;
  /** Who acted when there is no user yet (e.g. the e-mail typed at a failed sign-in). */
  actorLabel?: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/** Where a request came from: what use cases pass on to their audit events. */
export type RequestMeta = Omit<AuditContext, "actorUserId" | "actorLabel">;

export interface AuditEventInput {
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

// One chain for the whole portal; the lock serializes appends across app instances so two
// transactions can never both link to the same predecessor.
const CHAIN_LOCK = 4_242_001;

/**
 * Appends an event to the hash-chained audit trail. Call it with the transaction that makes the
 * change, so the record and the change commit or fail together.
 */
export async function recordAuditEvent(tx: Executor, context: AuditContext, input: AuditEventInput) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const fields = {
    organizationId: input.organizationId,
    actorUserId: context.actorUserId,
    actorLabel: context.actorLabel ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: input.summary ?? {},
    ipAddress: context.ipAddress,
    userAgent: context.userAgent?.slice(0, 500) ?? null,
    // Set here, not by the database: a JS Date has millisecond precision, which PostgreSQL keeps
    // exactly, so the timestamp read back hashes the same (now() would add microseconds).
    createdAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...fields, hash: hashEvent(fields) });
}
