import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/auth/guards.server";
import { PartnershipRegisterFields, type RegisterFields } from "~/components/partnership-register-fields";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Card, FormError, PageHeader } from "~/components/ui/layout";
import { isDomainError } from "~/domain/errors";
import { invitePartner } from "~/domain/orgs/invite-partner.server";
import { sideBase } from "~/domain/orgs/navigation";
import { PARTNER_INVITATION_DAYS } from "~/domain/orgs/partner-invitation";
import { invitePartnerSchema } from "~/domain/orgs/partnership-form";
import { supportedLocales } from "~/i18n/config";
import { appUrl, domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

const schema = invitePartnerSchema;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "partnership.invite");
  return { base: sideBase(actor.organizationKind, actor.organizationId) };
}

/** Registers a contact center and e-mails the invitation to its contact person. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, session, organizationName } = await requireActor(request, params.orgId, "client", "partnership.invite");
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  try {
    const { partnershipId } = await invitePartner({
      actor,
      clientName: organizationName,
      inviterName: session.user.name,
      appUrl: appUrl(request),
      meta: requestMeta(request, context),
      values: submission.value,
    });
    return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/partners/${partnershipId}?notice=invited`);
  } catch (error) {
    if (!isDomainError(error) || error.code === "not_found" || error.code === "forbidden") return domainErrorResponse(error);
    // Keep what was typed: the refusal is shown above the form, the fields stay filled.
    return json({ ok: false as const, result: submission.reply({ formErrors: [error.messageKey] }) }, { status: 422 });
  }
}

export default function InvitePartner() {
  const { base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["orgs", "common"]);
  const [form, fields] = useForm({
    id: "invite-partner",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    defaultValue: { locale: i18n.language === "en" ? "en" : "nl" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <>
      <PageHeader title={t("orgs:invite.title")} description={t("orgs:invite.intro", { days: PARTNER_INVITATION_DAYS })} />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormError message={formError ? t(formError.key, formError.params) : form.errors?.map((e) => t(e)).join(" ")} />
        <Card title={t("orgs:invite.contactTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("orgs:fields.email")}
              hint={t("orgs:hints.email")}
              errors={fields.email.errors}
              autoComplete="off"
              {...getInputProps(fields.email, { type: "email" })}
              key={fields.email.key}
            />
            <SelectField label={t("orgs:fields.locale")} hint={t("orgs:hints.locale")} errors={fields.locale.errors} {...getSelectProps(fields.locale)} key={fields.locale.key}>
              {supportedLocales.map((l) => (
                <option key={l} value={l}>
                  {t(`orgs:locales.${l}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </Card>
        <Card title={t("orgs:invite.registerTitle")}>
          <PartnershipRegisterFields fields={fields as unknown as RegisterFields} />
        </Card>
        <div className="flex flex-wrap items-center gap-3">
          <Button disabled={navigation.state === "submitting"}>{t("orgs:invite.submit")}</Button>
          <Link to={`${base}/partners`} className="text-sm text-brand-700 underline">
            {t("common:actions.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
