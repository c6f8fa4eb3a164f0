import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertCan, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { CommentField, EntryFields, SubmitButton, type FieldErrors, type RegisterEntry } from "~/components/subprocessors/register";
import { RegisterPage } from "~/components/subprocessors/register-page";
import { Card } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { closeSchema, editSchema, entryInput, proposeSchema } from "~/domain/subprocessors/register";
import { closeEntry, editProposal, getRegisterResource, getRegisterView, proposeSubprocessor } from "~/domain/subprocessors/register.server";
import { appUrl, domainErrorResponse, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

const notices = ["proposed", "edited", "unchanged", "withdrawn", "removed"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.register.partnership.clientName} · Compliance Portal` : "Compliance Portal" },
];

/** After a conflict (409) reload the register, so the page shows what is stored now. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

/** The vendor's register of sub-processors for one client; another vendor's partnership: 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "subprocessor.view");
  const register = await getRegisterView(actor, params.partnershipId).catch(throwAsResponse);
  const { clientOrgId, vendorOrgId, ...partnership } = register.partnership;
  assertCan(actor, "subprocessor.view", { type: "partnership", clientOrgId, vendorOrgId });
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    register: { ...register, partnership },
    canPropose: can(actor, "subprocessor.propose"),
    notice: notices.find((n) => n === notice) ?? null,
  };
}

/** Intents: "propose", "edit" (a pending proposal), "withdraw" (a proposal), "remove" (an approved entry). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "subprocessor.propose");
  const form = await readForm(request);
  const meta = requestMeta(request, context);
  try {
    const resource = await getRegisterResource(actor, params.partnershipId);
    assertCan(actor, "subprocessor.propose", resource);
    const partnershipId = params.partnershipId!;
    const here = `${sideBase(actor.organizationKind, actor.organizationId)}/clients/${partnershipId}/subprocessors`;
    const common = { actor, meta, partnershipId, appUrl: appUrl(request) };
    switch (form.get("intent")) {
      case "propose": {
        const submission = parseWithZod(form, { schema: proposeSchema });
        if (submission.status !== "success") return { ok: false as const, intent: "propose" as const, result: submission.reply() };
        await proposeSubprocessor({ ...common, values: entryInput(submission.value) });
        return redirect(`${here}?notice=proposed`);
      }
      case "edit": {
        const submission = parseWithZod(form, { schema: editSchema });
        if (submission.status !== "success") {
          return { ok: false as const, intent: "edit" as const, id: String(form.get("subprocessorId") ?? ""), result: submission.reply() };
        }
        const { subprocessorId, lockVersion } = submission.value;
        const { changed } = await editProposal({ ...common, subprocessorId, lockVersion, values: entryInput(submission.value) });
        return redirect(`${here}?notice=${changed.length ? "edited" : "unchanged"}`);
      }
      case "withdraw":
      case "remove": {
        const submission = parseWithZod(form, { schema: closeSchema });
        if (submission.status !== "success") {
          return { ok: false as const, intent: "close" as const, id: String(form.get("subprocessorId") ?? ""), result: submission.reply() };
        }
        const { intent, subprocessorId, lockVersion, comment } = submission.value;
        await closeEntry({ ...common, subprocessorId, lockVersion, kind: intent, comment: comment || null });
        return redirect(`${here}?notice=${intent === "withdraw" ? "withdrawn" : "removed"}`);
      }
      default:
        throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export default function VendorSubprocessors() {
  const { base, register, canPropose, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["subprocessors", "common"]);
  const errorsFor = (intent: string, id?: string): FieldErrors =>
    actionData && "result" in actionData && actionData.intent === intent && (!id || ("id" in actionData && actionData.id === id))
      ? actionData.result.error
      : undefined;
  const isActive = register.partnership.status === "active";

  return (
    <RegisterPage
      side="vendor"
      backTo={`${base}/clients/${register.partnership.id}`}
      partnerName={register.partnership.clientName}
      notice={notice}
      formError={actionData && "formError" in actionData ? actionData.formError : null}
      register={register}
      pendingActions={(entry) =>
        canPropose ? <VendorPendingActions entry={entry} editErrors={errorsFor("edit", entry.id)} closeErrors={errorsFor("close", entry.id)} /> : null
      }
      rowActions={canPropose ? (entry) => (entry.status === "approved" ? <RemoveForm entry={entry} fieldErrors={errorsFor("close", entry.id)} /> : null) : undefined}
      tableFooter={<p className="mt-3 text-xs text-slate-500">{t("subprocessors:vendor.approvedNotEditable")}</p>}
    >
      {canPropose && isActive ? (
        <Card title={t("subprocessors:vendor.proposeTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("subprocessors:vendor.proposeIntro", { count: register.noticeDays })}</p>
          <Form method="post" className="space-y-4">
            <input type="hidden" name="intent" value="propose" />
            <EntryFields idPrefix="propose" fieldErrors={errorsFor("propose")} />
            <SubmitButton>{t("subprocessors:vendor.propose")}</SubmitButton>
          </Form>
        </Card>
      ) : null}
      {canPropose && !isActive ? <p className="text-sm text-slate-600">{t("subprocessors:vendor.inactive")}</p> : null}
    </RegisterPage>
  );
}

function VendorPendingActions({ entry, editErrors, closeErrors }: { entry: RegisterEntry; editErrors: FieldErrors; closeErrors: FieldErrors }) {
  const { t } = useTranslation("subprocessors");
  return (
    <div className="space-y-4">
      <details open={Boolean(editErrors)}>
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t("vendor.editTitle")}</summary>
        <Form method="post" className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="subprocessorId" value={entry.id} />
          <input type="hidden" name="lockVersion" value={entry.lockVersion} />
          <EntryFields idPrefix={`edit-${entry.id}`} entry={entry} fieldErrors={editErrors} />
          <p className="text-xs text-slate-500">{t("vendor.editHelp")}</p>
          <SubmitButton variant="secondary">{t("vendor.saveEdit")}</SubmitButton>
        </Form>
      </details>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="subprocessorId" value={entry.id} />
        <input type="hidden" name="lockVersion" value={entry.lockVersion} />
        <CommentField id={`withdraw-${entry.id}`} label={t("vendor.withdrawComment")} fieldErrors={closeErrors} />
        <SubmitButton variant="danger">{t("vendor.withdraw")}</SubmitButton>
      </Form>
    </div>
  );
}

function RemoveForm({ entry, fieldErrors }: { entry: RegisterEntry; fieldErrors: FieldErrors }) {
  const { t } = useTranslation("subprocessors");
  return (
    <details className="text-left" open={Boolean(fieldErrors)}>
      <summary className="cursor-pointer text-sm text-brand-700 underline">{t("vendor.remove")}</summary>
      <Form method="post" className="mt-2 w-64 space-y-2">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="subprocessorId" value={entry.id} />
        <input type="hidden" name="lockVersion" value={entry.lockVersion} />
        <CommentField id={`remove-${entry.id}`} label={t("vendor.removeComment")} fieldErrors={fieldErrors} />
        <SubmitButton variant="danger">{t("vendor.removeConfirm", { name: entry.name })}</SubmitButton>
      </Form>
    </details>
  );
}
