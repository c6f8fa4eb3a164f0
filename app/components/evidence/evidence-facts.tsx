import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatDateTime } from "~/utils/dates";
import { formatFileSize } from "~/utils/file-size";
import { ExpiryBadge } from "./expiry-badge";

export interface VersionRow {
  id: string;
  version: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  issueDate: string | null;
  validUntil: string | null;
  createdAt: string;
  uploadedBy?: string | null;
}

/** The facts of the current file: name, size, dates, hash. */
export function CurrentFileFacts({
  current,
  today,
}: {
  current: { version: number; fileName: string; sizeBytes: number; sha256: string; issueDate: string | null; validUntil: string | null };
  today: string;
}) {
  const { t, i18n } = useTranslation("evidence");
  const rows: [string, React.ReactNode][] = [
    [t("facts.file"), current.fileName],
    [t("facts.version"), String(current.version)],
    [t("facts.size"), formatFileSize(current.sizeBytes, i18n.language)],
    [t("facts.issueDate"), current.issueDate ? formatCalendarDate(current.issueDate, i18n.language) : "—"],
    [t("facts.validUntil"), <ExpiryBadge key="v" validUntil={current.validUntil} today={today} />],
    [t("facts.sha256"), <code key="h" className="break-all text-xs">{current.sha256}</code>],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every version, newest first, each downloadable. */
export function VersionHistory({ versions, fileUrl, today }: { versions: VersionRow[]; fileUrl: string; today: string }) {
  const { t, i18n } = useTranslation("evidence");
  return (
    <ol className="divide-y divide-slate-100 text-sm">
      {versions.map((v, index) => (
        <li key={v.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div>
            <div className="font-medium">
              {t("history.version", { version: v.version })} {index === 0 ? <span className="text-slate-500">({t("history.current")})</span> : null}
            </div>
            <div className="text-slate-600">
              {v.fileName} · {formatFileSize(v.sizeBytes, i18n.language)} · {formatDateTime(v.createdAt, i18n.language)}
              {v.uploadedBy ? ` · ${v.uploadedBy}` : ""}
            </div>
            <div className="mt-1">
              <ExpiryBadge validUntil={v.validUntil} today={today} />
            </div>
          </div>
          <a className="text-brand-700 underline" href={`${fileUrl}?version=${v.version}&download=1`}>
            {t("history.download")}
          </a>
        </li>
      ))}
    </ol>
  );
}
