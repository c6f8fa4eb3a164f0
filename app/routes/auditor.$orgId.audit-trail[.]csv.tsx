import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditTrailCsvLoader } from "~/domain/audit/audit-trail-routes.server";

/** /auditor/:orgId/audit-trail.csv: the audit trail as a CSV download (a resource route). */
export async function loader(args: LoaderFunctionArgs) {
  return auditTrailCsvLoader("audit_firm", args);
}
