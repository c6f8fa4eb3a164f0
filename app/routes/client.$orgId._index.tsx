import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { TierBadge } from "~/components/partnership-badges";
import { buttonClass } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { getClientOverview } from "~/domain/orgs/client-overview.server";
import { riskTiers } from "~/domain/orgs/inherent-risk";
import { sideBase } from "~/domain/orgs/navigation";
import { partnershipStatuses } from "~/domain/orgs/partnership-status";
import { CONTRACT_HORIZON_DAYS } from "~/domain/orgs/portfolio-overview";
import { formatCalendarDate, formatNumber } from "~/utils/dates";

/** The client's overview of its contact centers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "partnership.view");
  const overview = await getClientOverview(actor);
  return {
    organizationName,
    base: sideBase(actor.organizationKind, actor.organizationId),
    canInvite: can(actor, "partnership.invite"),
    overview,
  };
}

export default function ClientOverview() {
  const { organizationName, base, canInvite, overview } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["orgs", "common"]);
  const locale = i18n.language;
  const partners = `${base}/partners`;
  const inviteLink = canInvite ? (
    <Link to={`${partners}/new`} className={buttonClass()}>
      {t("orgs:partners.invite")}
    </Link>
  ) : null;

  if (overview.total === 0) {
    return (
      <>
        <PageHeader title={t("orgs:overview.title")} description={t("orgs:overview.intro", { name: organizationName })} />
        <EmptyState title={t("orgs:overview.empty.title")}>
          <p>{t("orgs:overview.empty.body")}</p>
          <div className="mt-4">{inviteLink ?? <p>{t("orgs:overview.empty.askManager")}</p>}</div>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("orgs:overview.title")} description={t("orgs:overview.intro", { name: organizationName })} actions={inviteLink} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Card title={t("orgs:overview.byTier")}>
          <ul className="space-y-2">
            {riskTiers.map((tier) => (
              <li key={tier} className="flex items-center justify-between gap-2">
                <Link to={`${partners}?tier=${tier}`} className="hover:underline">
                  <TierBadge tier={tier} />
                </Link>
                <span className="text-lg font-semibold tabular-nums">{formatNumber(overview.byTier[tier], locale)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500">{t("orgs:overview.byTierNote")}</p>
        </Card>
        <Card title={t("orgs:overview.byStatus")}>
          <ul className="space-y-2">
            {partnershipStatuses.map((status) => (
              <li key={status} className="flex items-center justify-between gap-2">
                <Link to={`${partners}?status=${status}`} className="text-brand-700 hover:underline">
                  {t(`orgs:status.${status}`)}
                </Link>
                <span className="text-lg font-semibold tabular-nums">{formatNumber(overview.byStatus[status], locale)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("orgs:overview.pendingInvitations")}>
          <p className="text-3xl font-semibold tabular-nums">{formatNumber(overview.pendingInvitations, locale)}</p>
          <p className="mt-1 text-sm text-slate-600">{t("orgs:overview.pendingInvitationsHelp")}</p>
          <Link to={`${partners}?status=invited`} className="mt-3 inline-block text-sm text-brand-700 underline">
            {t("orgs:overview.showInvited")}
          </Link>
        </Card>
      </div>
      <Card title={t("orgs:overview.contractsEnding", { days: CONTRACT_HORIZON_DAYS })} className="mt-4">
        {overview.contractsEnding.length === 0 ? (
          <p className="text-sm text-slate-600">{t("orgs:overview.noContractsEnding", { days: CONTRACT_HORIZON_DAYS })}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {overview.contractsEnding.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`${partners}/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="flex items-center gap-2 text-sm text-slate-700">
                  {c.hasLapsed ? <Badge tone="red">{t("orgs:overview.lapsed")}</Badge> : null}
                  {t("orgs:overview.endsOn", { date: formatCalendarDate(c.contractEnd, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
