import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import { getClientVisibleEvidence, getEvidenceVersion } from "#db/queries/evidence";
import { isUuid, requireActor } from "~/auth/guards.server";
import { fileRequestOptions } from "~/domain/evidence/file-request";
import { storedFileResponse } from "~/domain/evidence/file-response.server";
import { storage } from "~/storage/storage.server";
import { notFound } from "~/utils/http.server";

/** A file of a document the vendor shared with this client (linked to one of its partnerships). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "evidence.view");
  if (!isUuid(params.evidenceId)) notFound();
  const options = fileRequestOptions(request);
  if (!options) notFound();
  if (!(await getClientVisibleEvidence(db(), actor.organizationId, params.evidenceId))) notFound();
  const version = await getEvidenceVersion(db(), params.evidenceId, options.version);
  if (!version) notFound();
  return storedFileResponse(storage(), version, { download: options.download, ifNoneMatch: request.headers.get("if-none-match") });
}
