import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/auth/guards.server";
import { runEvidenceUpload } from "~/domain/evidence/upload-outcome.server";
import { requestMeta } from "~/utils/http.server";

/**
 * The endpoint the upload form's progress bar talks to: a new document, or with ?evidenceId= a
 * new version of one. Always answers JSON (the outcome and, on success, where to go next).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "evidence.upload");
  const evidenceId = new URL(request.url).searchParams.get("evidenceId");
  const { status, outcome } = await runEvidenceUpload({ actor, meta: requestMeta(request, context), request, evidenceId });
  return json(outcome, { status });
}
