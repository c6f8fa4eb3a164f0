import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { AgreementTable } from "~/components/agreements/agreement-list";
import { buttonClass } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { findClientAgreementList, findPartnersWithoutAgreement } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** Every processor agreement of every partnership of the client, with status and end date. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "agreement.view");
  const [agreements, uncovered] = await Promise.all([findClientAgreementList(actor), findPartnersWithoutAgreement(actor)]);
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    agreements,
    uncovered,
    canSend: can(actor, "agreement.send"),
  };
}

export default function ClientAgreements() {
  const { base, agreements, uncovered, canSend } = useLoaderData<typeof loader>();
  const { t } = useTranslation("agreements");
  return (
    <>
      <PageHeader
        title={t("list.client.title")}
        description={t("list.client.intro")}
        actions={
          <>
            <Link to={`${base}/agreements/templates`} className={buttonClass("secondary")}>
              {t("list.client.templates")}
            </Link>
            {canSend ? (
              <Link to={`${base}/agreements/send`} className={buttonClass()}>
                {t("list.client.send")}
              </Link>
            ) : null}
          </>
        }
      />
      {uncovered.length > 0 ? (
        <div className="mb-4">
          <Card title={t("list.uncovered.title")}>
            <p className="mb-2 text-sm text-slate-600">{t("list.uncovered.body")}</p>
            <ul className="space-y-1 text-sm">
              {uncovered.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-3">
                  <span className="font-medium">{p.name}</span>
                  {canSend ? (
                    <Link to={`${base}/agreements/send?partnershipId=${p.id}`} className="text-brand-700 underline">
                      {t("list.uncovered.send")}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
      {agreements.length === 0 ? (
        <EmptyState title={t("list.client.empty.title")}>
          <p>{t("list.client.empty.body")}</p>
        </EmptyState>
      ) : (
        <AgreementTable base={base} rows={agreements} partnerColumn="vendor" />
      )}
    </>
  );
}
