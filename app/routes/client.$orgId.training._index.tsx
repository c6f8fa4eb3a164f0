import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { CoverageValue, TrainingStatusBadge, useRequirementTitle } from "~/components/training/training-status";
import { buttonClass } from "~/components/ui/button";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { sideBase } from "~/domain/orgs/navigation";
import { getClientTrainingOverview } from "~/domain/training/training-views.server";
import { formatCalendarDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

const notices = ["created", "archived"] as const;

/** The client's training: its requirements, and a coverage matrix of partners × requirements. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "training.view");
  const overview = await getClientTrainingOverview(actor);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    ...overview,
    base: sideBase(actor.organizationKind, actor.organizationId),
    canEdit: can(actor, "training_requirement.edit"),
    notice: notices.find((n) => n === notice) ?? null,
  };
}

export default function ClientTraining() {
  const { requirements, partnerships, cells, base, canEdit, notice } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["training", "common"]);
  const titleOf = useRequirementTitle();
  const live = requirements.filter((r) => !r.archived);
  return (
    <>
      <PageHeader
        title={t("training:client.list.title")}
        description={t("training:client.list.intro")}
        actions={
          canEdit ? (
            <Link to={`${base}/training/new`} className={buttonClass()}>
              {t("training:client.list.new")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-8">
        {notice ? <Notice>{t(`training:client.list.${notice}Notice`)}</Notice> : null}
        <section aria-labelledby="requirements-heading" className="space-y-2">
          <h2 id="requirements-heading" className="text-base font-semibold text-slate-900">
            {t("training:client.list.requirementsTitle")}
          </h2>
          {requirements.length === 0 ? (
            <EmptyState title={t("training:client.list.empty.title")}>
              <p>{t("training:client.list.empty.body")}</p>
            </EmptyState>
          ) : (
            <DataTable
              caption={t("training:client.list.requirementsCaption", { count: requirements.length })}
              columns={[t("training:fields.requirement"), t("training:fields.frequency"), t("training:fields.minimum"), t("training:fields.roles"), t("training:fields.scope")]}
            >
              {requirements.map((r) => (
                <tr key={r.id} className={r.archived ? "text-slate-500" : undefined}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link to={`${base}/training/${r.id}`} className="text-brand-700 hover:underline">
                      {titleOf(r)}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {r.title ? <span className="text-xs font-normal text-slate-500">{t(`training:topics.${r.topic}`)}</span> : null}
                      {r.namesRequired ? <Badge tone="amber">{t("training:namesRequiredBadge")}</Badge> : null}
                      {r.archived ? <Badge>{t("training:client.list.archived")}</Badge> : null}
                    </div>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{t("training:frequency", { count: r.frequencyMonths })}</td>
                  <td className="px-3 py-2">{t("training:percent", { value: r.minimumCoveragePercent })}</td>
                  <td className="px-3 py-2">{r.appliesToRoles.map((role) => t(`training:roles.${role}`)).join(", ")}</td>
                  <td className="px-3 py-2">
                    {r.appliesToPartnershipIds === null ? t("training:scopeAll") : t("training:scopeCount", { count: r.appliesToPartnershipIds.length })}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="matrix-heading" className="space-y-2">
          <h2 id="matrix-heading" className="text-base font-semibold text-slate-900">
            {t("training:client.list.matrixTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("training:client.list.matrixIntro")}</p>
          {partnerships.length === 0 ? (
            <EmptyState title={t("training:client.list.noPartners")} />
          ) : live.length === 0 ? (
            <EmptyState title={t("training:client.list.noLive")} />
          ) : (
            <DataTable caption={t("training:client.list.matrixCaption")} columns={[t("training:fields.partner"), ...live.map((r) => titleOf(r))]}>
              {partnerships.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {p.name}
                  </th>
                  {live.map((r) => {
                    const cell = cells[`${p.id}:${r.id}`];
                    if (!cell?.applies) {
                      return (
                        <td key={r.id} className="px-3 py-2">
                          <TrainingStatusBadge status={null} />
                        </td>
                      );
                    }
                    return (
                      <td key={r.id} className="px-3 py-2">
                        <Link
                          to={`${base}/training/${r.id}/${p.id}`}
                          className="inline-flex flex-col gap-1 hover:underline"
                          aria-label={t("training:client.list.cellLabel", { partner: p.name, requirement: titleOf(r), status: t(`training:status.${cell.status}`) })}
                        >
                          <TrainingStatusBadge status={cell.status} />
                          <span className="text-xs text-slate-600">
                            <CoverageValue value={cell.coveragePercent} />
                            {cell.validUntil ? ` · ${t("training:fields.validUntil")} ${formatCalendarDate(cell.validUntil, i18n.language)}` : null}
                          </span>
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </>
  );
}
