import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import type { Action } from "~/auth/policy";
import { QuestionComments } from "~/components/questionnaire-comments";
import { QuestionForm } from "~/components/questionnaire-question-form";
import { SectionAssignee } from "~/components/questionnaire-section-assignee";
import { localized, QuestionnaireProgress, QuestionnaireStatusBadge } from "~/components/questionnaire-status";
import { Button } from "~/components/ui/button";
import { Badge, Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { resolveVisibility } from "~/domain/questionnaires/conditions";
import { questionsOf } from "~/domain/questionnaires/model";
import { confirmPrefill, saveAnswer, submitRequest } from "~/domain/questionnaires/requests/answer-questionnaire.server";
import { addComment, canComment, findCommentsByQuestion } from "~/domain/questionnaires/requests/comments.server";
import { assignSection, getDelegationView } from "~/domain/questionnaires/requests/delegation.server";
import { assignIntentSchema, commentIntentSchema, parseAnswerValue, vendorIntentSchema } from "~/domain/questionnaires/requests/request-forms";
import { openVendorRequest } from "~/domain/questionnaires/requests/request-views.server";
import { progressOf } from "~/domain/questionnaires/requests/request-rules";
import { formatCalendarDate, todayInDisplayZone } from "~/utils/dates";
import { EvidenceScreenContext } from "~/components/evidence/evidence-answer";
import { domainErrorResponse, notFound, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/**
 * Autosaves keep their own state (value, version) per question; reloading the whole page after
 * each keystroke's save would only churn. Everything else (confirm, submit, a conflict) reloads.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionStatus, defaultShouldRevalidate }) =>
  formData?.get("intent") === "save" && actionStatus === 200 ? false : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "questionnaire.view");
  if (!isUuid(params.requestId)) notFound();
  const view = await openVendorRequest(actor, params.requestId).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  const [comments, delegation] = await Promise.all([findCommentsByQuestion(actor, params.requestId), getDelegationView(actor, params.requestId)]);
  const notice = new URL(request.url).searchParams.get("notice") === "submitted" ? "submitted" : null;
  return {
    ...view,
    comments,
    canComment: canComment(actor),
    delegation,
    base: sideBase(actor.organizationKind, actor.organizationId),
    notice,
    today: todayInDisplayZone(),
  };
}

const intentSchema = z.discriminatedUnion("intent", [...vendorIntentSchema.options, commentIntentSchema, assignIntentSchema]);
const permissionOf: Record<string, Action> = { submit: "questionnaire.submit", assign: "questionnaire.delegate" };

/**
 * Intents: "save" (autosave of one answer), "confirm" (take over a prefill), "submit",
 * "comment" (on one question), "assign" (a section to a colleague).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "questionnaire.view");
  if (!isUuid(params.requestId)) notFound();
  const form = await readForm(request);
  assertCan(actor, permissionOf[String(form.get("intent"))] ?? "questionnaire.answer");
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return json({ ok: false as const, result: submission.reply() }, { status: 400 });
  const requestId = params.requestId;
  try {
    const value = submission.value;
    switch (value.intent) {
      case "save":
      case "confirm": {
        let result;
        if (value.intent === "save") {
          const parsed = parseAnswerValue(value.value);
          if (!parsed.ok) {
            return json({ ok: false as const, formError: { key: "questionnaires:validation.answer.wrongType", params: {} } }, { status: 422 });
          }
          result = await saveAnswer({ actor, requestId, questionKey: value.questionKey, version: value.version, value: parsed.value, meta: requestMeta(request, context) });
        } else {
          result = await confirmPrefill({ actor, requestId, questionKey: value.questionKey, version: value.version, meta: requestMeta(request, context) });
        }
        if (result.status === "conflict") return json({ ok: false as const, conflict: result.current }, { status: 409 });
        return json({ ok: true as const, questionKey: value.questionKey, version: result.version });
      }
      case "submit": {
        const result = await submitRequest({ actor, requestId, meta: requestMeta(request, context) });
        if (result.status === "invalid") {
          const missing = Object.entries(result.errors).map(([questionKey, issues]) => ({
            questionKey,
            messageKey: issues[0].messageKey,
            params: issues[0].params ?? {},
          }));
          return json({ ok: false as const, missing }, { status: 422 });
        }
        return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/questionnaires/${requestId}?notice=submitted`);
      }
      case "comment":
        await addComment({ actor, requestId, questionKey: value.questionKey, body: value.body ?? "", meta: requestMeta(request, context) });
        return json({ ok: true as const });
      case "assign":
        await assignSection({ actor, requestId, sectionKey: value.sectionKey, assigneeUserId: value.assigneeUserId ?? null, meta: requestMeta(request, context) });
        return json({ ok: true as const });
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function VendorRequest() {
  const data = useLoaderData<typeof loader>();
  const { request, content, base, notice, canAnswer, canSubmit, canAnswerNew, comments, delegation } = data;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["requests", "questionnaires", "common"]);
  const lang = i18n.language;

  // Confirmed answers as typed so far, so follow-up questions appear and progress moves at once.
  const [answers, setAnswers] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(Object.entries(data.answers).filter(([, a]) => !a.isPrefill).map(([key, a]) => [key, a.value])),
  );
  const onValueChange = useCallback((key: string, value: unknown) => setAnswers((prev) => ({ ...prev, [key]: value })), []);
  const context = useMemo(() => ({ partnership: data.context }), [data.context]);
  const visibility = useMemo(() => resolveVisibility(content, answers, context), [content, answers, context]);
  const progress = useMemo(() => progressOf(content, answers, context), [content, answers, context]);
  const questionText = (key: string) => {
    const entry = questionsOf(content).find(({ question }) => question.key === key);
    return entry ? localized(entry.question.text, lang) : key;
  };
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const missing = actionData && "missing" in actionData ? actionData.missing : null;
  const isOpen = request.status === "sent" || request.status === "in_progress" || request.status === "returned";
  const evidenceScreen = useMemo(() => ({ side: "vendor" as const, base, today: data.today, ...data.evidence }), [base, data.today, data.evidence]);

  return (
    <EvidenceScreenContext.Provider value={evidenceScreen}>
      <p className="mb-2 text-sm">
        <Link to={`${base}/questionnaires`} className="text-brand-700 underline">
          {t("requests:vendor.request.back")}
        </Link>
      </p>
      <PageHeader
        title={localized(content.title, lang)}
        description={t("requests:vendor.request.subtitle", { client: request.clientName, dueDate: formatCalendarDate(request.dueDate, lang) })}
        actions={
          <div className="flex items-center gap-4">
            <QuestionnaireProgress {...progress} />
            <QuestionnaireStatusBadge status={request.status} />
            <Link to={`${base}/questionnaires/${request.id}/import`} className="text-sm text-brand-700 underline">
              {t("requests:offline.download.link")}
            </Link>
          </div>
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t("requests:vendor.request.submittedNotice")}</Notice> : null}
        {request.message ? (
          <Card title={t("requests:fields.message")}>
            <p className="whitespace-pre-wrap text-sm">{request.message}</p>
          </Card>
        ) : null}
        {request.status === "returned" ? <Notice>{t("requests:vendor.request.returnedNotice")}</Notice> : null}
        {!isOpen ? <Notice>{t("requests:vendor.request.readOnly")}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        {content.sections
          .filter((section) => visibility.sections.has(section.key))
          .map((section) => (
            <Card key={section.key} title={localized(section.title, lang)}>
              {section.description ? <p className="mb-3 text-sm text-slate-600">{localized(section.description, lang)}</p> : null}
              <SectionAssignee
                sectionKey={section.key}
                assignee={delegation.assignments[section.key]}
                members={delegation.assignableMembers}
                canDelegate={delegation.canDelegate && isOpen}
              />
              <ol className="divide-y divide-slate-100">
                {section.questions
                  .filter((q) => visibility.questions.has(q.key))
                  .map((question) => {
                    const stored = data.answers[question.key];
                    // A contributor answers only the sections delegated to them.
                    const isDelegated = delegation.answerableSections === null || delegation.answerableSections.includes(section.key);
                    const canEdit = canAnswer && isDelegated && (stored ? stored.isEditable : canAnswerNew);
                    return (
                      <li key={question.key} className="space-y-2 py-4">
                        <p className="font-medium" id={`label-${question.key}`}>
                          {localized(question.text, lang)}
                          {question.required ? <span className="ml-1 text-red-700" aria-label={t("requests:answer.required")}>*</span> : null}
                        </p>
                        {question.help ? <p className="text-xs text-slate-600">{localized(question.help, lang)}</p> : null}
                        {stored && stored.reviewState !== "pending" && stored.reviewState !== "accepted" ? (
                          <p className="text-sm">
                            <Badge tone="amber">{t(`questionnaires:reviewStates.${stored.reviewState}`)}</Badge>
                            {stored.reviewComment ? <span className="ml-2">{stored.reviewComment}</span> : null}
                          </p>
                        ) : null}
                        <QuestionForm requestId={request.id} question={question} stored={stored} canEdit={canEdit} onValueChange={onValueChange} />
                        <QuestionComments questionKey={question.key} comments={comments[question.key] ?? []} canComment={data.canComment} />
                      </li>
                    );
                  })}
              </ol>
            </Card>
          ))}
        {isOpen && canSubmit ? (
          <Card title={t("requests:vendor.request.submitTitle")}>
            {missing && missing.length > 0 ? (
              <div role="alert" className="mb-3 text-sm text-red-700">
                <p className="font-medium">{t("requests:vendor.request.missing", { count: missing.length })}</p>
                <ul className="list-disc pl-5">
                  {missing.map((m) => (
                    <li key={m.questionKey}>
                      {questionText(m.questionKey)}: {t(m.messageKey, m.params)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p className="mb-3 text-sm text-slate-600">{t("requests:vendor.request.submitHelp")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <Button disabled={navigation.state === "submitting"}>{t("requests:vendor.request.submit")}</Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </EvidenceScreenContext.Provider>
  );
}
