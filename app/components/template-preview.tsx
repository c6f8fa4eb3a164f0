import { useTranslation } from "react-i18next";
import type { Condition, Question, TemplateContent } from "~/domain/questionnaires/model";

type Lang = "nl" | "en";

/** A condition in words, as far as a short phrase goes; compound ones are shown as written. */
export function describeCondition(condition: Condition, t: (key: string, params?: Record<string, unknown>) => string): string {
  switch (condition.kind) {
    case "answer":
      return t("questionnaires:builder.conditionText.answer", { question: condition.question, op: t(`questionnaires:builder.ops.${condition.op}`), value: String(condition.value) });
    case "context":
      return t("questionnaires:builder.conditionText.context", { field: t(`questionnaires:builder.contextFields.${condition.field.replace("partnership.", "")}`), op: t(`questionnaires:builder.ops.${condition.op}`), value: String(condition.value) });
    case "not":
      return t("questionnaires:builder.conditionText.not", { condition: describeCondition(condition.condition, t) });
    case "all":
    case "any":
      return condition.conditions.map((c) => `(${describeCondition(c, t)})`).join(` ${t(`questionnaires:builder.conditionText.${condition.kind}`)} `);
  }
}

/**
 * A template version as the vendor will see it: read-only controls, in one language. Sections
 * and questions outside `visible` are left out (sections) or shown dimmed with their condition
 * (follow-up questions, which depend on answers the preview does not have).
 */
export function TemplatePreview({
  content,
  lang,
  visible,
}: {
  content: TemplateContent;
  lang: Lang;
  visible: { sections: string[]; questions: string[] };
}) {
  const { t } = useTranslation("questionnaires");
  const tl = (key: string, params?: Record<string, unknown>) => t(key, { ...params, lng: lang });
  const hiddenSections = content.sections.filter((s) => !visible.sections.includes(s.key));
  return (
    <div lang={lang} className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{content.title[lang]}</h2>
        {content.description ? <p className="mt-1 text-sm text-slate-600">{content.description[lang]}</p> : null}
      </div>
      {content.sections
        .filter((s) => visible.sections.includes(s.key))
        .map((section) => (
          <section key={section.key} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="text-base font-semibold text-slate-900">{section.title[lang]}</h3>
            {section.description ? <p className="mt-1 text-sm text-slate-600">{section.description[lang]}</p> : null}
            <ol className="mt-4 space-y-5">
              {section.questions.map((question) => {
                const isShown = visible.questions.includes(question.key);
                return (
                  <li key={question.key} className={isShown ? "" : "border-l-4 border-amber-300 pl-3 opacity-70"}>
                    {!isShown && question.showWhen ? (
                      <p className="mb-1 text-xs text-amber-900">{tl("questionnaires:preview.followUp", { condition: describeCondition(question.showWhen, tl) })}</p>
                    ) : null}
                    <PreviewQuestion question={question} lang={lang} />
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      {hiddenSections.length ? (
        <p className="text-sm text-slate-600">
          {tl("questionnaires:preview.hiddenSections", { sections: hiddenSections.map((s) => s.title[lang]).join(", ") })}
        </p>
      ) : null}
    </div>
  );
}

function PreviewQuestion({ question, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation("questionnaires");
  const tl = (key: string) => t(key, { lng: lang });
  const id = `preview-${question.key}`;
  return (
    <fieldset disabled className="space-y-2" aria-describedby={question.help ? `${id}-help` : undefined}>
      <legend className="text-sm font-medium text-slate-900">
        {question.text[lang]}
        {question.required ? <span className="ml-1 text-red-700" aria-label={tl("questionnaires:preview.required")}>*</span> : null}
      </legend>
      {question.help ? <p id={`${id}-help`} className="text-xs text-slate-600">{question.help[lang]}</p> : null}
      {question.reference ? <p className="text-xs text-slate-500">{tl("questionnaires:preview.reference")}: {question.reference}</p> : null}
      <div className="flex flex-wrap gap-4 text-sm">
        {question.type === "yes_no"
          ? (["yes", "no", ...(question.allowPartly ? ["partly"] : []), ...(question.allowNotApplicable ? ["not_applicable"] : [])] as const).map((choice) => (
              <label key={choice} className="inline-flex items-center gap-2">
                <input type="radio" name={id} /> {tl(`questionnaires:choices.${choice}`)}
              </label>
            ))
          : null}
        {question.type === "single_choice" || question.type === "multiple_choice"
          ? question.options.map((option) => (
              <label key={option.value} className="inline-flex items-center gap-2">
                <input type={question.type === "single_choice" ? "radio" : "checkbox"} name={id} /> {option.label[lang]}
              </label>
            ))
          : null}
        {question.type === "number" ? (
          <span className="inline-flex items-center gap-2">
            <input type="number" className="w-32 rounded-md border border-slate-300 px-2 py-1" aria-label={question.text[lang]} />
            {question.unit ? question.unit[lang] : null}
          </span>
        ) : null}
        {question.type === "date" ? <input type="date" className="rounded-md border border-slate-300 px-2 py-1" aria-label={question.text[lang]} /> : null}
        {question.type === "text" ? (
          question.multiline ? (
            <textarea className="w-full rounded-md border border-slate-300 px-2 py-1" rows={3} aria-label={question.text[lang]} />
          ) : (
            <input type="text" className="w-full rounded-md border border-slate-300 px-2 py-1" aria-label={question.text[lang]} />
          )
        ) : null}
        {question.type === "evidence" ? (
          <span className="text-slate-600">
            {tl("questionnaires:preview.evidence")} ({question.minFiles}–{question.maxFiles})
            {question.requireValidUntil ? ` · ${tl("questionnaires:preview.validUntil")}` : ""}
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}
