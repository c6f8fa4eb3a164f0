import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireActor } from "~/auth/guards.server";
import { getAgreementPdf } from "~/domain/agreements/views.server";
import { storedFileResponse } from "~/domain/evidence/file-response.server";
import { storage } from "~/storage/storage.server";
import { notFound, throwAsResponse } from "~/utils/http.server";

/** The signed PDF of an agreement in force (or once in force), as a download; 404 before that. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "agreement.view");
  if (!isUuid(params.agreementId)) notFound();
  const file = await getAgreementPdf(actor, params.agreementId).catch(throwAsResponse);
  return storedFileResponse(storage(), file, { download: true, ifNoneMatch: request.headers.get("if-none-match") });
}
