import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { localized } from "~/components/questionnaire-status";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Card, EmptyState, FormError, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { sendSchema } from "~/domain/questionnaires/requests/request-forms";
import { getSendOptions } from "~/domain/questionnaires/requests/request-views.server";
import { MESSAGE_MAX, todayInAmsterdam } from "~/domain/questionnaires/requests/request-rules";
import { sendQuestionnaire } from "~/domain/questionnaires/requests/send-questionnaire.server";
import { appUrl, domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The send form: a published version (own or library), active partnerships, due date, message. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "questionnaire.send");
  const options = await getSendOptions(actor);
  return { ...options, base: sideBase(actor.organizationKind, actor.organizationId), today: todayInAmsterdam() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "client", "questionnaire.send");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: sendSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  try {
    const { requestIds } = await sendQuestionnaire({
      actor,
      clientName: organizationName,
      appUrl: appUrl(request),
      meta: requestMeta(request, context),
      templateVersionId: submission.value.templateVersionId,
      partnershipIds: submission.value.partnershipIds,
      dueDate: submission.value.dueDate,
      message: submission.value.message ?? null,
    });
    return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/questionnaires?sent=${requestIds.length}`);
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function SendQuestionnaire() {
  const { versions, partnerships, base, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["requests", "common"]);
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const fieldErrors = actionData && "result" in actionData ? (actionData.result.error ?? {}) : {};
  const errorsOf = (name: string) => fieldErrors[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/questionnaires`} className="text-brand-700 underline">
          {t("requests:client.send.back")}
        </Link>
      </p>
      <PageHeader title={t("requests:client.send.title")} description={t("requests:client.send.intro")} />
      {versions.length === 0 || partnerships.length === 0 ? (
        <EmptyState title={t("requests:client.send.unavailable.title")}>
          <p>{versions.length === 0 ? t("requests:client.send.unavailable.noVersions") : t("requests:client.send.unavailable.noPartners")}</p>
        </EmptyState>
      ) : (
        <Card>
          <Form method="post" className="space-y-5">
            <FormError message={formError ? t(formError.key, formError.params) : null} />
            <SelectField id="templateVersionId" name="templateVersionId" label={t("requests:fields.template")} errors={errorsOf("templateVersionId")} required>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("requests:client.send.versionOption", {
                    title: localized(v.title, i18n.language),
                    version: v.version,
                    origin: v.isLibrary ? t("requests:client.send.library") : t("requests:client.send.own"),
                  })}
                </option>
              ))}
            </SelectField>
            <CheckboxGroup
              name="partnershipIds"
              legend={t("requests:client.send.partners")}
              options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
              errors={errorsOf("partnershipIds")}
            />
            <TextField id="dueDate" name="dueDate" type="date" min={today} label={t("requests:fields.dueDate")} errors={errorsOf("dueDate")} required />
            <TextAreaField
              id="message"
              name="message"
              rows={4}
              maxLength={MESSAGE_MAX}
              label={t("requests:fields.message")}
              hint={t("requests:client.send.messageHint", { max: MESSAGE_MAX })}
              errors={errorsOf("message")}
            />
            <Button disabled={navigation.state === "submitting"}>{t("requests:client.send.submit")}</Button>
          </Form>
        </Card>
      )}
    </>
  );
}
