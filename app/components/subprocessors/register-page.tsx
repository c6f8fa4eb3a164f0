import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card, EmptyState, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { formatCalendarDate } from "~/utils/dates";
import { PendingEntry, RegisterTable, type RegisterEntry } from "./register";

/**
 * One partnership's register as either side sees it: back link, notices, the notice period,
 * pending proposals (with the side's actions) first, then the rest; `children` follow the table.
 */
export function RegisterPage<E extends RegisterEntry>({
  side,
  backTo,
  partnerName,
  notice,
  formError,
  register,
  pendingActions,
  rowActions,
  tableFooter,
  children,
}: {
  side: "client" | "vendor";
  backTo: string;
  partnerName: string;
  notice: string | null;
  formError: { key: string; params?: Record<string, string | number> } | null | undefined;
  register: { entries: E[]; noticeDays: number; isNoticeFromAgreement: boolean };
  pendingActions: (entry: E) => ReactNode;
  rowActions?: (entry: RegisterEntry) => ReactNode;
  tableFooter?: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(["subprocessors", "common"]);
  const pending = register.entries.filter((e) => e.status === "proposed");
  const rest = register.entries.filter((e) => e.status !== "proposed");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={backTo} className="text-brand-700 underline">
          {t("subprocessors:backToPartnership", { name: partnerName })}
        </Link>
      </p>
      <PageHeader
        title={t("subprocessors:title")}
        description={side === "client" ? t("subprocessors:client.intro", { vendor: partnerName }) : t("subprocessors:vendor.intro", { client: partnerName })}
      />
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

        <h2 className="text-lg font-semibold text-slate-900">{t(`subprocessors:${side}.pendingTitle`, { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="text-sm text-slate-600">{t(`subprocessors:${side}.noPending`)}</p> : null}
        {pending.map((entry) => (
          <PendingEntry key={entry.id} entry={entry}>
            {pendingActions(entry)}
          </PendingEntry>
        ))}

        <Card title={t("subprocessors:register.title")}>
          {rest.length === 0 ? <EmptyState title={t("subprocessors:register.empty")} /> : <RegisterTable entries={rest} actions={rowActions} />}
          {tableFooter}
        </Card>
        {children}
      </div>
    </>
  );
}
