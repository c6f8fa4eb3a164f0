import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { AttestationHistory } from "~/components/training/attestation-history";
import { TrainingStatusBadge, useRequirementTitle } from "~/components/training/training-status";
import { Card, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { getClientAttestationHistory } from "~/domain/training/training-views.server";
import { formatCalendarDate } from "~/utils/dates";
import { notFound, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** One requirement on one partner: the status now and every attestation, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "training.view");
  if (!isUuid(params.requirementId) || !isUuid(params.partnershipId)) notFound();
  const view = await getClientAttestationHistory(actor, params.requirementId, params.partnershipId).catch(throwAsResponse);
  return { ...view, base: sideBase(actor.organizationKind, actor.organizationId) };
}

export default function ClientAttestationHistory() {
  const { requirement, partnership, applies, status, validUntil, history, base } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["training", "common"]);
  const titleOf = useRequirementTitle();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/training`} className="text-brand-700 underline">
          {t("training:client.history.back")}
        </Link>
      </p>
      <PageHeader
        title={t("training:client.history.title", { requirement: titleOf(requirement), partner: partnership.name })}
        actions={
          <Link to={`${base}/training/${requirement.id}`} className="text-sm text-brand-700 underline">
            {t("training:client.history.editRequirement")}
          </Link>
        }
      />
      <div className="space-y-6">
        {applies ? (
          <Card>
            <p className="flex items-center gap-2 text-sm">
              <span>{t("training:fields.status")}:</span>
              <TrainingStatusBadge status={status} />
            </p>
            {validUntil ? <p className="mt-2 text-sm text-slate-700">{t("training:client.history.validUntilLine", { date: formatCalendarDate(validUntil, i18n.language) })}</p> : null}
            <p className="mt-2 text-sm text-slate-600">
              {t("training:frequency", { count: requirement.frequencyMonths })} · {t("training:fields.minimum")} {t("training:percent", { value: requirement.minimumCoveragePercent })} ·{" "}
              {requirement.appliesToRoles.map((role) => t(`training:roles.${role}`)).join(", ")}
            </p>
          </Card>
        ) : (
          <Notice>{t("training:client.history.notApplicable")}</Notice>
        )}
        <AttestationHistory history={history} evidenceBase={`${base}/evidence`} />
      </div>
    </>
  );
}
