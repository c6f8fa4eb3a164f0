import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "#db/client.server";
import { countEvidenceLinks, findVendorEvidence } from "#db/queries/evidence";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { ExpiryBadge } from "~/components/evidence/expiry-badge";
import { EvidenceDateFields, EvidenceIdentityFields } from "~/components/evidence/metadata-fields";
import { EvidenceUploadForm } from "~/components/evidence/upload-form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { expiryState } from "~/domain/evidence/expiry";
import { runEvidenceUpload } from "~/domain/evidence/upload-outcome.server";
import { uploadLimitBytes } from "~/domain/evidence/upload-evidence.server";
import { sideBase } from "~/domain/orgs/navigation";
import { formatCalendarDate, formatDate, todayInDisplayZone } from "~/utils/dates";
import { formatFileSize } from "~/utils/file-size";
import { requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The vendor's evidence library: every document, its validity and where it is used. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "evidence.view");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  const [items, linkCounts] = await Promise.all([
    findVendorEvidence(db(), actor.organizationId, { includeArchived }),
    countEvidenceLinks(db(), actor.organizationId),
  ]);
  return {
    base: sideBase("vendor", actor.organizationId),
    today: todayInDisplayZone(),
    canUpload: can(actor, "evidence.upload"),
    limitBytes: uploadLimitBytes(),
    items: items.map((item) => ({
      id: item.evidenceId,
      title: item.title,
      kind: item.kind,
      archived: item.archivedAt !== null,
      version: item.version,
      fileName: item.fileName,
      sizeBytes: item.sizeBytes,
      validUntil: item.validUntil,
      uploadedAt: item.uploadedAt.toISOString(),
      links: linkCounts.get(item.evidenceId) ?? 0,
    })),
  };
}

/** A new document, posted as a plain form (the progress-bar path posts to evidence/upload). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "evidence.upload");
  const { status, outcome } = await runEvidenceUpload({ actor, meta: requestMeta(request, context), request });
  return outcome.ok && outcome.url ? redirect(outcome.url) : json(outcome, { status });
}

export default function EvidenceLibrary() {
  const { base, today, canUpload, limitBytes, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation("evidence");
  const showingArchived = search.get("archived") === "1";
  const expiring = items.filter((i) => !i.archived && ["expiring", "expired"].includes(expiryState(i.validUntil, today))).length;
  return (
    <>
      <PageHeader
        title={t("library.title")}
        description={t("library.intro")}
        actions={
          <Link className="text-sm text-brand-700 underline" to={showingArchived ? "." : "?archived=1"}>
            {showingArchived ? t("library.hideArchived") : t("library.showArchived")}
          </Link>
        }
      />
      {expiring > 0 ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {t("library.expiringNotice", { count: expiring })}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {items.length === 0 ? (
            <EmptyState title={t("library.empty.title")}>
              <p>{t("library.empty.body")}</p>
            </EmptyState>
          ) : (
            <DataTable
              caption={t("library.title")}
              columns={[t("columns.title"), t("columns.kind"), t("columns.file"), t("columns.validUntil"), t("columns.used")]}
            >
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="px-3 py-2">
                    <Link className="font-medium text-brand-700 underline" to={`${base}/evidence/${item.id}`}>
                      {item.title}
                    </Link>
                    {item.archived ? (
                      <span className="ml-2">
                        <Badge>{t("archived")}</Badge>
                      </span>
                    ) : null}
                    <div className="text-xs text-slate-500">
                      {t("library.versionUploaded", { version: item.version, date: formatDate(item.uploadedAt, i18n.language) })}
                    </div>
                  </td>
                  <td className="px-3 py-2">{t(`kinds.${item.kind}`)}</td>
                  <td className="px-3 py-2">
                    <div className="max-w-[16rem] truncate" title={item.fileName}>
                      {item.fileName}
                    </div>
                    <div className="text-xs text-slate-500">{formatFileSize(item.sizeBytes, i18n.language)}</div>
                  </td>
                  <td className="px-3 py-2">
                    <ExpiryBadge validUntil={item.validUntil} today={today} />
                    {item.validUntil ? <div className="sr-only">{formatCalendarDate(item.validUntil, i18n.language)}</div> : null}
                  </td>
                  <td className="px-3 py-2">{item.links === 0 ? t("library.notShared") : t("library.usedCount", { count: item.links })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
        {canUpload ? (
          <Card title={t("upload.title")}>
            <EvidenceUploadForm
              uploadUrl={`${base}/evidence/upload`}
              limitBytes={limitBytes}
              submitLabel={t("upload.submit")}
              actionErrors={actionData ?? null}
            >
              <EvidenceIdentityFields />
              <EvidenceDateFields />
            </EvidenceUploadForm>
          </Card>
        ) : null}
      </div>
    </>
  );
}
