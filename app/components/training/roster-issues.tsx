import { useTranslation } from "react-i18next";

export interface RosterIssueView {
  line: number;
  column?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** Every problem of a refused roster, each with its line (and column), translated. */
export function RosterIssues({ issues, title }: { issues: RosterIssueView[]; title: string }) {
  const { t } = useTranslation("training");
  if (issues.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{title}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {issues.map((issue, i) => (
          <li key={i}>
            <span className="font-mono text-xs">
              {issue.line === 0
                ? t("training:roster.where.file")
                : issue.column
                  ? t("training:roster.where.lineColumn", { line: issue.line, column: issue.column })
                  : t("training:roster.where.line", { line: issue.line })}
              :{" "}
            </span>
            {t(issue.messageKey, issue.params ?? {})}
          </li>
        ))}
      </ul>
    </div>
  );
}
