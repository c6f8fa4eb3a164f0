import { createHash } from "node:crypto";

/** The first link's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  organizationId: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  prevHash: string;
}

/** JSON with sorted keys, so jsonb's reordering of keys does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The exact text an event's hash is taken of (exported so auditors can re-verify offline). */
export function chainedPayload(fields: ChainedFields): string {
  // Name each field: rows read back carry more (id, hash) that must not enter the hash.
  return canonicalJson({
    organizationId: fields.organizationId,
    actorUserId: fields.actorUserId,
    actorLabel: fields.actorLabel,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    summary: fields.summary,
    ipAddress: fields.ipAddress,
    userAgent: fields.userAgent,
    createdAt: fields.createdAt.toISOString(),
    prevHash: fields.prevHash,
  });
}

export function hashEvent(fields: ChainedFields): string {
  return createHash("sha256").update(chainedPayload(fields)).digest("hex");
}

export type ChainBreak = { id: number; reason: "hash_mismatch" | "prev_hash_mismatch" };

/**
 * Walks events in id order and returns the first that does not link to its predecessor or
 * whose content no longer matches its hash.
 */
export function findChainBreak(
  events: Iterable<ChainedFields & { id: number; hash: string }>,
  previousHash = GENESIS_HASH,
): { break?: ChainBreak; lastHash: string; checked: number } {
  let expectedPrev = previousHash;
  let checked = 0;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) {
      return { break: { id: event.id, reason: "prev_hash_mismatch" }, lastHash: expectedPrev, checked };
    }
    if (hashEvent(event) !== event.hash) {
      return { break: { id: event.id, reason: "hash_mismatch" }, lastHash: expectedPrev, checked };
    }
    expectedPrev = event.hash;
    checked++;
  }
  return { lastHash: expectedPrev, checked };
}
