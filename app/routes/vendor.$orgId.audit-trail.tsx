import type { LoaderFunctionArgs } from "@remix-run/node";
import { AuditTrailPage } from "~/components/audit-trail-page";
import { auditTrailLoader } from "~/domain/audit/audit-trail-routes.server";

export async function loader(args: LoaderFunctionArgs) {
  return auditTrailLoader("vendor", args);
}

export default function VendorAuditTrail() {
  return <AuditTrailPage />;
}
