import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { AttestationHistory } from "~/components/training/attestation-history";
import { RosterIssues } from "~/components/training/roster-issues";
import { TrainingStatusBadge, useRequirementTitle } from "~/components/training/training-status";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { assertAttestable, attestTraining } from "~/domain/training/attest.server";
import { attestSchema } from "~/domain/training/forms";
import { readAttestUpload } from "~/domain/training/roster-file.server";
import { getVendorAttestPage } from "~/domain/training/training-views.server";
import { formatCalendarDate } from "~/utils/dates";
import { domainErrorResponse, notFound, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** One client's requirement: its status, the attest form and every earlier attestation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "training.view");
  if (!isUuid(params.partnershipId) || !isUuid(params.requirementId)) notFound();
  const view = await getVendorAttestPage(actor, params.partnershipId, params.requirementId).catch(throwAsResponse);
  const attested = Number(new URL(request.url).searchParams.get("attested") ?? "NaN");
  return {
    ...view,
    base: sideBase(actor.organizationKind, actor.organizationId),
    canAttest: can(actor, "training.attest"),
    attested: Number.isFinite(attested) && attested >= 0 && attested <= 100 ? attested : null,
  };
}

/** A multipart post (a roster file of at most 5 MB, else 413) or typed counts; all or nothing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "vendor", "training.attest");
  if (!isUuid(params.partnershipId) || !isUuid(params.requirementId)) notFound();
  await assertAttestable(actor, params.partnershipId, params.requirementId).catch(throwAsResponse);
  const { form, file } = await readAttestUpload(request);
  // What was typed, so a refused form comes back filled in (also without JavaScript).
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const submission = parseWithZod(form, { schema: attestSchema });
  if (submission.status !== "success") return json({ ok: false as const, result: submission.reply(), values }, { status: 422 });
  try {
    const result = await attestTraining({
      actor,
      vendorName: organizationName,
      meta: requestMeta(request, context),
      partnershipId: params.partnershipId,
      requirementId: params.requirementId,
      values: submission.value,
      roster: file ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null,
    });
    if (result.status === "invalid_roster") return json({ ok: false as const, issues: result.issues, values }, { status: 422 });
    const base = sideBase(actor.organizationKind, actor.organizationId);
    return redirect(`${base}/training/${params.partnershipId}/${params.requirementId}?attested=${result.coveragePercent}`);
  } catch (error) {
    const refused = domainErrorResponse(error);
    const body = (await refused.json()) as { ok: false; formError: { key: string; params: Record<string, string | number> } };
    return json({ ...body, values }, { status: refused.status });
  }
}

export default function VendorAttest() {
  const { partnership, requirement, status, validUntil, history, evidenceOptions, today, base, canAttest, attested } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["training", "common"]);
  const titleOf = useRequirementTitle();
  const busy = navigation.state === "submitting";
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const issues = actionData && "issues" in actionData ? actionData.issues : [];
  const fieldErrors = actionData && "result" in actionData ? (actionData.result.error ?? {}) : {};
  const errorsOf = (name: string) => fieldErrors[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));
  const typed: Record<string, string> = actionData && "values" in actionData ? actionData.values : {};
  const roles = requirement.appliesToRoles.map((role) => t(`training:roles.${role}`)).join(", ");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/training`} className="text-brand-700 underline">
          {t("training:vendor.attest.back")}
        </Link>
      </p>
      <PageHeader
        title={titleOf(requirement)}
        description={t("training:vendor.attest.intro", {
          client: partnership.clientName,
          frequency: t("training:frequency", { count: requirement.frequencyMonths }),
          minimum: requirement.minimumCoveragePercent,
          roles,
        })}
      />
      <div className="space-y-6">
        {attested !== null ? <Notice>{t("training:vendor.attest.done", { coverage: attested })}</Notice> : null}
        <Card>
          <p className="flex items-center gap-2 text-sm">
            <span>{t("training:fields.status")}:</span>
            <TrainingStatusBadge status={status} />
            {validUntil ? (
              <span className="text-slate-600">
                · {t("training:fields.validUntil")} {formatCalendarDate(validUntil, i18n.language)}
              </span>
            ) : null}
          </p>
          {requirement.description ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{requirement.description}</p> : null}
        </Card>
        {canAttest ? (
          <Card title={t("training:vendor.attest.formTitle")}>
            <Form method="post" encType="multipart/form-data" className="space-y-5">
              <FormError message={formError ? t(formError.key, formError.params) : null} />
              <RosterIssues issues={issues} title={t("training:vendor.attest.refused")} />
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-800">{t("training:vendor.attest.mode")}</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="counts" defaultChecked={typed.mode !== "roster"} />
                  {t("training:vendor.attest.modeCounts")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="roster" defaultChecked={typed.mode === "roster"} />
                  {t("training:vendor.attest.modeRoster")}
                </label>
              </fieldset>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField id="periodStart" name="periodStart" defaultValue={typed.periodStart} type="date" max={today} label={t("training:fields.periodStart")} errors={errorsOf("periodStart")} required />
                <TextField id="periodEnd" name="periodEnd" defaultValue={typed.periodEnd} type="date" max={today} label={t("training:fields.periodEnd")} errors={errorsOf("periodEnd")} required />
                <TextField id="trainingProvider" name="trainingProvider" defaultValue={typed.trainingProvider} maxLength={200} label={t("training:fields.trainingProvider")} errors={errorsOf("trainingProvider")} required />
                <TextField id="passMarkPercent" name="passMarkPercent" defaultValue={typed.passMarkPercent} type="number" min={0} max={100} step={1} label={t("training:fields.passMarkPercent")} errors={errorsOf("passMarkPercent")} />
                <TextField
                  id="attestingOfficerName"
                  name="attestingOfficerName"
                  defaultValue={typed.attestingOfficerName}
                  maxLength={200}
                  label={t("training:fields.attestingOfficerName")}
                  hint={t("training:vendor.attest.officerHint")}
                  errors={errorsOf("attestingOfficerName")}
                  required
                />
                <TextField id="attestingOfficerRole" name="attestingOfficerRole" defaultValue={typed.attestingOfficerRole} maxLength={200} label={t("training:fields.attestingOfficerRole")} errors={errorsOf("attestingOfficerRole")} required />
              </div>
              <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
                <legend className="px-1 text-sm font-medium text-slate-800">{t("training:vendor.attest.countsTitle")}</legend>
                <p className="text-xs text-slate-500">{t("training:vendor.attest.countsHint")}</p>
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField id="agentsInScope" name="agentsInScope" defaultValue={typed.agentsInScope} type="number" min={1} step={1} label={t("training:fields.agentsInScope")} errors={errorsOf("agentsInScope")} />
                  <TextField id="agentsTrained" name="agentsTrained" defaultValue={typed.agentsTrained} type="number" min={0} step={1} label={t("training:fields.agentsTrained")} errors={errorsOf("agentsTrained")} />
                  <TextField id="firstCompletionDate" name="firstCompletionDate" defaultValue={typed.firstCompletionDate} type="date" max={today} label={t("training:fields.firstCompletionDate")} errors={errorsOf("firstCompletionDate")} />
                  <TextField id="lastCompletionDate" name="lastCompletionDate" defaultValue={typed.lastCompletionDate} type="date" max={today} label={t("training:fields.lastCompletionDate")} errors={errorsOf("lastCompletionDate")} />
                </div>
              </fieldset>
              <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
                <legend className="px-1 text-sm font-medium text-slate-800">{t("training:vendor.attest.rosterTitle")}</legend>
                <p className="text-sm text-slate-700">{requirement.namesRequired ? t("training:vendor.attest.namesRequired") : t("training:vendor.attest.namesNotAllowed")}</p>
                <TextField
                  id="roster"
                  name="roster"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  label={t("training:vendor.attest.rosterFile")}
                  hint={t("training:vendor.attest.rosterHint")}
                />
                <p className="text-sm">
                  <a className="text-brand-700 underline" href={`${base}/training/roster-template.csv${requirement.namesRequired ? "?names=1" : ""}`} download>
                    {t("training:vendor.attest.template")}
                  </a>
                </p>
              </fieldset>
              <SelectField id="evidenceId" name="evidenceId" label={t("training:vendor.attest.evidence")} hint={t("training:vendor.attest.evidenceHint")} errors={errorsOf("evidenceId")} defaultValue={typed.evidenceId ?? ""}>
                <option value="">{t("training:vendor.attest.evidenceNone")}</option>
                {evidenceOptions.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                    {e.validUntil ? ` (${t(`training:expiry.${e.expiry}`)} · ${formatCalendarDate(e.validUntil, i18n.language)})` : ""}
                  </option>
                ))}
              </SelectField>
              <Button disabled={busy}>{t("training:vendor.attest.submit")}</Button>
            </Form>
          </Card>
        ) : (
          <Notice>{t("training:vendor.attest.readOnly")}</Notice>
        )}
        <AttestationHistory history={history} evidenceBase={`${base}/evidence`} />
      </div>
    </>
  );
}
