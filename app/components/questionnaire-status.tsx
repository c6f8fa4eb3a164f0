import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout";

const tones = {
  sent: "blue",
  in_progress: "amber",
  submitted: "blue",
  returned: "amber",
  accepted: "green",
  cancelled: "slate",
} as const;

/** A request's status as a coloured, translated badge. */
export function QuestionnaireStatusBadge({ status }: { status: keyof typeof tones }) {
  const { t } = useTranslation("requests");
  return <Badge tone={tones[status]}>{t(`requests:status.${status}`)}</Badge>;
}

/** A localized text of a template in the reader's language. */
export function localized(text: { nl: string; en: string } | undefined, language: string): string {
  if (!text) return "";
  return language === "nl" ? text.nl : text.en;
}

/** A simple progress bar with its numbers for screen readers. */
export function QuestionnaireProgress({ answered, total, percent }: { answered: number; total: number; percent: number }) {
  const { t } = useTranslation("requests");
  return (
    <div className="min-w-40">
      <div
        className="h-2 w-full rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("requests:progress.label")}
      >
        <div className="h-2 rounded bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{t("requests:progress.count", { answered, total })}</p>
    </div>
  );
}
