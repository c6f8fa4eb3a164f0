import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import type { Action } from "~/auth/policy";
import { AgreementEvidence } from "~/components/agreements/agreement-evidence";
import { AgreementPage, useAgreementActionState } from "~/components/agreements/agreement-page";
import { Button, buttonClass } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card, Notice } from "~/components/ui/layout";
import { clientIntentSchema, REASON_MAX } from "~/domain/agreements/forms";
import { commentOnAgreement, terminateAgreement } from "~/domain/agreements/manage-agreement.server";
import { countersignAgreement } from "~/domain/agreements/sign-agreement.server";
import { assertClientAgreement, getClientAgreementView } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { todayInDisplayZone } from "~/utils/dates";
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
  const { t } = useTranslation(["agreements", "common"]);
  const { hasActionData, errorsOf, busy } = useAgreementActionState();
  const [searchParams] = useSearchParams();
  return (
    <AgreementPage
      agreement={agreement}
      signatures={signatures}
      comments={comments}
      can={can}
      organizationName={organizationName}
      base={base}
      verifyUrl={verifyUrl}
      signIntent="countersign"
      headerActions={
        can.newVersion ? (
          <Link to={`${base}/agreements/send?supersedes=${agreement.id}&language=${agreement.language}`} className={buttonClass("secondary")}>
            {t("agreements:detail.newVersion")}
          </Link>
        ) : null
      }
      extraNotices={!hasActionData && searchParams.get("sent") ? <Notice>{t("agreements:list.sentNotice")}</Notice> : null}
    >
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
    </AgreementPage>
  );
}
