import { db } from "#db/client.server";
import {
  countAuditEvents,
  findAuditEventsPage,
  findAuditFilterOptions,
  getLastAuditEventId,
  iterateAuditEventsForExport,
  type AuditEventFilter,
} from "#db/queries/audit-events";
import type { Actor } from "~/auth/policy";
import { todayInDisplayZone } from "~/utils/dates";
import { canonicalJson, chainedPayload } from "./hash-chain";
import { recordAuditEvent, type AuditContext } from "./record-event.server";
import { AUDIT_TRAIL_PAGE_SIZE, type AuditTrailFilterValues, type ParsedAuditTrailQuery } from "./trail-filter";

function toQueryFilter(values: AuditTrailFilterValues): AuditEventFilter {
  return {
    action: values.action,
    actorUserId: values.actor,
    entityType: values.entityType,
    from: values.from,
    to: values.to,
    text: values.q,
  };
}

const MAX_SUMMARY_VALUE = 200;

/** A summary as a short list of key: value pairs for the screen. */
export function summaryEntries(summary: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(summary ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      let text: string;
      if (value === null) text = "–";
      else if (typeof value === "object") {
        text = Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)
          ? value.map(String).join(", ")
          : canonicalJson(value);
      } else text = String(value);
      return { key, value: text.length > MAX_SUMMARY_VALUE ? `${text.slice(0, MAX_SUMMARY_VALUE - 1)}…` : text };
    });
}

/**
 * One page of the actor's organization's audit trail, with the count of events that match the
 * filter and the choices for the filter selects. A view model: no hashes, no user agents.
 */
export async function getAuditTrailPage(actor: Actor, query: ParsedAuditTrailQuery) {
  const filter = toQueryFilter(query.values);
  const [page, total, options] = await Promise.all([
    findAuditEventsPage(db(), actor.organizationId, filter, { ...query.cursor, limit: AUDIT_TRAIL_PAGE_SIZE }),
    countAuditEvents(db(), actor.organizationId, filter),
    findAuditFilterOptions(db(), actor.organizationId),
  ]);
  return {
    total,
    events: page.events.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      actorName: e.actorName,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: summaryEntries(e.summary),
      ipAddress: e.ipAddress,
    })),
    olderCursor: page.hasOlder ? page.events[page.events.length - 1].id : null,
    newerCursor: page.hasNewer ? page.events[0].id : null,
    // An empty page reached by a cursor still needs its way back to the newest events.
    isFirstPage: !page.hasNewer && (page.events.length > 0 || query.cursor.before === undefined && query.cursor.after === undefined),
    options,
    filter: query.values,
    problems: query.problems,
  };
}

export type AuditTrailPage = Awaited<ReturnType<typeof getAuditTrailPage>>;

/** The columns of the export: the raw stored values, so the hash of each row can be recomputed. */
export const AUDIT_EXPORT_COLUMNS = [
  "id",
  "created_at",
  "organization_id",
  "actor_user_id",
  "actor_name",
  "actor_label",
  "action",
  "entity_type",
  "entity_id",
  "summary",
  "ip_address",
  "user_agent",
  "prev_hash",
  "hash",
  "hashed_payload",
] as const;

/**
 * Text people or browsers chose (names, typed e-mails, user agents) is kept from being run as a
 * spreadsheet formula. Re-verification uses `hashed_payload`, the exact text the hash covers,
 * which starts with "{" and so is never a formula.
 */
const spreadsheetSafe = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function slug(value: string) {
  const cleaned = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return cleaned || "organization";
}

/**
 * Starts a CSV export of the actor's organization's trail: records that it was exported (in its
 * own transaction, before any row leaves) and returns the rows to stream, fixed at the events
 * that existed when the export was asked for.
 */
export async function exportAuditTrail(
  actor: Actor,
  organizationName: string,
  values: AuditTrailFilterValues,
  context: AuditContext,
) {
  const upToId = await getLastAuditEventId(db(), actor.organizationId);
  const filter = { ...toQueryFilter(values), upToId };
  const count = await countAuditEvents(db(), actor.organizationId, filter);
  await db().transaction((tx) =>
    recordAuditEvent(tx, context, {
      organizationId: actor.organizationId,
      action: "audit_trail.exported",
      entityType: "organization",
      entityId: actor.organizationId,
      summary: { format: "csv", events: count, ...values },
    }),
  );
  async function* rows() {
    for await (const e of iterateAuditEventsForExport(db(), actor.organizationId, filter)) {
      yield {
        id: e.id,
        created_at: e.createdAt.toISOString(),
        organization_id: e.organizationId,
        actor_user_id: e.actorUserId,
        actor_name: spreadsheetSafe(e.actorName),
        actor_label: spreadsheetSafe(e.actorLabel),
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        // Exactly the JSON the hash covers (keys sorted), see hash-chain.ts.
        summary: canonicalJson(e.summary),
        ip_address: e.ipAddress,
        user_agent: spreadsheetSafe(e.userAgent),
        prev_hash: e.prevHash,
        hash: e.hash,
        hashed_payload: chainedPayload(e),
      } satisfies Record<(typeof AUDIT_EXPORT_COLUMNS)[number], unknown>;
    }
  }
  return { filename: `audit-trail-${slug(organizationName)}-${todayInDisplayZone()}.csv`, count, rows: rows() };
}
