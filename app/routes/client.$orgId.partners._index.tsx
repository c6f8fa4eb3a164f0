import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { db } from "#db/client.server";
import { findPartnershipsForClient } from "#db/queries/partnerships";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { StatusBadge, TierBadge } from "~/components/partnership-badges";
import { Button, buttonClass } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { riskTiers } from "~/domain/orgs/inherent-risk";
import { sideBase } from "~/domain/orgs/navigation";
import { partnershipStatuses } from "~/domain/orgs/partnership-status";
import { formatCalendarDate } from "~/utils/dates";
import { DataTable } from "~/components/ui/table";
import { PendingSubprocessorsOverview } from "~/components/subprocessors/pending-overview";
import { findClientPendingOverview } from "~/domain/subprocessors/register.server";

// A filter value that is not one of the options is ignored, not an error: URLs get edited.
const filterSchema = z.object({
  status: z.enum(partnershipStatuses).optional().catch(undefined),
  tier: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
});

/** The client's partnership register, filterable by status and risk tier. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "partnership.view");
  const search = new URL(request.url).searchParams;
  const filters = filterSchema.parse({
    status: search.get("status") || undefined,
    tier: search.get("tier") || undefined,
  });
  const rows = await findPartnershipsForClient(db(), actor.organizationId, filters);
  const pendingSubprocessors = await findClientPendingOverview(actor);
  return {
    pendingSubprocessors,
    base: sideBase(actor.organizationKind, actor.organizationId),
    canInvite: can(actor, "partnership.invite"),
    filters,
    partners: rows.map((r) => ({
      id: r.id,
      name: r.vendorDisplayName,
      services: r.services,
      riskTier: r.riskTier,
      status: r.status,
      contractEnd: r.contractEnd,
      countries: r.countries,
    })),
  };
}

export default function PartnerRegister() {
  const { base, canInvite, filters, partners, pendingSubprocessors } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["orgs", "common"]);
  const isFiltered = Boolean(filters.status || filters.tier);
  return (
    <>
      <PageHeader
        title={t("orgs:partners.title")}
        description={t("orgs:partners.intro")}
        actions={
          canInvite ? (
            <Link to={`${base}/partners/new`} className={buttonClass()}>
              {t("orgs:partners.invite")}
            </Link>
          ) : null
        }
      />
      <PendingSubprocessorsOverview base={base} proposals={pendingSubprocessors} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("orgs:partners.filters")}>
        <div className="w-48">
          <SelectField id="filter-status" name="status" label={t("orgs:fields.status")} defaultValue={filters.status ?? ""} key={`s-${filters.status ?? ""}`}>
            <option value="">{t("orgs:partners.allStatuses")}</option>
            {partnershipStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`orgs:status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-48">
          <SelectField id="filter-tier" name="tier" label={t("orgs:fields.riskTier")} defaultValue={filters.tier ? String(filters.tier) : ""} key={`t-${filters.tier ?? ""}`}>
            <option value="">{t("orgs:partners.allTiers")}</option>
            {riskTiers.map((tier) => (
              <option key={tier} value={String(tier)}>
                {t(`orgs:tier.label.${tier}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <Button variant="secondary">{t("common:actions.filter")}</Button>
        {isFiltered ? (
          <Link to={`${base}/partners`} className="py-2 text-sm text-brand-700 underline">
            {t("common:actions.reset")}
          </Link>
        ) : null}
      </Form>

      {partners.length === 0 ? (
        <EmptyState title={isFiltered ? t("orgs:partners.noMatches") : t("orgs:overview.empty.title")}>
          <p>{isFiltered ? t("orgs:partners.noMatchesBody") : t("orgs:overview.empty.body")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("orgs:partners.caption", { count: partners.length })}
          columns={[
            t("orgs:fields.vendorDisplayName"),
            t("orgs:fields.services"),
            t("orgs:fields.riskTier"),
            t("orgs:fields.status"),
            t("orgs:fields.contractEnd"),
            t("orgs:fields.countries"),
          ]}
        >
              {partners.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    <Link to={`${base}/partners/${p.id}`} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </th>
                  <td className="px-4 py-3">{p.services.map((s) => t(`orgs:services.${s}`)).join(", ")}</td>
                  <td className="px-4 py-3">
                    <TierBadge tier={p.riskTier} />
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatCalendarDate(p.contractEnd, i18n.language) || "—"}</td>
                  <td className="px-4 py-3">{p.countries.join(", ") || "—"}</td>
                </tr>
              ))}
        </DataTable>
      )}
    </>
  );
}
