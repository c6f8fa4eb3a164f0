import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireActor } from "~/auth/guards.server";
import { exportVendorAnswersXlsx } from "~/domain/questionnaires/requests/answers-xlsx.server";
import { isLocale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/i18n.server";
import { notFound, throwAsResponse } from "~/utils/http.server";

/**
 * /vendor/:orgId/questionnaires/:requestId.xlsx?lang=nl|en: the request with its answers and
 * their versions, to fill in offline and import again.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, session } = await requireActor(request, params.orgId, "vendor", "questionnaire.view");
  if (!isUuid(params.requestId)) notFound();
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : await resolveLocale(request, session.user.locale);
  const file = await exportVendorAnswersXlsx(actor, params.requestId, locale).catch(throwAsResponse);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
