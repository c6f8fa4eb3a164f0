import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { localized, QuestionnaireStatusBadge } from "~/components/questionnaire-status";
import { buttonClass } from "~/components/ui/button";
import { EmptyState, Notice, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { findClientRequestList } from "~/domain/questionnaires/requests/request-views.server";
import { sideBase } from "~/domain/orgs/navigation";
import { formatCalendarDate, formatNumber } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The client's questionnaire requests: partner, template, version, status, due date, score. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "questionnaire.view");
  const requests = await findClientRequestList(actor);
  const sent = Number(new URL(request.url).searchParams.get("sent") ?? "0");
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    canSend: can(actor, "questionnaire.send"),
    canSeeTemplates: can(actor, "template.view"),
    sent: Number.isInteger(sent) && sent > 0 ? sent : 0,
    requests,
  };
}

export default function ClientQuestionnaires() {
  const { base, canSend, canSeeTemplates, sent, requests } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["requests", "common"]);
  return (
    <>
      <PageHeader
        title={t("requests:client.list.title")}
        description={t("requests:client.list.intro")}
        actions={
          <div className="flex flex-wrap gap-2">
            {canSeeTemplates ? (
              <Link to={`${base}/templates`} className={buttonClass("secondary")}>
                {t("requests:client.list.templates")}
              </Link>
            ) : null}
            {canSend ? (
              <Link to={`${base}/questionnaires/send`} className={buttonClass()}>
                {t("requests:client.list.send")}
              </Link>
            ) : null}
          </div>
        }
      />
      {sent ? <Notice>{t("requests:client.list.sentNotice", { count: sent })}</Notice> : null}
      {requests.length === 0 ? (
        <EmptyState title={t("requests:client.list.empty.title")}>
          <p>{t("requests:client.list.empty.body")}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("requests:client.list.caption", { count: requests.length })}
          columns={[
            t("requests:fields.partner"),
            t("requests:fields.template"),
            t("requests:fields.version"),
            t("requests:fields.status"),
            t("requests:fields.dueDate"),
            t("requests:fields.score"),
          ]}
        >
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link to={`${base}/questionnaires/${r.id}`} className="text-brand-700 hover:underline">
                  {r.partnerName}
                </Link>
              </th>
              <td className="px-3 py-2">{localized(r.title, i18n.language)}</td>
              <td className="px-3 py-2">{r.templateVersion}</td>
              <td className="px-3 py-2">
                <QuestionnaireStatusBadge status={r.status} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatCalendarDate(r.dueDate, i18n.language)}</td>
              <td className="px-3 py-2">{r.score === null ? "—" : formatNumber(r.score, i18n.language)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
