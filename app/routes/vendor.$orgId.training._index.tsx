import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { CoverageValue, TrainingStatusBadge, useRequirementTitle } from "~/components/training/training-status";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { sideBase } from "~/domain/orgs/navigation";
import { getVendorTrainingOverview } from "~/domain/training/training-views.server";
import { formatCalendarDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The vendor's training: per client, the requirements that apply, worst status first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "training.view");
  const overview = await getVendorTrainingOverview(actor);
  return { ...overview, base: sideBase(actor.organizationKind, actor.organizationId) };
}

export default function VendorTraining() {
  const { clients, base } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["training", "common"]);
  const titleOf = useRequirementTitle();
  const withItems = clients.filter((c) => c.items.length > 0);
  return (
    <>
      <PageHeader title={t("training:vendor.list.title")} description={t("training:vendor.list.intro")} />
      {withItems.length === 0 ? (
        <EmptyState title={t("training:vendor.list.empty.title")}>
          <p>{t("training:vendor.list.empty.body")}</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {withItems.map((client) => (
            <Card key={client.partnershipId} title={client.clientName}>
              <DataTable
                framed={false}
                caption={t("training:vendor.list.caption", { client: client.clientName })}
                columns={[t("training:fields.requirement"), t("training:fields.frequency"), t("training:fields.minimum"), t("training:fields.status"), t("training:fields.coverage"), t("training:fields.validUntil")]}
              >
                {client.items.map((item) => (
                  <tr key={item.requirement.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link to={`${base}/training/${client.partnershipId}/${item.requirement.id}`} className="text-brand-700 hover:underline">
                        {titleOf(item.requirement)}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">{t("training:frequency", { count: item.requirement.frequencyMonths })}</td>
                    <td className="px-3 py-2">{t("training:percent", { value: item.requirement.minimumCoveragePercent })}</td>
                    <td className="px-3 py-2">
                      <TrainingStatusBadge status={item.status} />
                    </td>
                    <td className="px-3 py-2">
                      <CoverageValue value={item.coveragePercent} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{item.validUntil ? formatCalendarDate(item.validUntil, i18n.language) : "—"}</td>
                  </tr>
                ))}
              </DataTable>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
