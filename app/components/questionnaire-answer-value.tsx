import { useTranslation } from "react-i18next";
import { EvidenceAnswerValue } from "./evidence/evidence-answer";
import type { Question } from "~/domain/questionnaires/model";
import { formatCalendarDate, formatNumber } from "~/utils/dates";
import { localized } from "./questionnaire-status";

/** An answer shown read-only, in the reader's language; "—" when there is none. */
export function AnswerValue({ question, value }: { question: Question; value: unknown }) {
  const { t, i18n } = useTranslation(["requests", "questionnaires"]);
  const lang = i18n.language;
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return <span className="text-slate-500">{t("requests:answer.none")}</span>;
  }
  switch (question.type) {
    case "yes_no": {
      const v = value as { choice?: string; reason?: string };
      return (
        <span>
          {t(`questionnaires:choices.${v.choice}`)}
          {v.reason ? <span className="block text-slate-600">{v.reason}</span> : null}
        </span>
      );
    }
    case "single_choice":
      return <span>{localized(question.options.find((o) => o.value === value)?.label, lang) || String(value)}</span>;
    case "multiple_choice":
      return (
        <span>
          {(value as string[]).map((v) => localized(question.options.find((o) => o.value === v)?.label, lang) || v).join(", ")}
        </span>
      );
    case "number":
      return (
        <span>
          {formatNumber(value as number, lang)} {localized(question.unit, lang)}
        </span>
      );
    case "date":
      return <span>{formatCalendarDate(value as string, lang)}</span>;
    case "text":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    case "evidence":
      return <EvidenceAnswerValue value={value} />;
  }
}

/** A one-line summary of how the question is scored, for reviewers. */
export function ScoringRule({ question }: { question: Question }) {
  const { t, i18n } = useTranslation(["requests", "questionnaires"]);
  const lang = i18n.language;
  const rule = question.scoring;
  if (!rule) return <span>{t("requests:rules.notScored")}</span>;
  const base = t("requests:rules.weight", { weight: question.weight }) + (question.critical ? ` · ${t("requests:rules.critical")}` : "");
  let detail: string;
  switch (rule.kind) {
    case "yes_no":
      detail = t("requests:rules.yesNo", { answer: t(`questionnaires:choices.${rule.compliantAnswer}`) });
      break;
    case "option_credit":
      detail = t("requests:rules.options", {
        options:
          question.type === "single_choice" || question.type === "multiple_choice"
            ? question.options.map((o) => `${localized(o.label, lang)} ${Math.round((o.credit ?? 0) * 100)}%`).join("; ")
            : "",
      });
      break;
    case "thresholds":
      detail = t(`requests:rules.thresholds.${rule.direction}`, {
        thresholds: rule.thresholds.map((th) => `${formatNumber(th.value, lang)} → ${Math.round(th.credit * 100)}%`).join("; "),
      });
      break;
    case "max_age":
      detail = t("requests:rules.maxAge", { months: rule.months });
      break;
    case "non_empty":
      detail = t("requests:rules.nonEmpty");
      break;
    case "evidence_present":
      detail = t("requests:rules.evidence");
      break;
  }
  return (
    <span>
      {base} · {detail}
    </span>
  );
}
