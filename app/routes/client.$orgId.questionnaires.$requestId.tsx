import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import type { Action } from "~/auth/policy";
import { AnswerValue, ScoringRule } from "~/components/questionnaire-answer-value";
import { QuestionComments } from "~/components/questionnaire-comments";
import { localized, QuestionnaireStatusBadge } from "~/components/questionnaire-status";
import { Button } from "~/components/ui/button";
import { Badge, Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { addComment, canComment, findCommentsByQuestion } from "~/domain/questionnaires/requests/comments.server";
import { clientIntentSchema, commentIntentSchema } from "~/domain/questionnaires/requests/request-forms";
import { getClientRequestView } from "~/domain/questionnaires/requests/request-views.server";
import { acceptRequest, returnRequest, reviewAnswer } from "~/domain/questionnaires/requests/review-questionnaire.server";
import { formatCalendarDate, formatDateTime, formatNumber, todayInDisplayZone } from "~/utils/dates";
import { EvidenceScreenContext } from "~/components/evidence/evidence-answer";
import { useMemo } from "react";
import { domainErrorResponse, notFound, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** After a conflict (another reviewer moved the request on) reload what is stored now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "questionnaire.view");
  if (!isUuid(params.requestId)) notFound();
  const view = await getClientRequestView(actor, params.requestId).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  const comments = await findCommentsByQuestion(actor, params.requestId);
  return { ...view, comments, canComment: canComment(actor), base: sideBase(actor.organizationKind, actor.organizationId), today: todayInDisplayZone() };
}

const intentSchema = z.discriminatedUnion("intent", [...clientIntentSchema.options, commentIntentSchema]);

