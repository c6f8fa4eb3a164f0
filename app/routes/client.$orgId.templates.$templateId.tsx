import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import { can, type Action } from "~/auth/policy";
import { BuilderButton, BuilderHidden, ConditionForm, QuestionForm, ScoringForm } from "~/components/template-builder-forms";
import { TemplateIssues } from "~/components/template-issues";
import { describeCondition } from "~/components/template-preview";
import { Button, buttonClass } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { sideBase } from "~/domain/orgs/navigation";
import { questionsOf } from "~/domain/questionnaires/model";
import { editFromForm } from "~/domain/questionnaires/templates/builder-form";
import { questionToCells } from "~/domain/questionnaires/templates/question-row";
import {
  archiveTemplate,
  getTemplateForClient,
  publishTemplate,
  saveDraft,
  startDraft,
  TemplateContentError,
} from "~/domain/questionnaires/templates/templates.server";
import { formatDateTime } from "~/utils/dates";
import { domainErrorResponse, notFound, readForm, requestMeta } from "~/utils/http.server";

const MAX_BUILDER_FORM_BYTES = 2 * 1024 * 1024;

const notices = ["created", "copied", "imported", "saved", "published", "draft", "archived", "restored"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.content.title.nl} · Compliance Portal` : "Compliance Portal" },
];

/** After a conflict (409) reload the draft, so the next edit starts from what is stored now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

/** The builder: the draft (or, without one, the latest published version read-only) and the version history. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.view");
  if (!isUuid(params.templateId)) notFound();
  const detail = await getTemplateForClient(actor, params.templateId).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  const shown = detail.draft ?? detail.latestPublished ?? detail.versions[0];
  const notice = new URL(request.url).searchParams.get("notice");
  const isOwn = !detail.template.isLibrary;
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    template: detail.template,
    content: shown.content,
    shownVersion: { version: shown.version, status: shown.status, lockVersion: shown.lockVersion },
    hasDraft: detail.draft !== null,
    canEdit: isOwn && !detail.template.isArchived && can(actor, "template.edit"),
    canPublish: isOwn && !detail.template.isArchived && can(actor, "template.publish"),
    canArchive: isOwn && can(actor, "template.edit"),
    versions: detail.versions.map((v) => ({
      version: v.version,
      status: v.status,
      publishedAt: v.publishedAt,
      updatedAt: v.updatedAt,
      recipients: detail.recipients[v.id] ?? [],
    })),
    notice: notices.find((n) => n === notice) ?? null,
  };
}

const builderIntents = new Set([
  "meta", "addSection", "updateSection", "removeSection", "moveSection", "addQuestion", "updateQuestion",
  "removeQuestion", "moveQuestion", "moveQuestionToSection", "setCondition", "setScoring",
]);

/**
 * Builder edits (one edit per post, with the draft's lockVersion), the JSON editor ("content"),
 * "startDraft", "publish", "archive" and "restore". The right needed depends on the intent and is
 * checked before anything is parsed; another client's template is 404, a library one read-only.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.view");
  // The JSON editor posts a whole template (url-encoded), more than the default form cap.
  const form = await readForm(request, MAX_BUILDER_FORM_BYTES);
  const intent = String(form.get("intent") ?? "");
  const needed: Action = intent === "publish" ? "template.publish" : "template.edit";
  assertCan(actor, needed);
  if (!isUuid(params.templateId)) notFound();
  const templateId = params.templateId;
  const meta = requestMeta(request, context);
  const here = `${sideBase(actor.organizationKind, actor.organizationId)}/templates/${templateId}`;
  const lockVersion = Number(form.get("lockVersion"));
  try {
    if (builderIntents.has(intent) || intent === "content") {
      if (!Number.isInteger(lockVersion)) throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
      let change: Parameters<typeof saveDraft>[0]["change"];
      if (intent === "content") {
        try {
          change = { content: JSON.parse(String(form.get("content") ?? "")) };
        } catch {
          return json({ ok: false as const, issues: [{ path: "content", messageKey: "questionnaires:transfer.errors.invalidJson" }] }, { status: 422 });
        }
      } else {
        const parsed = editFromForm(form);
        if (!parsed.ok) return json({ ok: false as const, issues: parsed.issues }, { status: 422 });
        change = { edit: parsed.edit };
      }
      await saveDraft({ actor, templateId, lockVersion, change, meta });
      return redirect(`${here}?notice=saved`);
    }
    switch (intent) {
      case "startDraft":
        await startDraft({ actor, templateId, meta });
        return redirect(`${here}?notice=draft`);
      case "publish":
        if (!Number.isInteger(lockVersion)) throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
        await publishTemplate({ actor, templateId, lockVersion, meta });
        return redirect(`${here}?notice=published`);
      case "archive":
      case "restore":
        await archiveTemplate({ actor, templateId, archived: intent === "archive", meta });
        return redirect(`${here}?notice=${intent === "archive" ? "archived" : "restored"}`);
      default:
        throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
    }
  } catch (error) {
    if (error instanceof TemplateContentError) return json({ ok: false as const, issues: error.issues }, { status: 422 });
    return domainErrorResponse(error);
  }
}

export default function TemplateBuilder() {
  const data = useLoaderData<typeof loader>();
  const { base, template, content, shownVersion, hasDraft, canEdit, canPublish, canArchive, versions, notice } = data;
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["questionnaires", "common"]);
  const lang = i18n.language === "en" ? "en" : "nl";
  const issues = actionData && "issues" in actionData ? actionData.issues : [];
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const isEditing = canEdit && hasDraft;
  const lock = shownVersion.lockVersion;
  const allKeys = questionsOf(content).map(({ question }) => question.key);
  const earlierKeys = (key: string) => allKeys.slice(0, allKeys.indexOf(key));
  const tc = (key: string, params?: Record<string, unknown>) => t(key, params ?? {});

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/templates`} className="text-brand-700 underline">{t("questionnaires:builder.back")}</Link>
      </p>
      <PageHeader
        title={content.title[lang]}
        description={
          template.isLibrary
            ? t("questionnaires:builder.libraryReadOnly")
            : t(`questionnaires:builder.showing.${shownVersion.status}`, { version: shownVersion.version })
        }
        actions={
          <>
            <Link to={`${base}/templates/${template.id}/preview?version=${shownVersion.version}`} className={buttonClass("secondary")}>{t("questionnaires:templates.preview")}</Link>
            <a href={`${base}/templates/${template.id}.json?version=${shownVersion.version}`} className={buttonClass("secondary")} download>{t("questionnaires:transfer.exportJson")}</a>
            <a href={`${base}/templates/${template.id}.xlsx?version=${shownVersion.version}`} className={buttonClass("secondary")} download>{t("questionnaires:transfer.exportXlsx")}</a>
          </>
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`questionnaires:builder.notices.${notice}`)}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        <TemplateIssues issues={issues} title={t("questionnaires:builder.refused")} />

        {template.isArchived ? <Notice>{t("questionnaires:builder.isArchived")}</Notice> : null}

        {canEdit && !hasDraft ? (
          <Card>
            <p className="mb-3 text-sm text-slate-600">{t("questionnaires:builder.publishedImmutable")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="startDraft" />
              <Button>{t("questionnaires:builder.startDraft")}</Button>
            </Form>
          </Card>
        ) : null}

        {isEditing && canPublish ? (
          <Card title={t("questionnaires:builder.publishTitle")}>
            <p className="mb-3 text-sm text-slate-600">{t("questionnaires:builder.publishHelp")}</p>
            <Form method="post">
              <BuilderHidden intent="publish" lockVersion={lock} />
              <Button>{t("questionnaires:builder.publish", { version: shownVersion.version })}</Button>
            </Form>
          </Card>
        ) : null}

        {isEditing ? (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("questionnaires:builder.metaTitle")}</summary>
            <Form method="post" className="mt-3 grid gap-3 md:grid-cols-2">
              <BuilderHidden intent="meta" lockVersion={lock} />
              <TextField id="meta-title-nl" name="title_nl" label={t("questionnaires:builder.fields.titleNl")} defaultValue={content.title.nl} required />
              <TextField id="meta-title-en" name="title_en" label={t("questionnaires:builder.fields.titleEn")} defaultValue={content.title.en} required />
              <TextAreaField id="meta-desc-nl" name="description_nl" label={t("questionnaires:builder.fields.descriptionNl")} defaultValue={content.description?.nl ?? ""} rows={2} />
              <TextAreaField id="meta-desc-en" name="description_en" label={t("questionnaires:builder.fields.descriptionEn")} defaultValue={content.description?.en ?? ""} rows={2} />
              <TextField id="meta-cap" name="criticalCap" type="number" min={0} max={100} label={t("questionnaires:builder.fields.criticalCap")} hint={t("questionnaires:builder.hints.criticalCap")} defaultValue={content.criticalCap ?? ""} />
              <div className="md:col-span-2"><Button>{t("common:actions.save")}</Button></div>
            </Form>
          </details>
        ) : null}

        {content.sections.map((section, s) => (
          <Card key={section.key}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h2 className="text-base font-semibold text-slate-900">{section.title[lang]}</h2>
                <p className="font-mono text-xs text-slate-500">{section.key}</p>
                {section.showWhen ? <p className="mt-1 text-xs text-amber-900">{t("questionnaires:builder.gate", { condition: describeCondition(section.showWhen, tc) })}</p> : null}
              </div>
              {isEditing ? (
                <div className="flex gap-1">
                  <BuilderButton intent="moveSection" lockVersion={lock} extra={{ sectionKey: section.key, direction: "up" }} label={t("questionnaires:builder.moveUp")}>↑</BuilderButton>
                  <BuilderButton intent="moveSection" lockVersion={lock} extra={{ sectionKey: section.key, direction: "down" }} label={t("questionnaires:builder.moveDown")}>↓</BuilderButton>
                  <BuilderButton intent="removeSection" lockVersion={lock} extra={{ sectionKey: section.key }} label={t("questionnaires:builder.removeSection")} variant="danger">×</BuilderButton>
                </div>
              ) : null}
            </div>
            {isEditing ? (
              <div className="mt-2 space-y-2">
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("questionnaires:builder.editSection")}</summary>
                  <Form method="post" className="mt-2 grid gap-3 md:grid-cols-2">
                    <BuilderHidden intent="updateSection" lockVersion={lock} extra={{ sectionKey: section.key }} />
                    <TextField id={`s${s}-key`} name="key" label={t("questionnaires:builder.fields.key")} defaultValue={section.key} required />
                    <span />
                    <TextField id={`s${s}-title-nl`} name="title_nl" label={t("questionnaires:builder.fields.titleNl")} defaultValue={section.title.nl} required />
                    <TextField id={`s${s}-title-en`} name="title_en" label={t("questionnaires:builder.fields.titleEn")} defaultValue={section.title.en} required />
                    <TextAreaField id={`s${s}-desc-nl`} name="description_nl" label={t("questionnaires:builder.fields.descriptionNl")} defaultValue={section.description?.nl ?? ""} rows={2} />
                    <TextAreaField id={`s${s}-desc-en`} name="description_en" label={t("questionnaires:builder.fields.descriptionEn")} defaultValue={section.description?.en ?? ""} rows={2} />
                    <div className="md:col-span-2"><Button variant="secondary">{t("common:actions.save")}</Button></div>
                  </Form>
                </details>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("questionnaires:builder.editGate")}</summary>
                  <div className="mt-2">
                    <ConditionForm
                      idPrefix={`s${s}-cond`}
                      lockVersion={lock}
                      extra={{ sectionKey: section.key }}
                      condition={section.showWhen}
                      questionKeys={content.sections.slice(0, s).flatMap((x) => x.questions.map((q) => q.key))}
                    />
                  </div>
                </details>
              </div>
            ) : null}
            <ol className="mt-4 divide-y divide-slate-100">
              {section.questions.map((question, q) => (
                <li key={question.key} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="max-w-3xl">
                      <p className="text-sm text-slate-900">{question.text[lang]}</p>
                      <p className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600">
                        <span className="font-mono">{question.key}</span>
                        <Badge>{t(`questionnaires:types.${question.type}`)}</Badge>
                        <span>{t("questionnaires:builder.weightIs", { weight: question.weight })}</span>
                        {question.required ? <Badge tone="blue">{t("questionnaires:builder.fields.required")}</Badge> : null}
                        {question.critical ? <Badge tone="red">{t("questionnaires:builder.fields.critical")}</Badge> : null}
                        {question.reference ? <span>{question.reference}</span> : null}
                      </p>
                      {question.showWhen ? <p className="mt-1 text-xs text-amber-900">{t("questionnaires:builder.shownWhen", { condition: describeCondition(question.showWhen, tc) })}</p> : null}
                    </div>
                    {isEditing ? (
                      <div className="flex gap-1">
                        <BuilderButton intent="moveQuestion" lockVersion={lock} extra={{ questionKey: question.key, direction: "up" }} label={t("questionnaires:builder.moveUp")}>↑</BuilderButton>
                        <BuilderButton intent="moveQuestion" lockVersion={lock} extra={{ questionKey: question.key, direction: "down" }} label={t("questionnaires:builder.moveDown")}>↓</BuilderButton>
                        <BuilderButton intent="removeQuestion" lockVersion={lock} extra={{ questionKey: question.key }} label={t("questionnaires:builder.removeQuestion")} variant="danger">×</BuilderButton>
                      </div>
                    ) : null}
                  </div>
                  {isEditing ? (
                    <div className="mt-2 space-y-2">
                      <details>
                        <summary className="cursor-pointer text-sm text-brand-700">{t("questionnaires:builder.editQuestion")}</summary>
                        <div className="mt-2">
                          <QuestionForm idPrefix={`q${s}-${q}`} intent="updateQuestion" lockVersion={lock} extra={{ questionKey: question.key }} cells={questionToCells(question)} />
                        </div>
                      </details>
                      <details>
                        <summary className="cursor-pointer text-sm text-brand-700">{t("questionnaires:builder.editCondition")}</summary>
                        <div className="mt-2">
                          <ConditionForm idPrefix={`q${s}-${q}-cond`} lockVersion={lock} extra={{ questionKey: question.key }} condition={question.showWhen} questionKeys={earlierKeys(question.key)} />
                        </div>
                      </details>
                      <details>
                        <summary className="cursor-pointer text-sm text-brand-700">{t("questionnaires:builder.editScoring")}</summary>
                        <div className="mt-2">
                          <ScoringForm idPrefix={`q${s}-${q}-score`} lockVersion={lock} question={question} />
                        </div>
                      </details>
                      {content.sections.length > 1 ? (
                        <Form method="post" className="flex items-end gap-2">
                          <BuilderHidden intent="moveQuestionToSection" lockVersion={lock} extra={{ questionKey: question.key }} />
                          <label className="text-sm">
                            <span className="sr-only">{t("questionnaires:builder.moveToSection")}</span>
                            <select name="sectionKey" className="rounded-md border border-slate-300 px-2 py-1 text-sm" defaultValue={section.key}>
                              {content.sections.map((other) => (
                                <option key={other.key} value={other.key}>{other.title[lang]}</option>
                              ))}
                            </select>
                          </label>
                          <Button variant="secondary" className="px-2 py-1">{t("questionnaires:builder.moveToSection")}</Button>
                        </Form>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
            {isEditing ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("questionnaires:builder.addQuestion")}</summary>
                <div className="mt-2">
                  <QuestionForm idPrefix={`new-q-${s}`} intent="addQuestion" lockVersion={lock} extra={{ sectionKey: section.key }} />
                </div>
              </details>
            ) : null}
          </Card>
        ))}

        {isEditing ? (
          <Card title={t("questionnaires:builder.addSection")}>
            <Form method="post" className="grid gap-3 md:grid-cols-3">
              <BuilderHidden intent="addSection" lockVersion={lock} />
              <TextField id="new-section-key" name="key" label={t("questionnaires:builder.fields.key")} hint={t("questionnaires:builder.hints.key")} required />
              <TextField id="new-section-title-nl" name="title_nl" label={t("questionnaires:builder.fields.titleNl")} required />
              <TextField id="new-section-title-en" name="title_en" label={t("questionnaires:builder.fields.titleEn")} required />
              <div className="md:col-span-3"><Button variant="secondary">{t("questionnaires:builder.addSection")}</Button></div>
            </Form>
          </Card>
        ) : null}

        {isEditing ? (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("questionnaires:builder.jsonTitle")}</summary>
            <p className="mt-2 text-sm text-slate-600">{t("questionnaires:builder.jsonHelp")}</p>
            <Form method="post" className="mt-2 space-y-2">
              <BuilderHidden intent="content" lockVersion={lock} />
              <TextAreaField id="content-json" name="content" label={t("questionnaires:builder.jsonTitle")} defaultValue={JSON.stringify(content, null, 2)} rows={16} className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2" />
              <Button variant="secondary">{t("common:actions.save")}</Button>
            </Form>
          </details>
        ) : null}

        <Card title={t("questionnaires:builder.historyTitle")}>
          <DataTable
            framed={false}
            caption={t("questionnaires:builder.historyTitle")}
            columns={[t("questionnaires:builder.history.version"), t("questionnaires:builder.history.status"), t("questionnaires:builder.history.date"), t("questionnaires:builder.history.recipients")]}
          >
            {versions.map((v) => (
              <tr key={v.version}>
                <td className="px-3 py-2">{v.version}</td>
                <td className="px-3 py-2">
                  <Badge tone={v.status === "published" ? "green" : "amber"}>{t(`questionnaires:builder.status.${v.status}`)}</Badge>
                </td>
                <td className="px-3 py-2">{formatDateTime(v.publishedAt ?? v.updatedAt, i18n.language)}</td>
                <td className="px-3 py-2">
                  {v.recipients.length === 0
                    ? t("questionnaires:builder.history.none")
                    : v.recipients.map((r) => t("questionnaires:builder.history.recipient", { name: r.partnerName, count: r.requests })).join(", ")}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>

        {canArchive ? (
          <Form method="post">
            <input type="hidden" name="intent" value={template.isArchived ? "restore" : "archive"} />
            <Button variant="secondary">{t(template.isArchived ? "questionnaires:builder.restore" : "questionnaires:builder.archive")}</Button>
          </Form>
        ) : null}
      </div>
    </>
  );
}
