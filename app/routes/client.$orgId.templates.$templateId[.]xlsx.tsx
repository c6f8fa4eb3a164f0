import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportTemplateLoader } from "~/domain/questionnaires/templates/export-route.server";

/** /client/:orgId/templates/:templateId.xlsx?version=N: one version as an XLSX download. */
export async function loader(args: LoaderFunctionArgs) {
  return exportTemplateLoader("xlsx", args);
}
