import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { refilled, RequirementForm } from "~/components/training/requirement-form";
import { TrainingStatusBadge, useRequirementTitle } from "~/components/training/training-status";
import { Button } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { postedValues, requirementIntentSchema } from "~/domain/training/forms";
import { archiveRequirement, updateRequirement } from "~/domain/training/requirements.server";
import { getClientRequirement, getClientTrainingOverview } from "~/domain/training/training-views.server";
import { appUrl, domainErrorResponse, notFound, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** After a conflict (409) reload, so the form starts again from what is stored now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

/** One requirement: its settings (editable by admins and managers) and its status per partner. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "training.view");
  if (!isUuid(params.requirementId)) notFound();
  const requirement = await getClientRequirement(actor, params.requirementId).catch(throwAsResponse);
  const overview = await getClientTrainingOverview(actor);
  const partners = overview.partnerships
    .map((p) => ({ id: p.id, name: p.name, cell: overview.cells[`${p.id}:${requirement.id}`] ?? null }))
    .filter((p) => p.cell?.applies);
  return {
    requirement,
    partnerships: overview.partnerships.map((p) => ({ id: p.id, name: p.name })),
    partners,
    base: sideBase(actor.organizationKind, actor.organizationId),
    canEdit: can(actor, "training_requirement.edit"),
    saved: new URL(request.url).searchParams.get("notice") === "saved",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "training_requirement.edit");
  if (!isUuid(params.requirementId)) notFound();
  // Another client's requirement is a 404 whatever the form holds.
  await getClientRequirement(actor, params.requirementId).catch(throwAsResponse);
  const form = await readForm(request);
  const values = postedValues(form);
  const submission = parseWithZod(form, { schema: requirementIntentSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply(), values };
  const base = `${sideBase(actor.organizationKind, actor.organizationId)}/training`;
  const meta = requestMeta(request, context);
  try {
    if (submission.value.intent === "archive") {
      await archiveRequirement({ actor, meta, requirementId: params.requirementId, lockVersion: submission.value.lockVersion });
      return redirect(`${base}?notice=archived`);
    }
    const { intent: _intent, lockVersion, ...values } = submission.value;
    await updateRequirement({ actor, meta, clientName: organizationName, appUrl: appUrl(request), requirementId: params.requirementId, lockVersion, values });
    return redirect(`${base}/${params.requirementId}?notice=saved`);
  } catch (error) {
    const refused = domainErrorResponse(error);
    const body = (await refused.json()) as { ok: false; formError: { key: string; params: Record<string, string | number> } };
    return json({ ...body, values }, { status: refused.status });
  }
}

/** After a conflict the form starts again from what is stored now, as its message says. */
const actionStatusIsConflict = (data: unknown) =>
  Boolean(data && typeof data === "object" && "formError" in data && (data as { formError: { key: string } }).formError.key === "training:errors.conflict");

export default function TrainingRequirement() {
  const { requirement, partnerships, partners, base, canEdit, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["training", "common"]);
  const titleOf = useRequirementTitle();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const fieldErrors = actionData && "result" in actionData ? (actionData.result.error ?? {}) : {};
  const errorsOf = (name: string) => fieldErrors[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));
  const busy = navigation.state === "submitting";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/training`} className="text-brand-700 underline">
          {t("training:client.form.back")}
        </Link>
      </p>
      <PageHeader title={titleOf(requirement)} description={t("training:client.form.intro")} />
      <div className="space-y-6">
        {saved ? <Notice>{t("training:client.form.savedNotice")}</Notice> : null}
        {requirement.archived ? <Notice>{t("training:client.form.archivedNote")}</Notice> : null}
        <Card title={t("training:client.form.editTitle")}>
          <RequirementForm
            values={actionStatusIsConflict(actionData) ? requirement : refilled(requirement, actionData && "values" in actionData && actionData.values.intent === "update" ? actionData.values : null)}
            partnerships={partnerships}
            errorsOf={errorsOf}
            formError={formError ? t(formError.key, formError.params) : null}
            submitLabel={t("training:client.form.submitUpdate")}
            busy={busy}
            disabled={!canEdit || requirement.archived}
          />
        </Card>
        {canEdit && !requirement.archived ? (
          <Card>
            <Form method="post" className="flex flex-wrap items-center gap-4">
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="lockVersion" value={requirement.lockVersion} />
              <Button variant="danger" disabled={busy}>
                {t("training:client.form.archive")}
              </Button>
              <p className="text-sm text-slate-600">{t("training:client.form.archiveHint")}</p>
            </Form>
          </Card>
        ) : null}
        {partners.length ? (
          <Card title={t("training:client.form.attestations")}>
            <ul className="divide-y divide-slate-100">
              {partners.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                  <Link to={`${base}/training/${requirement.id}/${p.id}`} className="text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  <TrainingStatusBadge status={p.cell!.status} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
