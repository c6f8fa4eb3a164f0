import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import { AgreementComments, AgreementSignatures, AgreementTerms, AgreementText, SignForm } from "~/components/agreements/agreement-detail";
import { AgreementEvidence } from "~/components/agreements/agreement-evidence";
import { AgreementStatusBadges } from "~/components/agreements/agreement-status";
import { fieldErrorsOf, formErrorOf } from "~/components/agreements/form-errors";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { vendorIntentSchema } from "~/domain/agreements/forms";
import { commentOnAgreement } from "~/domain/agreements/manage-agreement.server";
import { signAgreement } from "~/domain/agreements/sign-agreement.server";
import { setAgreementEvidence } from "~/domain/agreements/agreement-evidence.server";
import { assertVendorAgreement, getVendorAgreementView } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { formatCalendarDate, todayInDisplayZone } from "~/utils/dates";
import { publicUrl } from "~/utils/env.server";
import { appUrl, domainErrorResponse, notFound, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The vendor reads the frozen text, comments or asks for changes, and (admins) signs it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "vendor", "agreement.view");
  if (!isUuid(params.agreementId)) notFound();
  const view = await getVendorAgreementView(actor, params.agreementId).catch(throwAsResponse);
  return { ...view, organizationName, base: sideBase(actor.organizationKind, actor.organizationId), today: todayInDisplayZone(), verifyUrl: `${publicUrl()}/verify` };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, session, organizationName } = await requireActor(request, params.orgId, "vendor", "agreement.view");
  if (!isUuid(params.agreementId)) notFound();
  await assertVendorAgreement(actor, params.agreementId).catch(throwAsResponse);
  const form = await readForm(request);
  const intent = form.get("intent");
  assertCan(actor, intent === "sign" ? "agreement.sign" : intent === "attach" || intent === "detach" ? "evidence.manage" : "agreement.comment");
  const submission = parseWithZod(form, { schema: vendorIntentSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  const meta = requestMeta(request, context);
  try {
    const value = submission.value;
    if (value.intent === "sign") {
      const outcome = await signAgreement({
        actor,
        agreementId: params.agreementId,
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
    if (value.intent === "attach" || value.intent === "detach") {
      await setAgreementEvidence({ actor, agreementId: params.agreementId, evidenceId: value.evidenceId, attach: value.intent === "attach", meta });
      return { ok: true as const, notice: value.intent === "attach" ? ("attached" as const) : ("detached" as const) };
    }
    await commentOnAgreement({ actor, agreementId: params.agreementId, body: value.body, requestsChanges: value.requestsChanges === "on", meta, appUrl: appUrl(request) });
    return { ok: true as const, notice: "commented" as const };
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function VendorAgreement() {
  const { agreement, signatures, comments, evidence, evidenceChoices, can, organizationName, base, today, verifyUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["agreements", "common"]);
  const formError = formErrorOf(actionData);
  const errorsOf = fieldErrorsOf(actionData);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  const busy = navigation.state === "submitting";
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
        actions={<AgreementStatusBadges status={agreement.status} health={agreement.health} />}
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`agreements:detail.notices.${notice}`)}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        {agreement.health === "lapsed" ? <FormError message={t("agreements:detail.lapsed")} /> : null}
        {agreement.health === "expiring" && agreement.endDate ? <Notice>{t("agreements:detail.expiring", { date: formatCalendarDate(agreement.endDate, i18n.language) })}</Notice> : null}
        {agreement.status === "signed_by_vendor" ? <Notice>{t("agreements:detail.awaitingClient")}</Notice> : null}
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
                intent="sign"
                title={t("agreements:detail.sign.title")}
                submitLabel={t("agreements:detail.sign.submit")}
                documentHash={agreement.documentHash}
                consent={t("agreements:sign.consent", { organization: organizationName, hash: agreement.documentHash })}
                errorsOf={errorsOf}
                busy={busy}
              />
            ) : null}
            <AgreementComments comments={comments} canComment={can.comment} canRequestChanges={can.requestChanges} errorsOf={errorsOf} busy={busy} />
            <AgreementEvidence base={base} items={evidence} choices={evidenceChoices} canManage={can.manageEvidence} today={today} busy={busy} />
          </div>
        </div>
      </div>
    </>
  );
}
