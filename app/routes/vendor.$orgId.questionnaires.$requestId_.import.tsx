import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { localized } from "~/components/questionnaire-status";
import { TemplateIssues } from "~/components/template-issues";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { getImportPageView, importAnswersXlsx } from "~/domain/questionnaires/requests/answers-xlsx.server";
import { readTemplateUpload } from "~/domain/questionnaires/templates/import-file.server";
import { domainErrorResponse, notFound, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** /vendor/:orgId/questionnaires/:requestId/import: upload a filled-in answers workbook. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "questionnaire.answer");
  if (!isUuid(params.requestId)) notFound();
  const view = await getImportPageView(actor, params.requestId).catch(throwAsResponse);
  return { request: view, base: sideBase(actor.organizationKind, actor.organizationId) };
}

/** One multipart post with the workbook (at most 5 MB, else 413); all answers or none. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "questionnaire.answer");
  if (!isUuid(params.requestId)) notFound();
  const { file } = await readTemplateUpload(request);
  if (!file) return json({ ok: false as const, issues: [{ messageKey: "requests:offline.errors.noFile" }] }, { status: 422 });
  try {
    const result = await importAnswersXlsx({
      actor,
      requestId: params.requestId,
      bytes: new Uint8Array(await file.arrayBuffer()),
      meta: requestMeta(request, context),
    });
    if (result.status === "invalid") return json({ ok: false as const, issues: result.issues }, { status: 422 });
    return json({ ok: true as const, changed: result.changed, unchanged: result.unchanged });
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function ImportAnswers() {
  const { request, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["requests", "questionnaires", "common"]);
  const lang = i18n.language === "en" ? "en" : "nl";
  const busy = navigation.state === "submitting";
  const issues = actionData && "issues" in actionData ? actionData.issues : [];
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const done = actionData && "changed" in actionData ? actionData : null;
  const requestPath = `${base}/questionnaires/${request.id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={requestPath} className="text-brand-700 underline">
          {t("requests:offline.import.back")}
        </Link>
      </p>
      <PageHeader title={t("requests:offline.import.title")} description={`${localized(request.title, lang)} · ${request.clientName}`} />
      <div className="space-y-4">
        {done ? (
          <Notice>
            {done.changed === 0 ? t("requests:offline.import.nothingChanged") : t("requests:offline.import.done", { changed: done.changed, unchanged: done.unchanged })}
          </Notice>
        ) : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        <TemplateIssues issues={issues} title={t("requests:offline.import.refused")} />
        <Card title={t("requests:offline.download.title")}>
          <p className="mb-2 text-sm">{t("requests:offline.download.help")}</p>
          <p className="flex gap-4 text-sm">
            <a className="text-brand-700 underline" href={`${requestPath}.xlsx?lang=nl`} download>
              {t("requests:offline.download.nl")}
            </a>
            <a className="text-brand-700 underline" href={`${requestPath}.xlsx?lang=en`} download>
              {t("requests:offline.download.en")}
            </a>
          </p>
        </Card>
        {request.isOpen ? (
          <Card title={t("requests:offline.import.upload")}>
            <Form method="post" encType="multipart/form-data" className="space-y-3">
              <TextField
                id="answers-file"
                name="file"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                label={t("requests:offline.import.file")}
                hint={t("requests:offline.import.help")}
                required
              />
              <Button disabled={busy}>{t("requests:offline.import.submit")}</Button>
            </Form>
          </Card>
        ) : (
          <Notice>{t("requests:offline.import.closed")}</Notice>
        )}
      </div>
    </>
  );
}
