import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isUuid, requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { EvidenceDetail, EvidenceHeaderActions } from "~/components/evidence/evidence-detail";
import { EvidenceDateFields, EvidenceIdentityFields } from "~/components/evidence/metadata-fields";
import { EvidenceUploadForm } from "~/components/evidence/upload-form";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Card, FormError, PageHeader } from "~/components/ui/layout";
import { editEvidenceSchema } from "~/domain/evidence/evidence-form";
import { vendorEvidenceDetail } from "~/domain/evidence/evidence-views.server";
import { setEvidenceArchived, shareEvidence, editEvidence } from "~/domain/evidence/manage-evidence.server";
import { uploadLimitBytes } from "~/domain/evidence/upload-evidence.server";
import { runEvidenceUpload } from "~/domain/evidence/upload-outcome.server";
import { sideBase } from "~/domain/orgs/navigation";
import { todayInDisplayZone } from "~/utils/dates";
import { domainErrorResponse, notFound, readForm, requestMeta, throwAsResponse } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.evidence.title} · Compliance Portal` : "Compliance Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "evidence.view");
  if (!isUuid(params.evidenceId)) notFound();
  const evidence = await vendorEvidenceDetail(actor, params.evidenceId).catch(throwAsResponse);
  const base = sideBase("vendor", actor.organizationId);
  return {
    base,
    fileUrl: `${base}/evidence/${evidence.id}/file`,
    today: todayInDisplayZone(),
    evidence,
    limitBytes: uploadLimitBytes(),
    canUpload: can(actor, "evidence.upload") && !evidence.archived,
    canManage: can(actor, "evidence.manage"),
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("edit") }).merge(editEvidenceSchema),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("restore") }),
  z.object({ intent: z.literal("share"), partnershipId: z.string().uuid("validation.invalidChoice") }),
  z.object({ intent: z.literal("unshare"), partnershipId: z.string().uuid("validation.invalidChoice") }),
]);

/**
 * A new version (multipart; needs evidence.upload), or edit / archive / restore / share /
 * unshare (evidence.manage).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const isMultipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const { actor } = await requireActor(request, params.orgId, "vendor", isMultipart ? "evidence.upload" : "evidence.manage");
  if (!isUuid(params.evidenceId)) notFound();
  const evidenceId = params.evidenceId;
  const meta = requestMeta(request, context);
  const here = `${sideBase("vendor", actor.organizationId)}/evidence/${evidenceId}`;
  if (isMultipart) {
    const { status, outcome } = await runEvidenceUpload({ actor, meta, request, evidenceId, nextUrl: () => `${here}?notice=version` });
    return outcome.ok && outcome.url ? redirect(outcome.url) : json({ ...outcome, intent: "version" as const }, { status });
  }
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    return json({ ok: false as const, intent: "form" as const, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> }, { status: 422 });
  }
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "edit":
        await editEvidence({ actor, meta, evidenceId, title: input.title, kind: input.kind });
        break;
      case "archive":
      case "restore":
        await setEvidenceArchived({ actor, meta, evidenceId, archived: input.intent === "archive" });
        break;
      case "share":
      case "unshare":
        await shareEvidence({ actor, meta, evidenceId, partnershipId: input.partnershipId, share: input.intent === "share" });
        break;
    }
  } catch (error) {
    return domainErrorResponse(error);
  }
  return redirect(`${here}?notice=${input.intent}`);
}

export default function VendorEvidenceDetail() {
  const { base, fileUrl, today, evidence, limitBytes, canUpload, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const { t } = useTranslation("evidence");
  const sharedWith = new Set(evidence.links.filter((l) => l.targetType === "partnership").map((l) => l.partnershipId));
  const shareable = evidence.clients.filter((c) => !sharedWith.has(c.partnershipId));
  const isVersionAnswer = !!actionData && "intent" in actionData && actionData.intent === "version";
  const formError = actionData && "formError" in actionData && actionData.formError ? t(actionData.formError.key, actionData.formError.params) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 underline" to={`${base}/evidence`}>
          {t("detail.back")}
        </Link>
      </p>
      <PageHeader
        title={evidence.title}
        description={t(`kinds.${evidence.kind}`)}
        actions={<EvidenceHeaderActions validUntil={evidence.current.validUntil} today={today} fileUrl={fileUrl} archived={evidence.archived} />}
      />
      {!isVersionAnswer ? <FormError message={formError} /> : null}
      <EvidenceDetail evidence={evidence} fileUrl={fileUrl} base={base} today={today} side="vendor" canUnshare={canManage}>
        {canManage && !evidence.archived ? (
          <Card title={t("detail.share")}>
            <p className="mb-3 text-sm text-slate-600">{t("detail.shareIntro")}</p>
            {shareable.length > 0 ? (
              <Form method="post" className="flex items-end gap-2">
                <input type="hidden" name="intent" value="share" />
                <div className="flex-1">
                  <SelectField id="share-partnership" name="partnershipId" label={t("detail.shareWith")}>
                    {shareable.map((c) => (
                      <option key={c.partnershipId} value={c.partnershipId}>
                        {c.clientName}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <Button type="submit" variant="secondary">
                  {t("detail.shareSubmit")}
                </Button>
              </Form>
            ) : (
              <p className="text-sm text-slate-500">{t("detail.sharedWithAll")}</p>
            )}
          </Card>
        ) : null}
        {canUpload ? (
          <Card title={t("detail.newVersion")}>
            <EvidenceUploadForm
              uploadUrl={`${base}/evidence/upload?evidenceId=${evidence.id}`}
              limitBytes={limitBytes}
              submitLabel={t("detail.newVersionSubmit")}
              actionErrors={isVersionAnswer ? actionData : null}
              onUploaded={() => revalidator.revalidate()}
            >
              <EvidenceDateFields />
            </EvidenceUploadForm>
          </Card>
        ) : null}
        {canManage ? (
          <Card title={t("detail.manage")}>
            {!evidence.archived ? (
              <Form method="post" className="mb-4 space-y-3">
                <input type="hidden" name="intent" value="edit" />
                <EvidenceIdentityFields defaults={{ title: evidence.title, kind: evidence.kind }} />
                <Button type="submit" variant="secondary">
                  {t("detail.save")}
                </Button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value={evidence.archived ? "restore" : "archive"} />
              <Button type="submit" variant={evidence.archived ? "secondary" : "danger"}>
                {evidence.archived ? t("detail.restore") : t("detail.archive")}
              </Button>
              {!evidence.archived ? <p className="mt-2 text-xs text-slate-500">{t("detail.archiveHint")}</p> : null}
            </Form>
          </Card>
        ) : null}
      </EvidenceDetail>
    </>
  );
}
