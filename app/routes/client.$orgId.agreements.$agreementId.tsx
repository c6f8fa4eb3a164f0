import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import type { Action } from "~/auth/policy";
import { AgreementComments, AgreementSignatures, AgreementTerms, AgreementText, SignForm } from "~/components/agreements/agreement-detail";
import { AgreementEvidence } from "~/components/agreements/agreement-evidence";
import { AgreementStatusBadges } from "~/components/agreements/agreement-status";
import { fieldErrorsOf, formErrorOf } from "~/components/agreements/form-errors";
import { Button, buttonClass } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { clientIntentSchema, REASON_MAX } from "~/domain/agreements/forms";
import { commentOnAgreement, terminateAgreement } from "~/domain/agreements/manage-agreement.server";
import { countersignAgreement } from "~/domain/agreements/sign-agreement.server";
import { assertClientAgreement, getClientAgreementView } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { formatCalendarDate, todayInDisplayZone } from "~/utils/dates";
import { publicUrl } from "~/utils/env.server";
import { appUrl, domainErrorResponse, notFound, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

const neededFor: Record<string, Action> = { countersign: "agreement.countersign", terminate: "agreement.terminate" };

/** The client's view of one agreement: text, signatures, comments; countersign, terminate, new version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "agreement.view");
  if (!isUuid(params.agreementId)) notFound();
  const view = await getClientAgreementView(actor, params.agreementId).catch(throwAsResponse);
  return { ...view, organizationName, base: sideBase(actor.organizationKind, actor.organizationId), today: todayInDisplayZone(), verifyUrl: `${publicUrl()}/verify` };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, session, organizationName } = await requireActor(request, params.orgId, "client", "agreement.view");
  if (!isUuid(params.agreementId)) notFound();
  await assertClientAgreement(actor, params.agreementId).catch(throwAsResponse);
  const form = await readForm(request);
  assertCan(actor, neededFor[String(form.get("intent"))] ?? "agreement.comment");
  const submission = parseWithZod(form, { schema: clientIntentSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  const meta = requestMeta(request, context);
  const agreementId = params.agreementId;
  try {
    const value = submission.value;
    switch (value.intent) {
      case "countersign": {
        const outcome = await countersignAgreement({
          actor,
          agreementId,
          fullName: value.fullName,
          jobTitle: value.jobTitle,
          documentHash: value.documentHash,
          locale: session.user.locale === "en" ? "en" : "nl",
          organizationName,
          meta,
          appUrl: appUrl(request),
        });
        return { ok: true as const, notice: outcome.status };
      }
      case "comment":
        await commentOnAgreement({ actor, agreementId, body: value.body, requestsChanges: false, meta, appUrl: appUrl(request) });
        return { ok: true as const, notice: "commented" as const };
      case "terminate":
        await terminateAgreement({ actor, agreementId, reason: value.reason, lockVersion: value.lockVersion, meta });
        return { ok: true as const, notice: "terminated" as const };
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function ClientAgreement() {
  const { agreement, signatures, comments, evidence, can, organizationName, base, today, verifyUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["agreements", "common"]);
  const formError = formErrorOf(actionData);
  const errorsOf = fieldErrorsOf(actionData);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  const busy = navigation.state === "submitting";
  const [searchParams] = useSearchParams();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/agreements`} className="text-brand-700 underline">
          {t("agreements:detail.back")}
        </Link>
      </p>
      <PageHeader
        title={agreement.title}
        description={t("agreements:detail.subtitle", { partner: agreement.partnerName, language: t(`agreements:languages.${agreement.language}`) })}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <AgreementStatusBadges status={agreement.status} health={agreement.health} />
            {can.newVersion ? (
              <Link to={`${base}/agreements/send?supersedes=${agreement.id}&language=${agreement.language}`} className={buttonClass("secondary")}>
                {t("agreements:detail.newVersion")}
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`agreements:detail.notices.${notice}`)}</Notice> : null}
        {!actionData && searchParams.get("sent") ? <Notice>{t("agreements:list.sentNotice")}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        {agreement.health === "lapsed" ? <FormError message={t("agreements:detail.lapsed")} /> : null}
        {agreement.health === "expiring" && agreement.endDate ? <Notice>{t("agreements:detail.expiring", { date: formatCalendarDate(agreement.endDate, i18n.language) })}</Notice> : null}
        {agreement.status === "sent" || agreement.status === "changes_requested" ? <Notice>{t("agreements:detail.awaitingVendor")}</Notice> : null}
        {agreement.hasPdf ? (
          <Card>
            <a href={`${base}/agreements/${agreement.id}/pdf`} className="font-medium text-brand-700 underline" download>
              {t("agreements:detail.pdf")}
            </a>
            <p className="mt-1 text-xs text-slate-600">{t("agreements:detail.verifyHint", { url: verifyUrl })}</p>
          </Card>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <AgreementText blocks={agreement.blocks} documentHash={agreement.documentHash} />
          </div>
          <div className="space-y-4">
            <AgreementTerms terms={agreement} />
            <AgreementSignatures signatures={signatures} />
            {can.sign && !can.alreadySigned && agreement.documentHash ? (
              <SignForm
                intent="countersign"
                title={t("agreements:detail.sign.countersignTitle")}
                submitLabel={t("agreements:detail.sign.countersignSubmit")}
                documentHash={agreement.documentHash}
                consent={t("agreements:sign.consent", { organization: organizationName, hash: agreement.documentHash })}
                errorsOf={errorsOf}
                busy={busy}
              />
            ) : null}
            <AgreementComments comments={comments} canComment={can.comment} canRequestChanges={false} errorsOf={errorsOf} busy={busy} />
            {evidence.length > 0 ? <AgreementEvidence base={base} items={evidence} choices={[]} canManage={false} today={today} busy={busy} /> : null}
            {can.terminate ? (
              <Card title={t("agreements:detail.terminate.title")}>
                <p className="mb-3 text-sm text-slate-600">{t("agreements:detail.terminate.hint")}</p>
                <Form method="post" className="space-y-3">
                  <input type="hidden" name="lockVersion" value={agreement.lockVersion} />
                  <TextAreaField id="reason" name="reason" rows={3} maxLength={REASON_MAX} label={t("agreements:fields.reason")} errors={errorsOf("reason")} required />
                  <Button variant="danger" name="intent" value="terminate" disabled={busy}>
                    {t("agreements:detail.terminate.submit")}
                  </Button>
                </Form>
              </Card>
            ) : null}
          </div>
        </div>
      </div>
    </>
  );
}
