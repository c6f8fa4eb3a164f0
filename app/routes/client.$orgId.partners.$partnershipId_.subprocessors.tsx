import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, requireActor } from "~/auth/guards.server";
import { CommentField, PendingEntry, RegisterTable, SubmitButton, type FieldErrors, type RegisterEntry } from "~/components/subprocessors/register";
import { Card, EmptyState, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { decideSchema } from "~/domain/subprocessors/register";
import { decideSubprocessor, getRegisterResource, getRegisterView } from "~/domain/subprocessors/register.server";
import { formatCalendarDate } from "~/utils/dates";
import { appUrl, domainErrorResponse, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

const notices = ["approved", "objected"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.register.partnership.vendorDisplayName} · Compliance Portal` : "Compliance Portal" },
];

/** After a conflict (409) reload, so the page shows the decision someone else already took. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

/** The client's view of one partner's sub-processors: proposals awaiting a decision first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "subprocessor.view");
  const register = await getRegisterView(actor, params.partnershipId).catch(throwAsResponse);
  const { clientOrgId, vendorOrgId, ...partnership } = register.partnership;
  assertCan(actor, "subprocessor.view", { type: "partnership", clientOrgId, vendorOrgId });
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    register: { ...register, partnership },
    notice: notices.find((n) => n === notice) ?? null,
  };
}

/** Intents "approve" and "object" (with a reason), on or before the objection deadline. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "subprocessor.decide");
  const form = await readForm(request);
  try {
    const resource = await getRegisterResource(actor, params.partnershipId);
    assertCan(actor, "subprocessor.decide", resource);
    const partnershipId = params.partnershipId!;
    const submission = parseWithZod(form, { schema: decideSchema });
    if (submission.status !== "success") {
      if (form.get("intent") !== "approve" && form.get("intent") !== "object") {
        throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
      }
      return { ok: false as const, id: String(form.get("subprocessorId") ?? ""), result: submission.reply() };
    }
    const { intent, subprocessorId, lockVersion, comment } = submission.value;
    await decideSubprocessor({
      actor,
      meta: requestMeta(request, context),
      partnershipId,
      appUrl: appUrl(request),
      subprocessorId,
      lockVersion,
      decision: intent,
      comment: comment || null,
    });
    const here = `${sideBase(actor.organizationKind, actor.organizationId)}/partners/${partnershipId}/subprocessors`;
    return redirect(`${here}?notice=${intent === "approve" ? "approved" : "objected"}`);
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function ClientSubprocessors() {
  const { base, register, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["subprocessors", "common"]);
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const errorsFor = (id: string): FieldErrors => (actionData && "result" in actionData && actionData.id === id ? actionData.result.error : undefined);
  const pending = register.entries.filter((e) => e.status === "proposed");
  const rest = register.entries.filter((e) => e.status !== "proposed");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/partners/${register.partnership.id}`} className="text-brand-700 underline">
          {t("subprocessors:backToPartnership", { name: register.partnership.vendorDisplayName })}
        </Link>
      </p>
      <PageHeader title={t("subprocessors:title")} description={t("subprocessors:client.intro", { vendor: register.partnership.vendorDisplayName })} />
      <div className="space-y-4">
        {notice ? <Notice>{t(`subprocessors:notices.${notice}`)}</Notice> : null}
        <FormError
          message={
            formError
              ? t(formError.key, { ...formError.params, deadline: formatCalendarDate(String(formError.params?.deadline ?? ""), i18n.language) })
              : null
          }
        />
        <p className="text-sm text-slate-600">
          {t(register.isNoticeFromAgreement ? "subprocessors:notice.fromAgreement" : "subprocessors:notice.default", { count: register.noticeDays })}
        </p>

        <h2 className="text-lg font-semibold text-slate-900">{t("subprocessors:client.pendingTitle", { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="text-sm text-slate-600">{t("subprocessors:client.noPending")}</p> : null}
        {pending.map((entry) => (
          <PendingEntry key={entry.id} entry={entry}>
            {entry.canDecide ? <DecisionForm entry={entry} fieldErrors={errorsFor(entry.id)} /> : null}
          </PendingEntry>
        ))}

        <Card title={t("subprocessors:register.title")}>
          {rest.length === 0 ? <EmptyState title={t("subprocessors:register.empty")} /> : <RegisterTable entries={rest} />}
        </Card>
      </div>
    </>
  );
}

function DecisionForm({ entry, fieldErrors }: { entry: RegisterEntry; fieldErrors: FieldErrors }) {
  const { t } = useTranslation("subprocessors");
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="subprocessorId" value={entry.id} />
      <input type="hidden" name="lockVersion" value={entry.lockVersion} />
      <CommentField id={`decide-${entry.id}`} label={t("client.comment")} hint={t("client.commentHint")} fieldErrors={fieldErrors} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="approve">
          {t("client.approve")}
        </SubmitButton>
        <SubmitButton name="intent" value="object" variant="danger">
          {t("client.object")}
        </SubmitButton>
      </div>
    </Form>
  );
}
