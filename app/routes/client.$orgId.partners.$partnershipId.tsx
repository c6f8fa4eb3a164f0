import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertCan, requireActor } from "~/auth/guards.server";
import { can, type Action } from "~/auth/policy";
import { StatusBadge, TierBadge } from "~/components/partnership-badges";
import { PartnershipFacts } from "~/components/partnership-facts";
import { PartnershipRegisterFields, type RegisterFields } from "~/components/partnership-register-fields";
import { QuestionnaireCadences } from "~/components/questionnaire-cadences";
import { AgreementsLink } from "~/components/agreements/partnership-link";
import { PartnershipEvidence } from "~/components/evidence/partnership-evidence";
import { partnershipEvidence } from "~/domain/evidence/partnership-evidence.server";
import { SubprocessorsLink } from "~/components/subprocessors/partnership-link";
import { TrainingLink } from "~/components/training/partnership-link";
import { countPendingSubprocessors } from "~/domain/subprocessors/register.server";
import { Button } from "~/components/ui/button";
import { Badge, Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { changePartnershipStatus } from "~/domain/orgs/change-partnership-status.server";
import { sideBase } from "~/domain/orgs/navigation";
import { PARTNER_INVITATION_DAYS } from "~/domain/orgs/partner-invitation";
import { getClientPartnershipResource, getClientPartnershipView } from "~/domain/orgs/partnership-detail.server";
import { updatePartnershipSchema } from "~/domain/orgs/partnership-form";
import { partnershipStatuses } from "~/domain/orgs/partnership-status";
import { resendPartnerInvitation } from "~/domain/orgs/resend-partner-invitation.server";
import { revokePartnerInvitation } from "~/domain/orgs/revoke-partner-invitation.server";
import { updatePartnership } from "~/domain/orgs/update-partnership.server";
import { suggestedIntervalMonths } from "~/domain/questionnaires/requests/cadence";
import { findCadencesForPartnership, findCadenceTemplateOptions, setCadence, stopCadence } from "~/domain/questionnaires/requests/cadences.server";
import { formatDateTime, todayInDisplayZone } from "~/utils/dates";
import { appUrl, domainErrorResponse, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

const notices = ["invited", "saved", "unchanged", "status", "resent", "revoked"] as const;

const cadenceNotices = ["set", "stopped"] as const;

const cadenceSetSchema = z.object({
  intent: z.literal("cadence_set"),
  templateId: z.string({ required_error: "validation.required" }).uuid("validation.invalidChoice"),
  intervalMonths: z.number({ required_error: "validation.required", invalid_type_error: "validation.number" }).int("validation.number"),
  dueInDays: z.number({ required_error: "validation.required", invalid_type_error: "validation.number" }).int("validation.number"),
});

const cadenceStopSchema = z.object({
  intent: z.literal("cadence_stop"),
  cadenceId: z.string().uuid(),
});

const statusSchema = z.object({
  intent: z.literal("status"),
  version: z.number({ required_error: "validation.required", invalid_type_error: "validation.number" }).int().min(1),
  status: z.enum(partnershipStatuses, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.partnership.vendorDisplayName} · Compliance Portal` : "Compliance Portal" },
];

/**
 * After a version conflict (409) reload the partnership, which a 4xx answer would not do by
 * default: the edit form then starts again from what is stored now, as its message says.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "partnership.view");
  const view = await getClientPartnershipView(actor, params.partnershipId).catch(throwAsResponse);
  // The organization ids decide visibility here and do not go to the page.
  const { clientOrgId, vendorOrgId, ...partnership } = view.partnership;
  assertCan(actor, "partnership.view", { type: "partnership", clientOrgId, vendorOrgId });
  const searchParams = new URL(request.url).searchParams;
  const notice = searchParams.get("notice");
  const cadenceNotice = searchParams.get("cadence");
  const mayViewCadences = can(actor, "questionnaire.view");
  const canManageCadences = can(actor, "questionnaire.send");
  const [cadences, cadenceTemplates] = await Promise.all([
    mayViewCadences ? findCadencesForPartnership(actor, partnership.id) : [],
    canManageCadences ? findCadenceTemplateOptions(actor) : [],
  ]);
  const subprocessorsPending = await countPendingSubprocessors(actor, partnership.id);
  const evidence = can(actor, "evidence.view") ? await partnershipEvidence(partnership.id, "client") : [];
  return {
    ...view,
    cadence: {
      isVisible: mayViewCadences,
      canManage: canManageCadences,
      cadences,
      templateOptions: cadenceTemplates,
      suggestedMonths: suggestedIntervalMonths(partnership.riskTier),
      notice: cadenceNotices.find((n) => n === cadenceNotice) ?? null,
    },
    partnership,
    subprocessorsPending,
    evidence,
    today: todayInDisplayZone(),
    base: sideBase(actor.organizationKind, actor.organizationId),
    canEdit: can(actor, "partnership.edit"),
    canInvite: can(actor, "partnership.invite"),
    notice: notices.find((n) => n === notice) ?? null,
  };
}

/**
 * Edits of the register (intent "update", with the version the editor saw), status changes,
 * and resending or revoking the invitation. The right needed depends on the intent; it is
 * checked before anything is parsed.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, session, organizationName } = await requireActor(request, params.orgId, "client", "partnership.view");
  const form = await readForm(request);
  const intent = form.get("intent");
  const needed: Action =
    intent === "resend" || intent === "revoke"
      ? "partnership.invite"
      : intent === "cadence_set" || intent === "cadence_stop"
        ? "questionnaire.send"
        : "partnership.edit";
  assertCan(actor, needed);
  const meta = requestMeta(request, context);
  try {
    // Another client's partnership answers 404, whatever was posted.
    const partnership = await getClientPartnershipResource(actor, params.partnershipId);
    assertCan(actor, needed, partnership);
    const partnershipId = partnership.id;
    const here = `${sideBase(actor.organizationKind, actor.organizationId)}/partners/${partnershipId}`;
    switch (intent) {
      case "update": {
        const submission = parseWithZod(form, { schema: updatePartnershipSchema });
        if (submission.status !== "success") return { ok: false as const, intent: "update" as const, result: submission.reply() };
        const { version, ...values } = submission.value;
        const { changedFields } = await updatePartnership({ actor, partnershipId, version, values, meta });
        return redirect(`${here}?notice=${changedFields.length ? "saved" : "unchanged"}`);
      }
      case "status": {
        const submission = parseWithZod(form, { schema: statusSchema });
        if (submission.status !== "success") return { ok: false as const, intent: "status" as const, result: submission.reply() };
        await changePartnershipStatus({ actor, partnershipId, version: submission.value.version, status: submission.value.status, meta });
        return redirect(`${here}?notice=status`);
      }
      case "resend":
        await resendPartnerInvitation({
          actor,
          partnershipId,
          clientName: organizationName,
          inviterName: session.user.name,
          appUrl: appUrl(request),
          meta,
        });
        return redirect(`${here}?notice=resent`);
      case "revoke":
        await revokePartnerInvitation({ actor, partnershipId, meta });
        return redirect(`${here}?notice=revoked`);
      case "cadence_set": {
        const submission = parseWithZod(form, { schema: cadenceSetSchema });
        if (submission.status !== "success") return { ok: false as const, intent: "cadence_set" as const, result: submission.reply() };
        const { templateId, intervalMonths, dueInDays } = submission.value;
        await setCadence({ actor, meta, partnershipId, templateId, intervalMonths, dueInDays });
        return redirect(`${here}?cadence=set`);
      }
      case "cadence_stop": {
        const submission = parseWithZod(form, { schema: cadenceStopSchema });
        if (submission.status !== "success") throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
        await stopCadence({ actor, meta, partnershipId, cadenceId: submission.value.cadenceId });
        return redirect(`${here}?cadence=stopped`);
      }
      default:
        throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function PartnershipDetail() {
  const { partnership, invitation, base, canEdit, canInvite, notice, cadence, subprocessorsPending, evidence, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["orgs", "common"]);
  const locale = i18n.language;
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const isInvited = partnership.status === "invited";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/partners`} className="text-brand-700 underline">
          {t("orgs:partnership.backToRegister")}
        </Link>
      </p>
      <PageHeader
        title={partnership.vendorDisplayName}
        description={
          partnership.vendorName
            ? t("orgs:partnership.linkedTo", { name: partnership.vendorName })
            : t("orgs:partnership.notLinked")
        }
        actions={
          <div className="flex items-center gap-2">
            <TierBadge tier={partnership.riskTier} />
            <StatusBadge status={partnership.status} />
          </div>
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`orgs:partnership.notices.${notice}`)}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />

        <Card title={t("orgs:partnership.registerTitle")}>
          <PartnershipFacts facts={partnership} />
          {partnership.suggestedTier !== partnership.riskTier ? (
            <p className="mt-3 text-sm text-slate-600">
              {t("orgs:partnership.tierDiffers", { tier: t(`orgs:tier.label.${partnership.suggestedTier}`) })}
            </p>
          ) : null}
          <p className="mt-3 text-xs text-slate-500">
            {t("orgs:partnership.lastChanged", { date: formatDateTime(partnership.updatedAt, locale) })}
          </p>
        </Card>

        {invitation && (isInvited || invitation.state === "accepted") ? (
          <Card title={t("orgs:invitation.title")}>
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-600">{t("orgs:fields.email")}</dt>
              <dd>{invitation.email}</dd>
              <dt className="text-slate-600">{t("orgs:fields.locale")}</dt>
              <dd>{t(`orgs:locales.${invitation.locale}`)}</dd>
              <dt className="text-slate-600">{t("orgs:invitation.sentAt")}</dt>
              <dd>{formatDateTime(invitation.sentAt, locale)}</dd>
              <dt className="text-slate-600">{t("orgs:invitation.expiresAt")}</dt>
              <dd>{formatDateTime(invitation.expiresAt, locale)}</dd>
              <dt className="text-slate-600">{t("orgs:invitation.state")}</dt>
              <dd>
                <Badge tone={invitation.state === "pending" ? "blue" : invitation.state === "accepted" ? "green" : "amber"}>
                  {t(`orgs:invitation.states.${invitation.state}`)}
                </Badge>
              </dd>
            </dl>
            {canInvite && isInvited ? (
              <div className="mt-4 flex flex-wrap gap-3">
                <Form method="post">
                  <input type="hidden" name="intent" value="resend" />
                  <Button variant="secondary">{t("orgs:invitation.resend")}</Button>
                </Form>
                {invitation.state === "pending" || invitation.state === "expired" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <Button variant="danger">{t("orgs:invitation.revoke")}</Button>
                  </Form>
                ) : null}
              </div>
            ) : null}
            {isInvited ? <p className="mt-3 text-xs text-slate-500">{t("orgs:invitation.resendHelp", { days: PARTNER_INVITATION_DAYS })}</p> : null}
          </Card>
        ) : null}

        {canEdit && partnership.nextStatuses.length > 0 ? (
          <Card title={t("orgs:partnership.statusTitle")}>
            <p className="mb-3 text-sm text-slate-600">{t(`orgs:partnership.statusHelp.${partnership.status}`)}</p>
            <Form method="post" className="flex flex-wrap gap-3">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="version" value={partnership.version} />
              {partnership.nextStatuses.map((status) => (
                <Button key={status} name="status" value={status} variant={status === "ended" ? "danger" : "secondary"}>
                  {t(`orgs:partnership.statusActions.${status}`)}
                </Button>
              ))}
            </Form>
          </Card>
        ) : null}

        {cadence.isVisible ? (
          <QuestionnaireCadences
            cadences={cadence.cadences}
            templateOptions={cadence.templateOptions}
            riskTier={partnership.riskTier}
            suggestedMonths={cadence.suggestedMonths}
            canManage={cadence.canManage}
            isPartnershipActive={partnership.status === "active"}
            notice={cadence.notice}
            fieldErrors={actionData && "result" in actionData && actionData.intent === "cadence_set" ? actionData.result.error : undefined}
          />
        ) : null}

        <PartnershipEvidence items={evidence} base={base} today={today} side="client" />
        <SubprocessorsLink to={`${base}/partners/${partnership.id}/subprocessors`} pending={subprocessorsPending} />
        <AgreementsLink to={`${base}/agreements`} />
        <TrainingLink to={`${base}/training`} />

        {canEdit && partnership.isEditable ? <EditRegister key={partnership.version} /> : null}
      </div>
    </>
  );
}