/** Per-answer review, return to the vendor, accept the whole request; a comment on a question. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, session } = await requireActor(request, params.orgId, "client", "questionnaire.view");
  if (!isUuid(params.requestId)) notFound();
  const form = await readForm(request);
  const needed: Action = form.get("intent") === "accept" ? "questionnaire.accept" : "questionnaire.review";
  assertCan(actor, needed);
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  const meta = requestMeta(request, context);
  const requestId = params.requestId;
  try {
    const value = submission.value;
    switch (value.intent) {
      case "review":
        await reviewAnswer({
          actor,
          requestId,
          questionKey: value.questionKey,
          verdict: value.verdict,
          comment: value.comment ?? null,
          raiseFinding: value.raiseFinding === "on",
          locale: session.user.locale === "en" ? "en" : "nl",
          meta,
        });
        return { ok: true as const, notice: "reviewed" as const };
      case "return":
        await returnRequest({ actor, requestId, version: value.version, meta });
        return { ok: true as const, notice: "returned" as const };
      case "accept":
        await acceptRequest({ actor, requestId, version: value.version, meta });
        return { ok: true as const, notice: "accepted" as const };
      case "comment":
        await addComment({ actor, requestId, questionKey: value.questionKey, body: value.body ?? "", meta });
        return { ok: true as const, notice: null };
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function ClientRequestReview() {
  const { request, content, visibleQuestions, visibleSections, answers, score, history, canReview, canAccept, base, comments, canComment, evidence, today } =
    useLoaderData<typeof loader>();
  const evidenceScreen = useMemo(() => ({ side: "client" as const, base, today, files: evidence.files }), [base, today, evidence.files]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["requests", "questionnaires", "common"]);
  const lang = i18n.language;
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  const visible = new Set(visibleQuestions);
  const isBusy = navigation.state === "submitting";

  return (
    <EvidenceScreenContext.Provider value={evidenceScreen}>
      <p className="mb-2 text-sm">
        <Link to={`${base}/questionnaires`} className="text-brand-700 underline">
          {t("requests:client.review.back")}
        </Link>
      </p>
      <PageHeader
        title={localized(content.title, lang)}
        description={t("requests:client.review.subtitle", {
          partner: request.partnerName,
          version: request.templateVersion,
          dueDate: formatCalendarDate(request.dueDate, lang),
        })}
        actions={
          <div className="flex items-center gap-4">
            {request.status === "submitted" || request.status === "returned" || request.status === "accepted" ? (
              <a href={`${base}/questionnaires/${request.id}.xlsx?lang=${lang}`} download className="text-sm text-brand-700 underline">
                {t("requests:offline.download.clientLink")}
              </a>
            ) : null}
            <QuestionnaireStatusBadge status={request.status} />
          </div>
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`requests:client.review.notices.${notice}`)}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        <Card title={t("requests:client.review.scoreTitle")}>
          <p className="text-2xl font-semibold">{score.score === null ? "—" : `${formatNumber(score.score, lang)}%`}</p>
          <p className="text-sm text-slate-600">
            {request.status === "accepted"
              ? t("requests:client.review.scoreFixed", { date: formatDateTime(request.acceptedAt, lang) })
              : t("requests:client.review.scorePreview")}
          </p>
          {score.capped ? <p className="mt-1 text-sm text-red-700">{t("requests:client.review.capped", { cap: score.criticalCap })}</p> : null}
          {canReview || canAccept ? (
            <div className="mt-4 flex flex-wrap gap-3">
              {canReview ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="return" />
                  <input type="hidden" name="version" value={request.version} />
                  <Button variant="secondary" disabled={isBusy}>{t("requests:client.review.return")}</Button>
                </Form>
              ) : null}
              {canAccept ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="version" value={request.version} />
                  <Button disabled={isBusy}>{t("requests:client.review.accept")}</Button>
                </Form>
              ) : null}
            </div>
          ) : null}
        </Card>
        {request.status === "sent" || request.status === "in_progress" ? (
          <Notice>{t("requests:client.review.notYetSubmitted")}</Notice>
        ) : null}
        {content.sections
          .filter((section) => visibleSections.includes(section.key))
          .map((section) => (
            <Card key={section.key} title={localized(section.title, lang)}>
              <ol className="divide-y divide-slate-100">
                {section.questions
                  .filter((q) => visible.has(q.key))
                  .map((question) => {
                    const answer = answers[question.key];
                    const points = score.questions[question.key];
                    const changes = history.filter((h) => h.questionKey === question.key);
                    return (
                      <li key={question.key} className="grid gap-3 py-4 lg:grid-cols-[1fr_1fr]">
                        <div>
                          <p className="font-medium">
                            {localized(question.text, lang)}
                            {question.critical ? (
                              <span className="ml-2">
                                <Badge tone="red">{t("requests:rules.critical")}</Badge>
                              </span>
                            ) : null}
                          </p>
                          {question.reference ? <p className="text-xs text-slate-500">{question.reference}</p> : null}
                          <p className="mt-1 text-xs text-slate-600">
                            <ScoringRule question={question} />
                          </p>
                        </div>
                        <div className="space-y-2 text-sm">
                          <AnswerValue question={question} value={answer?.value} />
                          {points ? (
                            <p className="text-xs text-slate-600">
                              {t("requests:client.review.points", { earned: formatNumber(points.earned, lang), possible: formatNumber(points.possible, lang) })} ·{" "}
                              {t(`questionnaires:reasons.${points.reason}`)}
                            </p>
                          ) : null}
                          {answer ? (
                            <p className="text-xs">
                              <Badge tone={answer.reviewState === "accepted" ? "green" : answer.reviewState === "pending" ? "slate" : "amber"}>
                                {t(`questionnaires:reviewStates.${answer.reviewState}`)}
                              </Badge>
                              {answer.reviewComment ? <span className="ml-2 text-slate-700">{answer.reviewComment}</span> : null}
                            </p>
                          ) : null}
                          {canReview && answer ? (
                            <Form method="post" className="space-y-2 rounded border border-slate-200 p-2">
                              <input type="hidden" name="intent" value="review" />
                              <input type="hidden" name="questionKey" value={question.key} />
                              <label className="block text-xs font-medium" htmlFor={`comment-${question.key}`}>
                                {t("requests:client.review.comment")}
                              </label>
                              <textarea id={`comment-${question.key}`} name="comment" rows={2} maxLength={2000} className="w-full rounded border border-slate-300 p-1 text-sm" />
                              {question.critical ? (
                                <label className="flex items-center gap-2 text-xs">
                                  <input type="checkbox" name="raiseFinding" />
                                  {t("requests:client.review.raiseFinding")}
                                </label>
                              ) : null}
                              <div className="flex flex-wrap gap-2">
                                <Button name="verdict" value="accepted" variant="secondary" disabled={isBusy}>
                                  {t("requests:client.review.verdicts.accepted")}
                                </Button>
                                <Button name="verdict" value="clarification_requested" variant="secondary" disabled={isBusy}>
                                  {t("requests:client.review.verdicts.clarification_requested")}
                                </Button>
                                <Button name="verdict" value="rejected" variant="danger" disabled={isBusy}>
                                  {t("requests:client.review.verdicts.rejected")}
                                </Button>
                              </div>
                            </Form>
                          ) : null}
                          <QuestionComments questionKey={question.key} comments={comments[question.key] ?? []} canComment={canComment} />
                          {changes.length > 0 ? (
                            <details className="text-xs">
                              <summary className="cursor-pointer text-brand-700">{t("requests:history.title", { count: changes.length })}</summary>
                              <ol className="mt-1 space-y-1">
                                {changes.map((h) => (
                                  <li key={h.id}>
                                    {formatDateTime(h.createdAt, lang)} · {t(`requests:history.kinds.${h.kind}`)} · {h.changedBy ?? t("requests:history.system")}
                                    {h.kind === "reviewed" && h.reviewState ? ` · ${t(`questionnaires:reviewStates.${h.reviewState}`)}` : ""}
                                    {h.comment ? ` · ${h.comment}` : ""}
                                    {h.kind === "saved" || h.kind === "confirmed" ? (
                                      <span className="block pl-2 text-slate-600">
                                        <AnswerValue question={question} value={h.value} />
                                      </span>
                                    ) : null}
                                  </li>
                                ))}
                              </ol>
                            </details>
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
              </ol>
            </Card>
          ))}
      </div>
    </EvidenceScreenContext.Provider>
  );
}
