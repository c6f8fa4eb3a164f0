import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { FormError } from "~/components/ui/layout";
import { DESCRIPTION_MAX, TITLE_MAX, TRAINING_ROLES, TRAINING_TOPICS } from "~/domain/training/rules";
import type { RequirementFormValues } from "~/domain/training/view-models";

/** The form's values after a refused post: what was typed, over what was there before. */
export function refilled(base: RequirementFormValues, posted: Record<string, string | string[]> | null | undefined): RequirementFormValues {
  if (!posted) return base;
  const one = (key: string) => (typeof posted[key] === "string" ? (posted[key] as string) : undefined);
  const many = (key: string) => (Array.isArray(posted[key]) ? (posted[key] as string[]) : typeof posted[key] === "string" ? [posted[key] as string] : []);
  const number = (key: string, fallback: number) => {
    const value = Number(one(key));
    return one(key) !== undefined && Number.isFinite(value) ? value : fallback;
  };
  return {
    ...base,
    topic: one("topic") ?? base.topic,
    title: one("title") ?? base.title,
    description: one("description") ?? base.description,
    frequencyMonths: number("frequencyMonths", base.frequencyMonths),
    minimumCoveragePercent: number("minimumCoveragePercent", base.minimumCoveragePercent),
    appliesToRoles: many("appliesToRoles"),
    appliesToPartnershipIds: one("scope") === "selected" ? many("partnershipIds") : one("scope") === "all" ? null : base.appliesToPartnershipIds,
    namesRequired: one("namesRequired") === "on",
  };
}

/**
 * The requirement form, for a new requirement and for editing one. Works without JavaScript:
 * scope is a radio pair, partners and roles are checkbox groups.
 */
export function RequirementForm({
  values,
  partnerships,
  errorsOf,
  formError,
  submitLabel,
  busy,
  disabled = false,
}: {
  values: RequirementFormValues;
  partnerships: { id: string; name: string }[];
  errorsOf: (name: string) => string[] | undefined;
  formError: string | null;
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation(["training", "common"]);
  return (
    <Form method="post" className="space-y-5">
      <FormError message={formError} />
      {values.lockVersion !== undefined ? (
        <>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="lockVersion" value={values.lockVersion} />
        </>
      ) : null}
      <fieldset disabled={disabled} className="space-y-5">
        <SelectField id="topic" name="topic" label={t("training:fields.topic")} defaultValue={values.topic} errors={errorsOf("topic")} required>
          {TRAINING_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`training:topics.${topic}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="title" name="title" label={t("training:fields.title")} hint={t("training:client.form.titleHint")} defaultValue={values.title} maxLength={TITLE_MAX} errors={errorsOf("title")} />
        <TextAreaField
          id="description"
          name="description"
          rows={3}
          label={t("training:fields.description")}
          defaultValue={values.description ?? ""}
          maxLength={DESCRIPTION_MAX}
          errors={errorsOf("description")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="frequencyMonths"
            name="frequencyMonths"
            type="number"
            min={1}
            max={60}
            step={1}
            label={t("training:fields.frequencyMonths")}
            hint={t("training:client.form.frequencyHint")}
            defaultValue={values.frequencyMonths}
            errors={errorsOf("frequencyMonths")}
            required
          />
          <TextField
            id="minimumCoveragePercent"
            name="minimumCoveragePercent"
            type="number"
            min={0}
            max={100}
            step={1}
            label={t("training:fields.minimumCoveragePercent")}
            hint={t("training:client.form.minimumHint")}
            defaultValue={values.minimumCoveragePercent}
            errors={errorsOf("minimumCoveragePercent")}
            required
          />
        </div>
        <div>
          <CheckboxGroup
            name="appliesToRoles"
            legend={t("training:fields.appliesToRoles")}
            options={TRAINING_ROLES.map((role) => ({ value: role, label: t(`training:roles.${role}`) }))}
            defaultValue={values.appliesToRoles}
            errors={errorsOf("appliesToRoles")}
          />
          <p className="mt-1 text-xs text-slate-500">{t("training:client.form.rolesHint")}</p>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("training:fields.scope")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="all" defaultChecked={values.appliesToPartnershipIds === null} />
            {t("training:fields.scopeAll")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="selected" defaultChecked={values.appliesToPartnershipIds !== null} />
            {t("training:fields.scopeSelected")}
          </label>
          {partnerships.length ? (
            <div className="pl-6">
              <CheckboxGroup
                name="partnershipIds"
                legend={t("training:fields.partnerships")}
                options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
                defaultValue={values.appliesToPartnershipIds ?? []}
                errors={errorsOf("partnershipIds")}
              />
            </div>
          ) : (
            <p className="pl-6 text-sm text-slate-600">{t("training:client.form.noPartners")}</p>
          )}
        </fieldset>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="namesRequired" defaultChecked={values.namesRequired} aria-describedby="namesRequired-hint" />
            {t("training:fields.namesRequired")}
          </label>
          <p id="namesRequired-hint" className="text-xs text-slate-500">
            {t("training:client.form.namesHint")}
          </p>
        </div>
        <Button disabled={busy}>{submitLabel}</Button>
      </fieldset>
    </Form>
  );
}
