import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import type { OrganizationKind } from "~/auth/roles";
import { requestMeta } from "~/utils/http.server";
import { AUDIT_EXPORT_COLUMNS, exportAuditTrail, getAuditTrailPage } from "./audit-trail.server";
import { parseAuditTrailQuery } from "./trail-filter";

/**
 * The loaders behind the three sides' audit-trail routes (client, vendor, auditor), which differ
 * only in the side of the URL. Each runs the guard itself: a layout's loader protects nothing.
 */
export async function auditTrailLoader(side: OrganizationKind, { request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, side, "audit_trail.view");
  const query = parseAuditTrailQuery(new URL(request.url).searchParams);
  const page = await getAuditTrailPage(actor, query);
  return { ...page, canExport: can(actor, "audit_trail.export") };
}

/** The type a route's `loader` has when it delegates to {@link auditTrailLoader}. */
export type AuditTrailRouteLoader = (args: LoaderFunctionArgs) => ReturnType<typeof auditTrailLoader>;

/** The CSV export: same filters as the page, streamed, offered as a download. */
export async function auditTrailCsvLoader(side: OrganizationKind, { request, params, context }: LoaderFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, side, "audit_trail.export");
  const { values } = parseAuditTrailQuery(new URL(request.url).searchParams);
  const meta = { ...requestMeta(request, context), actorUserId: actor.userId };
  const { filename, rows } = await exportAuditTrail(actor, organizationName, values, meta);
  return new Response(csvStream(rows), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

const ROWS_PER_CHUNK = 250;

/**
 * Rows to CSV bytes, read only as fast as the client takes them (pull), and stopped, with the
 * database reads behind it, when the client goes away (cancel).
 */
function csvStream(rows: AsyncGenerator<Record<string, unknown>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const columns = [...AUDIT_EXPORT_COLUMNS];
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte-order mark, so spreadsheet programs read the UTF-8 names correctly.
        controller.enqueue(encoder.encode(stringify([], { header: true, columns, bom: true })));
        return;
      }
      const batch: Record<string, unknown>[] = [];
      while (batch.length < ROWS_PER_CHUNK) {
        const next = await rows.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length > 0) controller.enqueue(encoder.encode(stringify(batch, { columns })));
      if (batch.length < ROWS_PER_CHUNK) controller.close();
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
