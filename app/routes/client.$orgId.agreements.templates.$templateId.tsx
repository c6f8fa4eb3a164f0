import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { formErrorOf } from "~/components/agreements/form-errors";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { CLAUSE_LIMITS, draftContentSchema, MERGE_FIELDS, type AgreementContent } from "~/domain/agreements/content";
import { templateIntentSchema } from "~/domain/agreements/forms";
import { getAgreementTemplateForClient, publishAgreementTemplate, saveAgreementDraft, startAgreementDraft } from "~/domain/agreements/templates.server";
import { sideBase } from "~/domain/orgs/navigation";
import { formatDate } from "~/utils/dates";
import { domainErrorResponse, notFound, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** After a conflict (someone else saved the draft) reload what is stored now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => (actionStatus === 409 ? true : defaultShouldRevalidate);

/** One agreement template: its versions, and the draft's clauses in Dutch and English for editing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "agreement.view");
  if (!isUuid(params.templateId)) notFound();
  const template = await getAgreementTemplateForClient(actor, params.templateId).catch(throwAsResponse);
  return { template, canEdit: can(actor, "agreement_template.edit") && !template.isLibrary, base: sideBase(actor.organizationKind, actor.organizationId) };
}

function contentFrom(value: { nameNl: string; nameEn: string; clauseKey: string[]; headingNl: string[]; headingEn: string[]; bodyNl: string[]; bodyEn: string[]; remove: string[]; change?: string }): AgreementContent {
  const removed = new Set(value.remove);
  const clauses = value.clauseKey.map((key, i) => ({
    key: key.trim(),
    heading: { nl: value.headingNl[i] ?? "", en: value.headingEn[i] ?? "" },
    body: { nl: value.bodyNl[i] ?? "", en: value.bodyEn[i] ?? "" },
  }));
  const kept = clauses.filter((_, i) => !removed.has(String(i)));
  if (value.change === "new") kept.push({ key: `clause-${clauses.length + 1}`, heading: { nl: "", en: "" }, body: { nl: "", en: "" } });
  return { name: { nl: value.nameNl, en: value.nameEn }, clauses: kept };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "agreement_template.edit");
  if (!isUuid(params.templateId)) notFound();
  const form = await readForm(request);
  const raw = {
    ...Object.fromEntries(form),
    clauseKey: form.getAll("clauseKey"),
    headingNl: form.getAll("headingNl"),
    headingEn: form.getAll("headingEn"),
    bodyNl: form.getAll("bodyNl"),
    bodyEn: form.getAll("bodyEn"),
    remove: form.getAll("remove"),
  };
  const parsed = templateIntentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false as const, formError: { key: "common:validation.invalidChoice", params: {} } };
  const meta = requestMeta(request, context);
  const templateId = params.templateId;
  try {
    const value = parsed.data;
    switch (value.intent) {
      case "save": {
        const content = draftContentSchema.safeParse(contentFrom(value));
        if (!content.success) return { ok: false as const, formError: { key: content.error.issues[0]?.message ?? "common:validation.required", params: {} } };
        await saveAgreementDraft({ actor, templateId, lockVersion: value.lockVersion, content: content.data, meta });
        return { ok: true as const, notice: "saved" as const, version: null };
      }
      case "publish": {
        const { version } = await publishAgreementTemplate({ actor, templateId, lockVersion: value.lockVersion, meta });
        return { ok: true as const, notice: "published" as const, version };
      }
      case "new-draft":
        await startAgreementDraft({ actor, templateId, meta });
        return { ok: true as const, notice: "draftStarted" as const, version: null };
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function AgreementTemplateEditor() {
  const { template, canEdit, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["agreements", "common"]);
  const lang = i18n.language === "en" ? "en" : "nl";
  const formError = formErrorOf(actionData);
  const notice = actionData && "notice" in actionData ? actionData : null;
  const busy = navigation.state === "submitting";
  const isDraft = template.current.status === "draft";
  const editable = canEdit && isDraft;
  const { content } = template;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/agreements/templates`} className="text-brand-700 underline">
          {t("agreements:editor.back")}
        </Link>
      </p>
      <PageHeader
        title={content.name[lang] || t("agreements:templates.title")}
        description={
          template.isLibrary
            ? t("agreements:editor.libraryNote")
            : isDraft
              ? t("agreements:editor.draftNote", { version: template.current.version })
              : t("agreements:editor.publishedNote", { version: template.current.version })
        }
        actions={
          canEdit && !isDraft ? (
            <Form method="post">
              <Button variant="secondary" name="intent" value="new-draft" disabled={busy}>
                {t("agreements:editor.newDraft")}
              </Button>
            </Form>
          ) : null
        }
      />
      <div className="space-y-4">
        {searchParams.get("copied") && !actionData ? <Notice>{t("agreements:templates.copied")}</Notice> : null}
        {notice ? <Notice>{t(`agreements:editor.${notice.notice}`, { version: notice.version })}</Notice> : null}
        <FormError message={formError ? t(formError.key.includes(":") ? formError.key : `common:${formError.key}`, formError.params) : null} />
        {editable && template.issues.length > 0 ? (
          <Card title={t("agreements:editor.issues.title")}>
            <ul className="list-disc pl-5 text-sm text-amber-900">
              {template.issues.map((issue, i) => (
                <li key={i}>{t(`agreements:editor.issues.${issue.code}`, issue)}</li>
              ))}
            </ul>
          </Card>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-4">
          <div className="lg:col-span-3">
            {editable ? (
              <Form method="post" className="space-y-4" key={`${template.current.id}-${template.current.lockVersion}`}>
                <input type="hidden" name="lockVersion" value={template.current.lockVersion} />
                <Card title={t("agreements:editor.name")}>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextField id="nameNl" name="nameNl" label={t("agreements:editor.nameNl")} defaultValue={content.name.nl} maxLength={CLAUSE_LIMITS.nameMax} />
                    <TextField id="nameEn" name="nameEn" label={t("agreements:editor.nameEn")} defaultValue={content.name.en} maxLength={CLAUSE_LIMITS.nameMax} />
                  </div>
                </Card>
                {content.clauses.map((clause, i) => (
                  <Card key={`${clause.key}-${i}`} title={t("agreements:editor.clause", { n: i + 1 })}>
                    <div className="space-y-3">
                      <TextField id={`clauseKey-${i}`} name="clauseKey" label={t("agreements:editor.key")} defaultValue={clause.key} maxLength={60} />
                      <div className="grid gap-4 sm:grid-cols-2">
                        <TextField id={`headingNl-${i}`} name="headingNl" label={t("agreements:editor.headingNl")} defaultValue={clause.heading.nl} maxLength={CLAUSE_LIMITS.headingMax} />
                        <TextField id={`headingEn-${i}`} name="headingEn" label={t("agreements:editor.headingEn")} defaultValue={clause.heading.en} maxLength={CLAUSE_LIMITS.headingMax} />
                        <TextAreaField id={`bodyNl-${i}`} name="bodyNl" rows={8} label={t("agreements:editor.bodyNl")} defaultValue={clause.body.nl} maxLength={CLAUSE_LIMITS.bodyMax} />
                        <TextAreaField id={`bodyEn-${i}`} name="bodyEn" rows={8} label={t("agreements:editor.bodyEn")} defaultValue={clause.body.en} maxLength={CLAUSE_LIMITS.bodyMax} />
                      </div>
                      <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                        <input type="checkbox" name="remove" value={String(i)} />
                        {t("agreements:editor.removeClause")}
                      </label>
                    </div>
                  </Card>
                ))}
                <input type="hidden" name="intent" value="save" />
                <div className="flex flex-wrap gap-2">
                  <Button disabled={busy}>{t("agreements:editor.save")}</Button>
                  <Button variant="secondary" name="change" value="new" disabled={busy}>
                    {t("agreements:editor.addClause")}
                  </Button>
                </div>
              </Form>
            ) : (
              <Card>
                <article className="space-y-2 text-sm">
                  {content.clauses.map((clause, i) => (
                    <section key={clause.key}>
                      <h3 className="pt-2 font-semibold">
                        {i + 1}. {clause.heading[lang]}
                      </h3>
                      <p className="whitespace-pre-line">{clause.body[lang]}</p>
                    </section>
                  ))}
                </article>
              </Card>
            )}
            {editable ? (
              <Form method="post" className="mt-4">
                <input type="hidden" name="lockVersion" value={template.current.lockVersion} />
                <Button name="intent" value="publish" disabled={busy}>
                  {t("agreements:editor.publish")}
                </Button>
              </Form>
            ) : null}
          </div>
          <div className="space-y-4">
            <Card title={t("agreements:editor.mergeFields")}>
              <p className="mb-2 text-xs text-slate-600">{t("agreements:editor.mergeFieldsHelp")}</p>
              <ul className="space-y-1 font-mono text-xs">
                {MERGE_FIELDS.map((f) => (
                  <li key={f}>{`{{${f}}}`}</li>
                ))}
              </ul>
            </Card>
            <Card title={t("agreements:editor.versions")}>
              <ul className="space-y-1 text-sm">
                {template.versions.map((v) => (
                  <li key={v.id} className="flex items-center gap-2">
                    {t("agreements:editor.versionItem", { version: v.version })}
                    {v.status === "draft" ? <Badge tone="amber">{t("agreements:editor.draft")}</Badge> : <span className="text-xs text-slate-600">{t("agreements:editor.publishedOn", { date: formatDate(v.publishedAt, i18n.language) })}</span>}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
