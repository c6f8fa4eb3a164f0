import { useTranslation } from "react-i18next";
import type { Question } from "~/domain/questionnaires/model";
import { EvidenceAnswerInput } from "./evidence/evidence-answer";
import { controlClass } from "./ui/field";
import { localized } from "./questionnaire-status";

/**
 * The input of one question, by type. Controlled: `onChange(value, immediate)` reports every
 * change; `immediate` says whether to save at once (choices, dates) or after typing pauses.
 */
export function AnswerInput({
  id,
  question,
  value,
  disabled,
  onChange,
}: {
  id: string;
  question: Question;
  value: unknown;
  disabled?: boolean;
  onChange: (value: unknown, immediate: boolean) => void;
}) {
  const { t, i18n } = useTranslation(["requests", "questionnaires"]);
  const lang = i18n.language;
  switch (question.type) {
    case "yes_no": {
      const current = (value ?? {}) as { choice?: string; reason?: string };
      const choices = ["yes", "no", ...(question.allowPartly ? ["partly"] : []), ...(question.allowNotApplicable ? ["not_applicable"] : [])];
      return (
        <fieldset disabled={disabled} className="space-y-2">
          <legend className="sr-only">{localized(question.text, lang)}</legend>
          <div className="flex flex-wrap gap-4">
            {choices.map((choice) => (
              <label key={choice} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={id}
                  value={choice}
                  checked={current.choice === choice}
                  onChange={() => onChange({ ...current, choice }, true)}
                />
                {t(`questionnaires:choices.${choice}`)}
              </label>
            ))}
          </div>
          {current.choice === "not_applicable" || current.choice === "partly" ? (
            <label className="block text-sm">
              <span className="text-slate-700">{t("requests:answer.reason")}</span>
              <textarea
                className={controlClass}
                rows={2}
                maxLength={2000}
                value={current.reason ?? ""}
                onChange={(e) => onChange({ ...current, reason: e.target.value }, false)}
              />
            </label>
          ) : null}
        </fieldset>
      );
    }
    case "single_choice":
      return (
        <fieldset disabled={disabled} className="space-y-1">
          <legend className="sr-only">{localized(question.text, lang)}</legend>
          {question.options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value, true)} />
              {localized(option.label, lang)}
            </label>
          ))}
        </fieldset>
      );
    case "multiple_choice": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset disabled={disabled} className="space-y-1">
          <legend className="sr-only">{localized(question.text, lang)}</legend>
          {question.options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                value={option.value}
                checked={chosen.includes(option.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value), true)
                }
              />
              {localized(option.label, lang)}
            </label>
          ))}
        </fieldset>
      );
    }
    case "number":
      return (
        <div className="flex items-center gap-2">
          <input
            id={id}
            type="number"
            className={`${controlClass} max-w-48`}
            disabled={disabled}
            min={question.min}
            max={question.max}
            step={question.integer ? 1 : "any"}
            value={typeof value === "number" ? value : ""}
            onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value), false)}
          />
          {question.unit ? <span className="text-sm text-slate-600">{localized(question.unit, lang)}</span> : null}
          {question.min !== undefined || question.max !== undefined ? (
            <span className="text-xs text-slate-500">{t("requests:answer.bounds", { min: question.min ?? "…", max: question.max ?? "…" })}</span>
          ) : null}
        </div>
      );
    case "date":
      return (
        <input
          id={id}
          type="date"
          className={`${controlClass} max-w-48`}
          disabled={disabled}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value || null, true)}
        />
      );
    case "text":
      return (
        <textarea
          id={id}
          className={controlClass}
          rows={question.multiline ? 4 : 1}
          maxLength={question.maxLength}
          disabled={disabled}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value, false)}
        />
      );
    case "evidence":
      return <EvidenceAnswerInput id={id} question={question} value={value} disabled={disabled} onChange={onChange} />;
  }
}
