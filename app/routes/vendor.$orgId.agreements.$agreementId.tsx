import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { assertCan, isUuid, requireActor } from "~/auth/guards.server";
import { AgreementEvidence } from "~/components/agreements/agreement-evidence";
import { AgreementPage, useAgreementActionState } from "~/components/agreements/agreement-page";
import { vendorIntentSchema } from "~/domain/agreements/forms";
import { commentOnAgreement } from "~/domain/agreements/manage-agreement.server";
import { signAgreement } from "~/domain/agreements/sign-agreement.server";
import { setAgreementEvidence } from "~/domain/agreements/agreement-evidence.server";
import { assertVendorAgreement, getVendorAgreementView } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { todayInDisplayZone } from "~/utils/dates";
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
  const { busy } = useAgreementActionState();
  return (
    <AgreementPage
      agreement={agreement}
      signatures={signatures}
      comments={comments}
      can={can}
      organizationName={organizationName}
      base={base}
      verifyUrl={verifyUrl}
      signIntent="sign"
    >
      <AgreementEvidence base={base} items={evidence} choices={evidenceChoices} canManage={can.manageEvidence} today={today} busy={busy} />
    </AgreementPage>
  );
}
