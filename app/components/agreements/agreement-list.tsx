import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/table";
import type { AgreementHealth, AgreementStatus } from "~/domain/agreements/status";
import { formatCalendarDate, formatDate } from "~/utils/dates";
import { AgreementStatusBadges } from "./agreement-status";

export interface AgreementListRow {
  id: string;
  partnerName: string;
  title: string;
  status: AgreementStatus;
  health: AgreementHealth;
  sentAt: string | null;
  inForceAt: string | null;
  endDate: string | null;
}

/** The agreements of every partnership, for either side; `partnerColumn` names the other side. */
export function AgreementTable({ base, rows, partnerColumn }: { base: string; rows: AgreementListRow[]; partnerColumn: "vendor" | "client" }) {
  const { t, i18n } = useTranslation("agreements");
  const lang = i18n.language;
  return (
    <DataTable
      caption={t("list.caption")}
      columns={[t(`list.columns.${partnerColumn}`), t("list.columns.title"), t("list.columns.status"), t("list.columns.sentAt"), t("list.columns.inForceAt"), t("list.columns.endDate")]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="px-3 py-2 font-medium">{row.partnerName}</td>
          <td className="px-3 py-2">
            <Link to={`${base}/agreements/${row.id}`} className="text-brand-700 underline">
              {row.title}
            </Link>
          </td>
          <td className="px-3 py-2">
            <AgreementStatusBadges status={row.status} health={row.health} />
          </td>
          <td className="px-3 py-2">{formatDate(row.sentAt, lang)}</td>
          <td className="px-3 py-2">{formatDate(row.inForceAt, lang)}</td>
          <td className="px-3 py-2">{row.endDate ? formatCalendarDate(row.endDate, lang) : t("list.noEndDate")}</td>
        </tr>
      ))}
    </DataTable>
  );
}
