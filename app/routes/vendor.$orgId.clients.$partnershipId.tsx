import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, requireActor } from "~/auth/guards.server";
import { StatusBadge } from "~/components/partnership-badges";
import { PartnershipFacts } from "~/components/partnership-facts";
import { Card, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { getVendorPartnershipView } from "~/domain/orgs/partnership-detail.server";
import { domainErrorResponse } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.partnership.clientName} · Compliance Portal` : "Compliance Portal" },
];

/** The vendor's read-only view of one client relationship; another vendor's: 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "partnership.view");
  const partnership = await getVendorPartnershipView(actor, params.partnershipId).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  assertCan(actor, "partnership.view", { type: "partnership", clientOrgId: partnership.clientOrgId, vendorOrgId: partnership.vendorOrgId });
  const { clientOrgId: _client, vendorOrgId: _vendor, ...view } = partnership;
  return { base: sideBase(actor.organizationKind, actor.organizationId), partnership: view };
}

export default function VendorClientPartnership() {
  const { base, partnership } = useLoaderData<typeof loader>();
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
    </>
  );
}
