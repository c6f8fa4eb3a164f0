import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "~/utils/dates";
import { localized, QuestionnaireProgress, QuestionnaireStatusBadge } from "./questionnaire-status";
import { DataTable } from "./ui/table";

export interface VendorRequestRow {
  id: string;
  clientName: string;
  title: { nl: string; en: string };
  status: "sent" | "in_progress" | "submitted" | "returned" | "accepted" | "cancelled";
  dueDate: string;
  progress: { answered: number; total: number; percent: number };
}

/** The vendor's requests across its clients: client, questionnaire, due date, progress, status. */
export function VendorRequestTable({ base, requests }: { base: string; requests: VendorRequestRow[] }) {
  const { t, i18n } = useTranslation("requests");
  return (
    <DataTable
      caption={t("vendor.list.caption", { count: requests.length })}
      columns={[t("fields.client"), t("fields.template"), t("fields.dueDate"), t("fields.progress"), t("fields.status")]}
    >
      {requests.map((r) => (
        <tr key={r.id}>
          <td className="px-3 py-2">{r.clientName}</td>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            <Link to={`${base}/questionnaires/${r.id}`} className="text-brand-700 hover:underline">
              {localized(r.title, i18n.language)}
            </Link>
          </th>
          <td className="whitespace-nowrap px-3 py-2">{formatCalendarDate(r.dueDate, i18n.language)}</td>
          <td className="px-3 py-2">
            <QuestionnaireProgress {...r.progress} />
          </td>
          <td className="px-3 py-2">
            <QuestionnaireStatusBadge status={r.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
