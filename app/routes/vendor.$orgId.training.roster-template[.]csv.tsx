import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/auth/guards.server";
import { rosterTemplateCsv } from "~/domain/training/roster-file.server";

/**
 * /vendor/:orgId/training/roster-template.csv: the roster header and an example row, with the
 * agent_name column only when asked for (?names=1, for requirements that need names).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, params.orgId, "vendor", "training.view");
  const names = new URL(request.url).searchParams.get("names") === "1";
  return new Response(`\uFEFF${rosterTemplateCsv(names)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${names ? "training-roster-with-names" : "training-roster"}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
