import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "#db/client.server";
import { findVendorEvidence } from "#db/queries/evidence";
import { findPartnershipsForVendor } from "#db/queries/partnerships";
import { can } from "~/auth/policy";
import { expiryState } from "~/domain/evidence/expiry";
import { todayInDisplayZone } from "~/utils/dates";
import { requireActor } from "~/auth/guards.server";
import { StatusBadge } from "~/components/partnership-badges";
import { VendorRequestTable } from "~/components/questionnaire-vendor-table";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { sideBase } from "~/domain/orgs/navigation";
import { findVendorOtherTodos } from "~/domain/orgs/vendor-todo.server";
import { onlyDelegatedRequests } from "~/domain/questionnaires/requests/delegation.server";
import { findVendorRequestList } from "~/domain/questionnaires/requests/request-views.server";

/** The vendor's home: its to-do list (open questionnaires across all clients) and its clients. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "vendor", "partnership.view");
  const clients = await findPartnershipsForVendor(db(), actor.organizationId);
  // A contributor's to-do list: only what was delegated to them.
  const todo = await onlyDelegatedRequests(actor, await findVendorRequestList(actor, { openOnly: true }));
  const today = todayInDisplayZone();
  const evidenceNeedingRenewal = can(actor, "evidence.view")
    ? (await findVendorEvidence(db(), actor.organizationId)).filter((e) => ["expiring", "expired"].includes(expiryState(e.validUntil, today))).length
    : 0;
  const otherTodos = await findVendorOtherTodos(actor, today);
  return { base: sideBase(actor.organizationKind, actor.organizationId), clients, todo, otherTodos, evidenceNeedingRenewal };
}

export default function VendorHome() {
  const { base, clients, todo, otherTodos, evidenceNeedingRenewal } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["orgs", "evidence", "training"]);
  return (
    <>
      <PageHeader title={t("vendorHome.title")} description={t("vendorHome.intro")} />
      {evidenceNeedingRenewal > 0 ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {t("evidence:library.expiringNotice", { count: evidenceNeedingRenewal })}{" "}
          <Link className="font-medium underline" to={`${base}/evidence`}>
            {t("evidence:library.title")}
          </Link>
        </p>
      ) : null}
      {todo.length === 0 && otherTodos.length === 0 ? (
        <EmptyState title={t("vendorHome.todoEmpty.title")}>
          <p>{t("vendorHome.todoEmpty.body")}</p>
        </EmptyState>
      ) : todo.length > 0 ? (
        <VendorRequestTable base={base} requests={todo} />
      ) : null}
      {otherTodos.length > 0 ? (
        <section aria-labelledby="other-todo-title" className={todo.length > 0 ? "mt-6" : ""}>
          <h2 id="other-todo-title" className={todo.length > 0 ? "text-lg font-semibold text-slate-900" : "sr-only"}>
            {t("vendorHome.other.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("vendorHome.other.intro")}</p>
          <Card>
            <ul className="divide-y divide-slate-100">
              {otherTodos.map((item) => (
                <li key={item.href} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link to={item.href} className="font-medium text-brand-700 hover:underline">
                      {t(`vendorHome.other.kinds.${item.kind}`)}
                      {item.kind === "training" ? `: ${item.title || t(`training:topics.${item.topic}`)}` : ""}
                    </Link>
                    <span className="text-slate-600"> · {item.clientName}</span>
                  </span>
                  {item.status ? <Badge tone={item.status === "due_soon" ? "amber" : "red"}>{t(`training:status.${item.status}`)}</Badge> : null}
                </li>
              ))}
            </ul>
          </Card>
        </section>
      ) : null}
      <section id="clients" aria-labelledby="clients-title" className="mt-8 scroll-mt-4">
        <h2 id="clients-title" className="mb-3 text-lg font-semibold text-slate-900">
          {t("vendorHome.clients")}
        </h2>
        {clients.length === 0 ? (
          <EmptyState title={t("vendorHome.noClients.title")}>
            <p>{t("vendorHome.noClients.body")}</p>
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100">
              {clients.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link to={`${base}/clients/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.clientName}
                    </Link>
                    <p className="text-sm text-slate-600">{c.services.map((s) => t(`services.${s}`)).join(", ")}</p>
                  </div>
                  <StatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </>
  );
}
