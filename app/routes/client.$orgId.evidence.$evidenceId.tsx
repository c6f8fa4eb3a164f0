import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { EvidenceDetail, EvidenceHeaderActions } from "~/components/evidence/evidence-detail";
import { PageHeader } from "~/components/ui/layout";
import { clientEvidenceDetail } from "~/domain/evidence/evidence-views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { todayInDisplayZone } from "~/utils/dates";
import { notFound, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.evidence.title} · Compliance Portal` : "Compliance Portal" }];

/** A vendor's document, as shared with this client: preview, validity, versions, where it is used. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "evidence.view");
  if (!isUuid(params.evidenceId)) notFound();
  const evidence = await clientEvidenceDetail(actor, params.evidenceId).catch(throwAsResponse);
  const base = sideBase("client", actor.organizationId);
  return { base, fileUrl: `${base}/evidence/${evidence.id}/file`, today: todayInDisplayZone(), evidence };
}

export default function ClientEvidenceDetail() {
  const { base, fileUrl, today, evidence } = useLoaderData<typeof loader>();
  const { t } = useTranslation("evidence");
  return (
    <>
      <PageHeader
        title={evidence.title}
        description={t("client.from", { vendor: evidence.vendorName, kind: t(`kinds.${evidence.kind}`) })}
        actions={<EvidenceHeaderActions validUntil={evidence.current.validUntil} today={today} fileUrl={fileUrl} />}
      />
      <EvidenceDetail evidence={evidence} fileUrl={fileUrl} base={base} today={today} side="client" />
    </>
  );
}
