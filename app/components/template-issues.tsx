import { useTranslation } from "react-i18next";

export interface TemplateIssueView {
  messageKey: string;
  params?: Record<string, string | number>;
  path?: string;
  sheet?: string;
  line?: number;
  column?: string;
}

/** The problems of a refused import or save, each with where it was found, translated. */
export function TemplateIssues({ issues, title }: { issues: TemplateIssueView[]; title: string }) {
  const { t } = useTranslation("questionnaires");
  if (issues.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{title}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {issues.map((issue, i) => (
          <li key={i}>
            {where(issue, t) ? <span className="font-mono text-xs">{where(issue, t)}: </span> : null}
            {t(issue.messageKey, issue.params ?? {})}
          </li>
        ))}
      </ul>
    </div>
  );
}

function where(issue: TemplateIssueView, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (issue.sheet !== undefined && issue.line) {
    return t("questionnaires:transfer.where.line", { sheet: issue.sheet, line: issue.line, column: issue.column ?? "" }).trim();
  }
  if (issue.sheet) return t("questionnaires:transfer.where.sheet", { sheet: issue.sheet });
  return issue.path ?? issue.column ?? "";
}
