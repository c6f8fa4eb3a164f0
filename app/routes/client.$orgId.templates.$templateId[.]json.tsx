import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportTemplateLoader } from "~/domain/questionnaires/templates/export-route.server";

/** /client/:orgId/templates/:templateId.json?version=N: one version as a JSON download. */
export async function loader(args: LoaderFunctionArgs) {
  return exportTemplateLoader("json", args);
}
