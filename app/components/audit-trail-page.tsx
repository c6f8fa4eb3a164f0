import { Form, Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AuditTrailRouteLoader } from "~/domain/audit/audit-trail-routes.server";
import { auditTrailSearch } from "~/domain/audit/trail-filter";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { Button, buttonClass } from "./ui/button";
import { SelectField, TextField } from "./ui/field";
import { Card, EmptyState, PageHeader } from "./ui/layout";
import { DataTable } from "~/components/ui/table";

/** A label from a flat map in audit.json (keys are dotted codes), else the code itself. */
function labelFrom(t: TFunction, map: "actionLabels" | "entityTypeLabels", code: string): string {
  const labels = t(`audit:${map}`, { returnObjects: true }) as unknown;
  const label = labels && typeof labels === "object" ? (labels as Record<string, unknown>)[code] : undefined;
  return typeof label === "string" ? label : code;
}

export const actionLabel = (t: TFunction, action: string) => labelFrom(t, "actionLabels", action);

/**
 * The audit trail of one organization, the same on every side: filters, the count of matching
 * events, a page of events (newest first) and the CSV export of the same selection. Renders only
 * the page body; the side's layout route provides the frame.
 */
export function AuditTrailPage() {
  const data = useLoaderData<AuditTrailRouteLoader>();
  const { t, i18n } = useTranslation(["audit", "common"]);
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const locale = i18n.language;
  const basePath = location.pathname.replace(/\/+$/, "");
  const filterSearch = auditTrailSearch(data.filter);
  const hasFilter = filterSearch !== "";

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("audit:title")}
        description={t("audit:description")}
        actions={
          data.canExport ? (
            <a href={`${basePath}.csv${filterSearch}`} className={buttonClass("secondary")} download>
              {t("audit:export")}
            </a>
          ) : null
        }
      />

      <Card title={t("audit:filters.title")}>
        <Form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" key={location.search}>
          <SelectField id="audit-action" name="action" label={t("audit:filters.action")} defaultValue={data.filter.action ?? ""}>
            <option value="">{t("audit:filters.any")}</option>
            {data.options.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </SelectField>
          <SelectField id="audit-actor" name="actor" label={t("audit:filters.actor")} defaultValue={data.filter.actor ?? ""}>
            <option value="">{t("audit:filters.anyone")}</option>
            {data.options.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="audit-entity-type"
            name="entityType"
            label={t("audit:filters.entityType")}
            defaultValue={data.filter.entityType ?? ""}
          >
            <option value="">{t("audit:filters.any")}</option>
            {data.options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {labelFrom(t, "entityTypeLabels", type)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="audit-from"
            name="from"
            type="date"
            label={t("audit:filters.from")}
            defaultValue={searchParams.get("from") ?? ""}
            errors={data.problems.from ? [data.problems.from] : undefined}
          />
          <TextField
            id="audit-to"
            name="to"
            type="date"
            label={t("audit:filters.to")}
            defaultValue={searchParams.get("to") ?? ""}
            errors={data.problems.to ? [data.problems.to] : undefined}
          />
          <TextField
            id="audit-q"
            name="q"
            type="search"
            maxLength={200}
            label={t("audit:filters.text")}
            hint={t("audit:filters.textHint")}
            defaultValue={searchParams.get("q") ?? ""}
            errors={data.problems.q ? [data.problems.q] : undefined}
          />
          <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
            <Button>{t("common:actions.filter")}</Button>
            {hasFilter ? (
              <Link to={basePath} className={buttonClass("ghost")}>
                {t("common:actions.reset")}
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <p className="text-sm text-slate-700" role="status">
        {t(hasFilter ? "audit:countFiltered" : "audit:count", {
          count: data.total,
          formatted: formatNumber(data.total, locale),
        })}
      </p>

      {data.events.length === 0 ? (
        <EmptyState title={t(hasFilter ? "audit:emptyFiltered" : "audit:empty")} />
      ) : (
        <DataTable
          caption={t("audit:title")}
          columns={[
            t("audit:columns.time"),
            t("audit:columns.actor"),
            t("audit:columns.action"),
            t("audit:columns.entity"),
            t("audit:columns.summary"),
            t("audit:columns.ip"),
          ]}
        >
              {data.events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                    <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, locale)}</time>
                  </td>
                  <td className="px-3 py-2">{event.actorName ?? event.actorLabel ?? t("audit:system")}</td>
                  <td className="px-3 py-2">
                    <span title={event.action}>{actionLabel(t, event.action)}</span>
                  </td>
                  <td className="px-3 py-2">
                    {labelFrom(t, "entityTypeLabels", event.entityType)}
                    {event.entityId ? (
                      <span className="block font-mono text-xs text-slate-500" title={event.entityId}>
                        {event.entityId.length > 13 ? `${event.entityId.slice(0, 8)}…` : event.entityId}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {event.summary.length > 0 ? (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                        {event.summary.map((entry) => (
                          <div key={entry.key} className="contents">
                            <dt className="text-slate-500">{entry.key}:</dt>
                            <dd className="break-all text-slate-800">{entry.value}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-600">{event.ipAddress ?? ""}</td>
                </tr>
              ))}
        </DataTable>
      )}

      {!data.isFirstPage || data.olderCursor !== null ? (
        <nav aria-label={t("audit:pagination.label")} className="flex flex-wrap gap-3">
          {!data.isFirstPage ? (
            <Link to={`${basePath}${filterSearch}`} className={buttonClass("secondary")}>
              {t("audit:pagination.newest")}
            </Link>
          ) : null}
          {data.newerCursor !== null ? (
            <Link to={`${basePath}${auditTrailSearch(data.filter, { after: data.newerCursor })}`} className={buttonClass("secondary")}>
              {t("audit:pagination.newer")}
            </Link>
          ) : null}
          {data.olderCursor !== null ? (
            <Link to={`${basePath}${auditTrailSearch(data.filter, { before: data.olderCursor })}`} className={buttonClass("secondary")}>
              {t("audit:pagination.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
