import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isUuid, requireActor } from "~/auth/guards.server";
import { fieldErrorsOf, formErrorOf } from "~/components/agreements/form-errors";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Card, EmptyState, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { MERGE_TEXT_MAX } from "~/domain/agreements/content";
import { sendSchema } from "~/domain/agreements/forms";
import { getSendOptions, sendAgreement } from "~/domain/agreements/send-agreement.server";
import { sideBase } from "~/domain/orgs/navigation";
import { isLocale } from "~/i18n/config";
import { appUrl, domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

const TEXT_FIELDS = ["services", "dataCategories", "dataSubjects", "purposes", "retention", "subprocessors", "countries", "securityAnnex"] as const;

/**
 * Two steps that work without JavaScript: a GET form picks partner, template version and
 * language; the values prefilled from the register (or the agreement being replaced) follow.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, session } = await requireActor(request, params.orgId, "client", "agreement.send");
  const url = new URL(request.url);
  const lang = url.searchParams.get("language");
  const language = isLocale(lang) ? lang : session.user.locale === "en" ? "en" : "nl";
  const partnershipId = url.searchParams.get("partnershipId");
  const supersedes = url.searchParams.get("supersedes");
  const templateVersionId = url.searchParams.get("templateVersionId");
  const options = await getSendOptions(actor, {
    language,
    partnershipId: isUuid(partnershipId) ? partnershipId : undefined,
    supersedesAgreementId: isUuid(supersedes) ? supersedes : undefined,
  });
  const selectedVersion = options.versions.find((v) => v.id === templateVersionId)?.id ?? options.versions[0]?.id ?? null;
  return {
    ...options,
    language,
    selectedPartnership: options.replacing?.partnershipId ?? (isUuid(partnershipId) ? partnershipId : null),
    selectedVersion,
    base: sideBase(actor.organizationKind, actor.organizationId),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "agreement.send");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: sendSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  try {
    const { agreementId } = await sendAgreement({ actor, clientName: organizationName, appUrl: appUrl(request), meta: requestMeta(request, context), form: submission.value });
    return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/agreements/${agreementId}?sent=1`);
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function SendAgreement() {
  const { partnerships, versions, defaults, replacing, language, selectedPartnership, selectedVersion, today, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["agreements", "common"]);
  const formError = formErrorOf(actionData);
  const errorsOf = fieldErrorsOf(actionData);
  const lang = i18n.language === "en" ? "en" : "nl";
  const unavailable = versions.length === 0 || partnerships.length === 0;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/agreements`} className="text-brand-700 underline">
          {t("agreements:send.back")}
        </Link>
      </p>
      <PageHeader title={replacing ? t("agreements:send.newVersionTitle") : t("agreements:send.title")} description={t("agreements:send.intro")} />
      {unavailable ? (
        <EmptyState title={t("agreements:send.unavailable.title")}>
          <p>{versions.length === 0 ? t("agreements:send.unavailable.noVersions") : t("agreements:send.unavailable.noPartners")}</p>
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {replacing ? <Notice>{t("agreements:send.replacing", { title: replacing.title })}</Notice> : null}
          <Card>
            <Form method="get" className="grid gap-4 sm:grid-cols-4 sm:items-end">
              {replacing ? <input type="hidden" name="supersedes" value={replacing.id} /> : null}
              <SelectField id="pick-partnership" name="partnershipId" label={t("agreements:send.partnership")} defaultValue={selectedPartnership ?? ""} disabled={Boolean(replacing)} required>
                <option value="">{t("agreements:send.choose")}</option>
                {partnerships.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <SelectField id="pick-version" name="templateVersionId" label={t("agreements:send.template")} defaultValue={selectedVersion ?? ""}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t("agreements:send.templateOption", { name: v.name[lang], version: v.version, origin: v.isLibrary ? t("agreements:send.library") : t("agreements:send.own") })}
                  </option>
                ))}
              </SelectField>
              <SelectField id="pick-language" name="language" label={t("agreements:send.language")} defaultValue={language}>
                <option value="nl">{t("agreements:languages.nl")}</option>
                <option value="en">{t("agreements:languages.en")}</option>
              </SelectField>
              <div>
                <Button variant="secondary">{t("agreements:send.next")}</Button>
              </div>
            </Form>
          </Card>
          {defaults && selectedPartnership && selectedVersion ? (
            <Card>
              <Form method="post" className="space-y-5" key={`${selectedPartnership}-${language}-${selectedVersion}`}>
                <FormError message={formError ? t(formError.key, formError.params) : null} />
                <input type="hidden" name="partnershipId" value={selectedPartnership} />
                <input type="hidden" name="templateVersionId" value={selectedVersion} />
                <input type="hidden" name="language" value={language} />
                {replacing ? <input type="hidden" name="supersedesAgreementId" value={replacing.id} /> : null}
                <fieldset className="space-y-4">
                  <legend className="text-base font-semibold text-slate-900">{t("agreements:send.terms")}</legend>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextField id="effectiveDate" name="effectiveDate" type="date" label={t("agreements:fields.effectiveDate")} defaultValue={defaults.effectiveDate} errors={errorsOf("effectiveDate")} required />
                    <TextField id="endDate" name="endDate" type="date" min={today} label={t("agreements:fields.endDate")} hint={t("agreements:fields.endDateHint")} defaultValue={defaults.endDate} errors={errorsOf("endDate")} />
                    <TextField id="breachNotificationHours" name="breachNotificationHours" type="number" min={1} max={720} label={t("agreements:fields.breachNotificationHours")} defaultValue={defaults.breachNotificationHours} errors={errorsOf("breachNotificationHours")} required />
                    <TextField id="subprocessorNoticeDays" name="subprocessorNoticeDays" type="number" min={0} max={365} label={t("agreements:fields.subprocessorNoticeDays")} defaultValue={defaults.subprocessorNoticeDays} errors={errorsOf("subprocessorNoticeDays")} required />
                  </div>
                </fieldset>
                <fieldset className="space-y-4">
                  <legend className="text-base font-semibold text-slate-900">{t("agreements:send.details")}</legend>
                  <p className="text-sm text-slate-600">{t("agreements:send.detailsHint")}</p>
                  {TEXT_FIELDS.map((name) => (
                    <TextAreaField key={name} id={name} name={name} rows={name === "securityAnnex" ? 5 : 2} maxLength={MERGE_TEXT_MAX} label={t(`agreements:fields.${name}`)} defaultValue={defaults[name]} errors={errorsOf(name)} />
                  ))}
                </fieldset>
                <Button disabled={navigation.state === "submitting"}>{t("agreements:send.submit")}</Button>
              </Form>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
