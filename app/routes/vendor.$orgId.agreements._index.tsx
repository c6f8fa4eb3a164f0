import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { AgreementTable } from "~/components/agreements/agreement-list";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { findVendorAgreementList } from "~/domain/agreements/views.server";
import { sideBase } from "~/domain/orgs/navigation";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** Every processor agreement the vendor's clients sent it (never drafts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "agreement.view");
  return { base: sideBase(actor.organizationKind, actor.organizationId), agreements: await findVendorAgreementList(actor) };
}

export default function VendorAgreements() {
  const { base, agreements } = useLoaderData<typeof loader>();
  const { t } = useTranslation("agreements");
  return (
    <>
      <PageHeader title={t("list.vendor.title")} description={t("list.vendor.intro")} />
      {agreements.length === 0 ? (
        <EmptyState title={t("list.vendor.empty.title")}>
          <p>{t("list.vendor.empty.body")}</p>
        </EmptyState>
      ) : (
        <AgreementTable base={base} rows={agreements} partnerColumn="client" />
      )}
    </>
  );
}
