import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Card, Notice } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import {
  CADENCE_DUE_IN_DAYS_DEFAULT,
  CADENCE_DUE_IN_DAYS_MAX,
  CADENCE_DUE_IN_DAYS_MIN,
  CADENCE_INTERVAL_MAX,
  CADENCE_INTERVAL_MIN,
} from "~/domain/questionnaires/requests/cadence";
import { formatCalendarDate } from "~/utils/dates";

type Title = { nl: string; en: string };

export interface CadenceRow {
  id: string;
  title: Title | null;
  intervalMonths: number;
  dueInDays: number;
  nextSendOn: string;
}

export interface CadenceTemplateOption {
  templateId: string;
  title: Title;
  version: number;
  isLibrary: boolean;
}

/**
 * The "Recurring questionnaires" card of a client's partnership: the running cadences and, for
 * those who may send questionnaires, a form to add one (intents "cadence_set", "cadence_stop").
 */
export function QuestionnaireCadences({
  cadences,
  templateOptions,
  riskTier,
  suggestedMonths,
  canManage,
  isPartnershipActive,
  notice,
  fieldErrors,
}: {
  cadences: CadenceRow[];
  templateOptions: CadenceTemplateOption[];
  riskTier: number;
  suggestedMonths: number;
  canManage: boolean;
  isPartnershipActive: boolean;
  notice: "set" | "stopped" | null;
  fieldErrors?: Record<string, string[] | null | undefined>;
}) {
  const { t, i18n } = useTranslation(["requests", "common"]);
  const navigation = useNavigation();
  const locale = i18n.language === "en" ? "en" : "nl";
  const busy = navigation.state === "submitting";
  const errorsOf = (name: string) => fieldErrors?.[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));

  return (
    <Card title={t("requests:cadence.title")}>
      <div className="space-y-4">
        {notice ? <Notice>{t(`requests:cadence.notices.${notice}`)}</Notice> : null}
        <p className="text-sm text-slate-600">{t("requests:cadence.intro")}</p>
        {cadences.length === 0 ? (
          <p className="text-sm text-slate-600">{t("requests:cadence.empty")}</p>
        ) : (
          <DataTable
            framed={false}
            caption={t("requests:cadence.title")}
            columns={[
              t("requests:cadence.columns.template"),
              t("requests:cadence.columns.interval"),
              t("requests:cadence.columns.nextSendOn"),
              t("requests:cadence.columns.dueInDays"),
              canManage ? <span className="sr-only">{t("requests:cadence.columns.actions")}</span> : null,
            ]}
          >
            {cadences.map((cadence) => (
              <tr key={cadence.id}>
                <td className="px-3 py-2">{cadence.title ? cadence.title[locale] : t("requests:cadence.noPublishedVersion")}</td>
                <td className="px-3 py-2">{t("requests:cadence.every", { count: cadence.intervalMonths })}</td>
                <td className="px-3 py-2">{formatCalendarDate(cadence.nextSendOn, locale)}</td>
                <td className="px-3 py-2">{t("requests:cadence.days", { count: cadence.dueInDays })}</td>
                <td className="px-3 py-2 text-right">
                  {canManage ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="cadence_stop" />
                      <input type="hidden" name="cadenceId" value={cadence.id} />
                      <Button variant="secondary" disabled={busy} aria-label={t("requests:cadence.stopLabel", { title: cadence.title?.[locale] ?? "" })}>
                        {t("requests:cadence.stop")}
                      </Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}

        {canManage && !isPartnershipActive ? <p className="text-sm text-slate-600">{t("requests:cadence.inactive")}</p> : null}
        {canManage && isPartnershipActive && templateOptions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("requests:cadence.noTemplates")}</p>
        ) : null}
        {canManage && isPartnershipActive && templateOptions.length > 0 ? (
          <Form method="post" className="space-y-4 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">{t("requests:cadence.addTitle")}</h3>
            <input type="hidden" name="intent" value="cadence_set" />
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField id="cadence-template" name="templateId" label={t("requests:cadence.fields.template")} required errors={errorsOf("templateId")} defaultValue="">
                <option value="" disabled>
                  {t("requests:cadence.fields.templatePlaceholder")}
                </option>
                {templateOptions.map((option) => (
                  <option key={option.templateId} value={option.templateId}>
                    {t("requests:cadence.templateOption", {
                      title: option.title[locale],
                      version: option.version,
                      context: option.isLibrary ? "library" : undefined,
                    })}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="cadence-interval"
                name="intervalMonths"
                type="number"
                inputMode="numeric"
                required
                min={CADENCE_INTERVAL_MIN}
                max={CADENCE_INTERVAL_MAX}
                step={1}
                defaultValue={String(suggestedMonths)}
                label={t("requests:cadence.fields.intervalMonths")}
                hint={t("requests:cadence.suggestion", { tier: riskTier, count: suggestedMonths })}
                errors={errorsOf("intervalMonths")}
              />
              <TextField
                id="cadence-due"
                name="dueInDays"
                type="number"
                inputMode="numeric"
                required
                min={CADENCE_DUE_IN_DAYS_MIN}
                max={CADENCE_DUE_IN_DAYS_MAX}
                step={1}
                defaultValue={String(CADENCE_DUE_IN_DAYS_DEFAULT)}
                label={t("requests:cadence.fields.dueInDays")}
                errors={errorsOf("dueInDays")}
              />
            </div>
            <p className="text-xs text-slate-500">{t("requests:cadence.help")}</p>
            <Button disabled={busy}>{t("requests:cadence.save")}</Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
