import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { EmptyState, PageHeader } from "~/components/ui/layout";

/** The audit firm's home: its engagements, which clients grant (a later feature). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, params.orgId, "audit_firm", "organization.view");
  return null;
}

export default function AuditorHome() {
  const { t } = useTranslation("orgs");
  return (
    <>
      <PageHeader title={t("auditorHome.title")} description={t("auditorHome.intro")} />
      <EmptyState title={t("auditorHome.empty.title")}>
        <p>{t("auditorHome.empty.body")}</p>
      </EmptyState>
    </>
  );
}
