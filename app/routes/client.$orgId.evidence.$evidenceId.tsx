import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { CurrentFileFacts, VersionHistory } from "~/components/evidence/evidence-facts";
import { EvidencePreview } from "~/components/evidence/evidence-preview";
import { ExpiryBadge } from "~/components/evidence/expiry-badge";
import { LinkedPlaces } from "~/components/evidence/linked-places";
import { Card, PageHeader } from "~/components/ui/layout";
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
        actions={
          <>
            <ExpiryBadge validUntil={evidence.current.validUntil} today={today} />
            <a className="text-sm text-brand-700 underline" href={`${fileUrl}?download=1`}>
              {t("detail.download")}
            </a>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("detail.preview")}>
            <EvidencePreview fileUrl={fileUrl} contentType={evidence.current.contentType} title={evidence.title} />
          </Card>
          <Card title={t("detail.history")}>
            <VersionHistory versions={evidence.versions} fileUrl={fileUrl} today={today} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("detail.current")}>
            <CurrentFileFacts current={evidence.current} today={today} />
          </Card>
          <Card title={t("detail.usedIn")}>
            <LinkedPlaces links={evidence.links} base={base} side="client" />
          </Card>
        </div>
      </div>
    </>
  );
}
