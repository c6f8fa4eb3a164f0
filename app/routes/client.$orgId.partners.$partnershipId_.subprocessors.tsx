import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, requireActor } from "~/auth/guards.server";
import { CommentField, SubmitButton, type FieldErrors, type RegisterEntry } from "~/components/subprocessors/register";
import { RegisterPage } from "~/components/subprocessors/register-page";
import { sideBase } from "~/domain/orgs/navigation";
import { decideSchema } from "~/domain/subprocessors/register";
import { decideSubprocessor, getRegisterResource, getRegisterView } from "~/domain/subprocessors/register.server";
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
  const errorsFor = (id: string): FieldErrors => (actionData && "result" in actionData && actionData.id === id ? actionData.result.error : undefined);
  return (
    <RegisterPage
      side="client"
      backTo={`${base}/partners/${register.partnership.id}`}
      partnerName={register.partnership.vendorDisplayName}
      notice={notice}
      formError={actionData && "formError" in actionData ? actionData.formError : null}
      register={register}
      pendingActions={(entry) => (entry.canDecide ? <DecisionForm entry={entry} fieldErrors={errorsFor(entry.id)} /> : null)}
    />
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
