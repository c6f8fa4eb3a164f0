import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { isSectionOf } from "~/domain/orgs/navigation";
import { notFound } from "~/utils/http.server";

/** The audit_firm side's sections that are still to come: a placeholder each; anything else is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "audit_firm", "organization.view");
  if (!isSectionOf(actor.organizationKind, params.section)) notFound();
  return { section: params.section };
}

export default function AuditorSection() {
  const { section } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["orgs", "common"]);
  return (
    <>
      <PageHeader title={t(`common:nav.${section}`)} />
      <EmptyState title={t("common:comingSoon.title")}>
        <p>{t(`orgs:sections.audit_firm.${section}`)}</p>
        <p className="mt-2">{t("common:comingSoon.body")}</p>
      </EmptyState>
    </>
  );
}
