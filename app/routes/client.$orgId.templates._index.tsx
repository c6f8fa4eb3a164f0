import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { TemplateIssues } from "~/components/template-issues";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Badge, Card, EmptyState, FormError, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { sideBase } from "~/domain/orgs/navigation";
import { parseTemplateFile, readTemplateUpload, importMessages } from "~/domain/questionnaires/templates/import-file.server";
import { copyTemplate, createBlankTemplate, findTemplatesForClient, importTemplate, TemplateContentError } from "~/domain/questionnaires/templates/templates.server";
import { formatDate } from "~/utils/dates";
import { domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The client's own questionnaire templates and the standard library. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.view");
  const { own, library } = await findTemplatesForClient(actor);
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    canEdit: can(actor, "template.edit"),
    own,
    library,
  };
}

/**
 * "create" (a blank template), "copy" (a library or own template) and "import" (a JSON or XLSX
 * file, multipart). All need template.edit; each makes a new own template with a draft v1.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.edit");
  const base = `${sideBase(actor.organizationKind, actor.organizationId)}/templates`;
  const meta = requestMeta(request, context);
  const isMultipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  try {
    if (isMultipart) {
      const { file } = await readTemplateUpload(request);
      if (!file) return json({ ok: false as const, intent: "import" as const, issues: [{ messageKey: importMessages.noFile }] }, { status: 422 });
      const parsed = await parseTemplateFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!parsed.ok) return json({ ok: false as const, intent: "import" as const, issues: parsed.issues }, { status: 422 });
      const { templateId } = await importTemplate({ actor, content: parsed.content, format: parsed.format, fileName: file.name, meta });
      return redirect(`${base}/${templateId}?notice=imported`);
    }
    const form = await readForm(request);
    switch (form.get("intent")) {
      case "create": {
        const title = { nl: String(form.get("title_nl") ?? "").trim(), en: String(form.get("title_en") ?? "").trim() };
        const { templateId } = await createBlankTemplate({ actor, title, meta });
        return redirect(`${base}/${templateId}?notice=created`);
      }
      case "copy": {
        const templateId = form.get("templateId");
        if (!isUuid(templateId)) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
        const copy = await copyTemplate({ actor, templateId, meta });
        return redirect(`${base}/${copy.templateId}?notice=copied`);
      }
      default:
        throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
    }
  } catch (error) {
    if (error instanceof TemplateContentError) {
      return json({ ok: false as const, intent: "content" as const, issues: error.issues }, { status: 422 });
    }
    return domainErrorResponse(error);
  }
}

export default function TemplateList() {
  const { base, canEdit, own, library } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["questionnaires", "common"]);
  const lang = i18n.language === "en" ? "en" : "nl";
  const issues = actionData && "issues" in actionData ? actionData.issues : [];
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const busy = navigation.state === "submitting";

  return (
    <>
      <PageHeader title={t("questionnaires:templates.title")} description={t("questionnaires:templates.intro")} />
      <div className="space-y-6">
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        <TemplateIssues issues={issues} title={t("questionnaires:transfer.refused")} />

        <section aria-labelledby="own-templates">
          <h2 id="own-templates" className="mb-2 text-lg font-semibold">{t("questionnaires:templates.own")}</h2>
          {own.length === 0 ? (
            <EmptyState title={t("questionnaires:templates.noneOwn")}>{t("questionnaires:templates.noneOwnHelp")}</EmptyState>
          ) : (
            <DataTable
              caption={t("questionnaires:templates.own")}
              columns={[t("questionnaires:templates.columns.title"), t("questionnaires:templates.columns.published"), t("questionnaires:templates.columns.draft"), ""]}
            >
              {own.map((item) => (
                <tr key={item.id}>
                  <td className="px-3 py-2">
                    <Link to={`${base}/templates/${item.id}`} className="text-brand-700 underline">{item.title[lang] || item.title.nl}</Link>
                    {item.isArchived ? <span className="ml-2"><Badge>{t("questionnaires:templates.archived")}</Badge></span> : null}
                  </td>
                  <td className="px-3 py-2">
                    {item.latestPublished
                      ? t("questionnaires:templates.versionOn", { version: item.latestPublished.version, date: formatDate(item.latestPublished.publishedAt, i18n.language) })
                      : t("questionnaires:templates.notPublished")}
                  </td>
                  <td className="px-3 py-2">{item.draft ? <Badge tone="amber">{t("questionnaires:templates.draftVersion", { version: item.draft.version })}</Badge> : "—"}</td>
                  <td className="px-3 py-2 text-right">
                    <Link to={`${base}/templates/${item.id}/preview`} className="text-brand-700 underline">{t("questionnaires:templates.preview")}</Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="library-templates">
          <h2 id="library-templates" className="mb-1 text-lg font-semibold">{t("questionnaires:templates.library")}</h2>
          <p className="mb-2 text-sm text-slate-600">{t("questionnaires:templates.libraryHelp")}</p>
          <DataTable caption={t("questionnaires:templates.library")} columns={[t("questionnaires:templates.columns.title"), t("questionnaires:templates.columns.published"), ""]}>
            {library.map((item) => (
              <tr key={item.id}>
                <td className="px-3 py-2">
                  <Link to={`${base}/templates/${item.id}`} className="text-brand-700 underline">{item.title[lang] || item.title.nl}</Link>
                </td>
                <td className="px-3 py-2">{item.latestPublished ? t("questionnaires:templates.versionShort", { version: item.latestPublished.version }) : "—"}</td>
                <td className="px-3 py-2">
                  <div className="flex items-center justify-end gap-3">
                    <Link to={`${base}/templates/${item.id}/preview`} className="text-brand-700 underline">{t("questionnaires:templates.preview")}</Link>
                    {canEdit ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="copy" />
                        <input type="hidden" name="templateId" value={item.id} />
                        <Button variant="secondary" disabled={busy}>{t("questionnaires:templates.copy")}</Button>
                      </Form>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>

        {canEdit ? (
          <div className="grid gap-6 md:grid-cols-2">
            <Card title={t("questionnaires:templates.newTitle")}>
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="create" />
                <TextField id="new-title-nl" name="title_nl" label={t("questionnaires:builder.fields.titleNl")} required maxLength={300} />
                <TextField id="new-title-en" name="title_en" label={t("questionnaires:builder.fields.titleEn")} required maxLength={300} />
                <Button disabled={busy}>{t("questionnaires:templates.create")}</Button>
              </Form>
            </Card>
            <Card title={t("questionnaires:transfer.importTitle")}>
              <Form method="post" encType="multipart/form-data" className="space-y-3">
                <TextField
                  id="import-file"
                  name="file"
                  type="file"
                  accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  label={t("questionnaires:transfer.file")}
                  hint={t("questionnaires:transfer.importHelp")}
                  required
                />
                <Button disabled={busy}>{t("questionnaires:transfer.import")}</Button>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