/** Keyed by version: after anyone's save the form starts again from what is stored now. */
function EditRegister() {
  const { partnership } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["orgs", "common"]);
  const [form, fields] = useForm({
    id: `edit-partnership-${partnership.version}`,
    lastResult: actionData && "result" in actionData && actionData.intent === "update" ? actionData.result : undefined,
    constraint: getZodConstraint(updatePartnershipSchema),
    defaultValue: {
      vendorDisplayName: partnership.vendorDisplayName,
      services: partnership.services,
      dataCategories: partnership.dataCategories,
      sites: partnership.sites,
      extraCountries: partnership.extraCountries.join(" "),
      agentHeadcount: partnership.agentHeadcount === null ? "" : String(partnership.agentHeadcount),
      contractStart: partnership.contractStart ?? "",
      contractEnd: partnership.contractEnd ?? "",
      riskTier: String(partnership.riskTier),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updatePartnershipSchema }),
  });
  return (
    <Card title={t("orgs:partnership.editTitle")}>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={partnership.version} />
        {/* Form-level refusals, and a missing or malformed version (a hidden field has no place of its own). */}
        <FormError message={[...(form.errors ?? []), ...(fields.version.errors ?? [])].map((e) => t(e.includes(":") ? e : `common:${e}`)).join(" ")} />
        <PartnershipRegisterFields fields={fields as unknown as RegisterFields} />
        <Button disabled={navigation.state === "submitting"}>{t("common:actions.save")}</Button>
      </Form>
    </Card>
  );
}
