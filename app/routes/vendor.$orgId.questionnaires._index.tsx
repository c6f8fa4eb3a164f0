import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { VendorRequestTable } from "~/components/questionnaire-vendor-table";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { findVendorRequestList } from "~/domain/questionnaires/requests/request-views.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** Every questionnaire request of every client of the vendor. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "questionnaire.view");
  const requests = await findVendorRequestList(actor);
  return { base: sideBase(actor.organizationKind, actor.organizationId), requests };
}

export default function VendorQuestionnaires() {
  const { base, requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation("requests");
  return (
    <>
      <PageHeader title={t("vendor.list.title")} description={t("vendor.list.intro")} />
      {requests.length === 0 ? (
        <EmptyState title={t("vendor.list.empty.title")}>
          <p>{t("vendor.list.empty.body")}</p>
        </EmptyState>
      ) : (
        <VendorRequestTable base={base} requests={requests} />
      )}
    </>
  );
}
