import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, requireActor } from "~/auth/guards.server";
import { StatusBadge } from "~/components/partnership-badges";
import { PartnershipFacts } from "~/components/partnership-facts";
import { Card, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { getVendorPartnershipView } from "~/domain/orgs/partnership-detail.server";
import { getAnswerReuse, setAnswerReuse } from "~/domain/questionnaires/requests/request-views.server";
import { domainErrorResponse, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";
import { AnswerReuseToggle } from "~/components/questionnaire-reuse-toggle";
import { AgreementsLink } from "~/components/agreements/partnership-link";
import { todayInDisplayZone } from "~/utils/dates";
import { PartnershipEvidence } from "~/components/evidence/partnership-evidence";
import { partnershipEvidence } from "~/domain/evidence/partnership-evidence.server";
import { SubprocessorsLink } from "~/components/subprocessors/partnership-link";
import { TrainingLink } from "~/components/training/partnership-link";
import { countPendingSubprocessors } from "~/domain/subprocessors/register.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.partnership.clientName} · Compliance Portal` : "Compliance Portal" },
];

/** The vendor's read-only view of one client relationship; another vendor's: 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "partnership.view");
  const partnership = await getVendorPartnershipView(actor, params.partnershipId).catch(throwAsResponse);
  assertCan(actor, "partnership.view", { type: "partnership", clientOrgId: partnership.clientOrgId, vendorOrgId: partnership.vendorOrgId });
  const { clientOrgId: _client, vendorOrgId: _vendor, ...view } = partnership;
  const answerReuse = await getAnswerReuse(actor, partnership.id);
  const subprocessorsPending = await countPendingSubprocessors(actor, partnership.id);
  const evidence = await partnershipEvidence(partnership.id, "vendor");
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    partnership: view,
    answerReuse,
    subprocessorsPending,
    evidence,
    today: todayInDisplayZone(),
  };
}

/** Intent "reuse": the vendor's admin switches answer reuse ("answer once") for this client. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "answer_reuse.manage");
  const form = await readForm(request);
  if (form.get("intent") !== "reuse" || typeof params.partnershipId !== "string") {
    throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  }
  try {
    await setAnswerReuse({ actor, partnershipId: params.partnershipId, enabled: form.get("enabled") === "true", meta: requestMeta(request, context) });
    return { ok: true as const };
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function VendorClientPartnership() {
  const { base, partnership, answerReuse, subprocessorsPending, evidence, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orgs");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}#clients`} className="text-brand-700 underline">
          {t("vendorView.back")}
        </Link>
      </p>
      <PageHeader title={partnership.clientName} description={t("vendorView.intro")} actions={<StatusBadge status={partnership.status} />} />
      <Card title={t("vendorView.registerTitle")}>
        <PartnershipFacts facts={partnership} />
        <p className="mt-3 text-xs text-slate-500">{t("vendorView.tierHelp")}</p>
      </Card>
      <AnswerReuseToggle {...answerReuse} />
      <div className="mt-4">
        <PartnershipEvidence items={evidence} base={base} today={today} side="vendor" />
      </div>
      <div className="mt-4 space-y-4">
        <SubprocessorsLink to={`${base}/clients/${partnership.id}/subprocessors`} pending={subprocessorsPending} />
        <AgreementsLink to={`${base}/agreements`} />
      </div>
      <div className="mt-4">
        <TrainingLink to={`${base}/training`} />
      </div>
    </>
  );
}
