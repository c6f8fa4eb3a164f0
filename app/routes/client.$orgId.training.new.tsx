import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { refilled, RequirementForm } from "~/components/training/requirement-form";
import { Card, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { postedValues, requirementSchema } from "~/domain/training/forms";
import { createRequirement } from "~/domain/training/requirements.server";
import { getRequirementFormOptions } from "~/domain/training/training-views.server";
import { appUrl, domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** A new training requirement: topic, frequency, minimum coverage, roles and partners. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "training_requirement.edit");
  return { ...(await getRequirementFormOptions(actor)), base: sideBase(actor.organizationKind, actor.organizationId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "training_requirement.edit");
  const form = await readForm(request);
  const values = postedValues(form);
  const submission = parseWithZod(form, { schema: requirementSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply(), values };
  try {
    await createRequirement({ actor, meta: requestMeta(request, context), clientName: organizationName, appUrl: appUrl(request), values: submission.value });
    return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/training?notice=created`);
  } catch (error) {
    const refused = domainErrorResponse(error);
    const body = (await refused.json()) as { ok: false; formError: { key: string; params: Record<string, string | number> } };
    return json({ ...body, values }, { status: refused.status });
  }
}

export default function NewTrainingRequirement() {
  const { partnerships, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["training", "common"]);
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const fieldErrors = actionData && "result" in actionData ? (actionData.result.error ?? {}) : {};
  const errorsOf = (name: string) => fieldErrors[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/training`} className="text-brand-700 underline">
          {t("training:client.form.back")}
        </Link>
      </p>
      <PageHeader title={t("training:client.form.newTitle")} description={t("training:client.form.intro")} />
      <Card>
        <RequirementForm
          values={refilled(
            {
              topic: "avg_basics",
              title: "",
              description: null,
              frequencyMonths: 12,
              minimumCoveragePercent: 95,
              appliesToRoles: ["agent", "team_lead"],
              appliesToPartnershipIds: null,
              namesRequired: false,
            },
            actionData && "values" in actionData ? actionData.values : null,
          )}
          partnerships={partnerships}
          errorsOf={errorsOf}
          formError={formError ? t(formError.key, formError.params) : null}
          submitLabel={t("training:client.form.submitCreate")}
          busy={navigation.state === "submitting"}
        />
      </Card>
    </>
  );
}
