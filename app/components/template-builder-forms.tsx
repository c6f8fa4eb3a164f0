import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { conditionOperators, contextFields, questionTypes, type Condition, type Question, type ScoringRule } from "~/domain/questionnaires/model";
import { THRESHOLD_ROWS } from "~/domain/questionnaires/templates/builder-form";
import type { QuestionCells } from "~/domain/questionnaires/templates/question-row";

/** Hidden fields every builder post carries: what to do, and the draft version it edits. */
export function BuilderHidden({ intent, lockVersion, extra = {} }: { intent: string; lockVersion: number; extra?: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A small post button (move, remove) for one section or question. */
export function BuilderButton({
  intent,
  lockVersion,
  extra,
  label,
  children,
  variant = "ghost",
}: {
  intent: string;
  lockVersion: number;
  extra: Record<string, string>;
  label: string;
  children: React.ReactNode;
  variant?: "ghost" | "danger" | "secondary";
}) {
  return (
    <Form method="post" className="inline">
      <BuilderHidden intent={intent} lockVersion={lockVersion} extra={extra} />
      <Button variant={variant} className="px-2 py-1" aria-label={label} title={label}>
        {children}
      </Button>
    </Form>
  );
}

/**
 * The question form: the same fields as an XLSX row. Options, type-specific settings, scoring
 * and condition are JSON, with examples in the hints.
 */
export function QuestionForm({
  idPrefix,
  intent,
  lockVersion,
  extra,
  cells,
}: {
  idPrefix: string;
  intent: "addQuestion" | "updateQuestion";
  lockVersion: number;
  extra: Record<string, string>;
  cells?: QuestionCells;
}) {
  const { t } = useTranslation("questionnaires");
  const id = (name: string) => `${idPrefix}-${name}`;
  const value = (name: keyof QuestionCells) => (cells ? String(cells[name] ?? "") : "");
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-2">
      <BuilderHidden intent={intent} lockVersion={lockVersion} extra={extra} />
      <TextField id={id("key")} name="key" label={t("builder.fields.key")} hint={t("builder.hints.key")} defaultValue={value("key")} required />
      <SelectField id={id("type")} name="type" label={t("builder.fields.type")} defaultValue={value("type") || "yes_no"}>
        {questionTypes.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField id={id("text_nl")} name="text_nl" label={t("builder.fields.textNl")} defaultValue={value("text_nl")} rows={2} required />
      <TextAreaField id={id("text_en")} name="text_en" label={t("builder.fields.textEn")} defaultValue={value("text_en")} rows={2} required />
      <TextAreaField id={id("help_nl")} name="help_nl" label={t("builder.fields.helpNl")} defaultValue={value("help_nl")} rows={2} />
      <TextAreaField id={id("help_en")} name="help_en" label={t("builder.fields.helpEn")} defaultValue={value("help_en")} rows={2} />
      <TextField id={id("reference")} name="reference" label={t("builder.fields.reference")} defaultValue={value("reference")} />
      <TextField id={id("weight")} name="weight" type="number" step="any" min={0} max={100} label={t("builder.fields.weight")} defaultValue={value("weight") || "1"} required />
      <div className="flex gap-6 md:col-span-2">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="required" defaultChecked={cells ? cells.required === true : true} /> {t("builder.fields.required")}
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="critical" defaultChecked={cells ? cells.critical === true : false} /> {t("builder.fields.critical")}
        </label>
      </div>
      <TextAreaField id={id("options")} name="options" label={t("builder.fields.options")} hint={t("builder.hints.options")} defaultValue={value("options")} rows={3} className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2" />
      <TextAreaField id={id("config")} name="config" label={t("builder.fields.config")} hint={t("builder.hints.config")} defaultValue={value("config")} rows={3} className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2" />
      <TextAreaField id={id("scoring")} name="scoring" label={t("builder.fields.scoring")} hint={t("builder.hints.scoring")} defaultValue={value("scoring")} rows={2} className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2" />
      <TextAreaField id={id("condition")} name="condition" label={t("builder.fields.condition")} hint={t("builder.hints.condition")} defaultValue={value("condition")} rows={2} className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2" />
      <div className="md:col-span-2">
        <Button>{intent === "addQuestion" ? t("builder.addQuestion") : t("builder.saveQuestion")}</Button>
      </div>
    </Form>
  );
}

/**
 * The condition editor of a section (applicability gate) or question (follow-up): one term as
 * a structured form, or any condition as JSON (which wins when filled in). "None" removes it.
 */
export function ConditionForm({
  idPrefix,
  lockVersion,
  extra,
  condition,
  questionKeys,
}: {
  idPrefix: string;
  lockVersion: number;
  extra: Record<string, string>;
  condition?: Condition;
  /** Questions the condition may refer to (the earlier ones). */
  questionKeys: string[];
}) {
  const { t } = useTranslation("questionnaires");
  const simple = condition && (condition.kind === "answer" || condition.kind === "context") ? condition : undefined;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-4">
      <BuilderHidden intent="setCondition" lockVersion={lockVersion} extra={extra} />
      <SelectField id={id("kind")} name="conditionKind" label={t("builder.condition.kind")} defaultValue={simple?.kind ?? (condition ? "json" : "none")}>
        <option value="none">{t("builder.condition.none")}</option>
        <option value="answer">{t("builder.condition.answer")}</option>
        <option value="context">{t("builder.condition.context")}</option>
        {condition && !simple ? <option value="json">{t("builder.condition.json")}</option> : null}
      </SelectField>
      <SelectField id={id("question")} name="conditionQuestion" label={t("builder.condition.question")} defaultValue={simple?.kind === "answer" ? simple.question : ""}>
        <option value="">—</option>
        {questionKeys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </SelectField>
      <SelectField id={id("field")} name="conditionField" label={t("builder.condition.field")} defaultValue={simple?.kind === "context" ? simple.field : ""}>
        <option value="">—</option>
        {contextFields.map((field) => (
          <option key={field} value={field}>
            {t(`builder.contextFields.${field.replace("partnership.", "")}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={id("op")} name="conditionOp" label={t("builder.condition.op")} defaultValue={simple?.op ?? "equals"}>
        {conditionOperators.map((op) => (
          <option key={op} value={op}>
            {t(`builder.ops.${op}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={id("value")} name="conditionValue" label={t("builder.condition.value")} defaultValue={simple ? String(simple.value) : ""} />
      <div className="md:col-span-3">
        <TextAreaField
          id={id("json")}
          name="conditionJson"
          label={t("builder.condition.jsonLabel")}
          hint={t("builder.hints.condition")}
          defaultValue={condition && !simple ? JSON.stringify(condition) : ""}
          rows={2}
          className="font-mono text-xs block w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div className="md:col-span-4">
        <Button variant="secondary">{t("builder.condition.save")}</Button>
      </div>
    </Form>
  );
}

/**
 * The scoring rule of one question as a form of its type: which yes/no answer complies (and
 * credit for "partly"), how choices combine (their credits are set with the options), number
 * thresholds, the maximum age of a date. "Not scored" removes the rule.
 */
export function ScoringForm({ idPrefix, lockVersion, question }: { idPrefix: string; lockVersion: number; question: Question }) {
  const { t } = useTranslation("questionnaires");
  const id = (name: string) => `${idPrefix}-${name}`;
  const rule = question.scoring as ScoringRule | undefined;
  const percent = (credit: number | undefined) => (credit === undefined ? "" : String(Math.round(credit * 1000) / 10));
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-4">
      <BuilderHidden intent="setScoring" lockVersion={lockVersion} extra={{ questionKey: question.key, questionType: question.type }} />
      <label className="inline-flex items-center gap-2 text-sm md:col-span-4">
        <input type="checkbox" name="scored" defaultChecked={!!rule} /> {t("builder.scoring.scored")}
      </label>
      {question.type === "yes_no" ? (
        <>
          <SelectField id={id("compliant")} name="compliantAnswer" label={t("builder.scoring.compliantAnswer")} defaultValue={rule?.kind === "yes_no" ? rule.compliantAnswer : "yes"}>
            <option value="yes">{t("choices.yes")}</option>
            <option value="no">{t("choices.no")}</option>
          </SelectField>
          <TextField id={id("partly")} name="partlyCredit" type="number" min={0} max={100} step="any" label={t("builder.scoring.partlyCredit")} defaultValue={rule?.kind === "yes_no" ? percent(rule.partlyCredit) : ""} />
        </>
      ) : null}
      {question.type === "multiple_choice" ? (
        <SelectField id={id("combine")} name="combine" label={t("builder.scoring.combine")} defaultValue={rule?.kind === "option_credit" && "combine" in rule ? String(rule.combine) : "sum"}>
          <option value="sum">{t("builder.scoring.combineSum")}</option>
          <option value="min">{t("builder.scoring.combineMin")}</option>
        </SelectField>
      ) : null}
      {question.type === "single_choice" || question.type === "multiple_choice" ? (
        <p className="text-xs text-slate-600 md:col-span-4">{t("builder.scoring.optionCredits")}</p>
      ) : null}
      {question.type === "number" ? (
        <>
          <SelectField id={id("direction")} name="thresholdDirection" label={t("builder.scoring.direction")} defaultValue={rule?.kind === "thresholds" ? rule.direction : "at_least"}>
            <option value="at_least">{t("builder.scoring.atLeast")}</option>
            <option value="at_most">{t("builder.scoring.atMost")}</option>
          </SelectField>
          <fieldset className="md:col-span-3">
            <legend className="text-sm font-medium text-slate-800">{t("builder.scoring.thresholds")}</legend>
            <div className="mt-1 grid grid-cols-2 gap-2">
              {Array.from({ length: THRESHOLD_ROWS }, (_, i) => {
                const row = rule?.kind === "thresholds" ? rule.thresholds[i] : undefined;
                return (
                  <div key={i} className="contents">
                    <TextField id={id(`tv${i}`)} name={`thresholdValue${i}`} type="number" step="any" label={t("builder.scoring.thresholdValue", { n: i + 1 })} defaultValue={row ? String(row.value) : ""} />
                    <TextField id={id(`tc${i}`)} name={`thresholdCredit${i}`} type="number" min={0} max={100} step="any" label={t("builder.scoring.thresholdCredit", { n: i + 1 })} defaultValue={row ? percent(row.credit) : ""} />
                  </div>
                );
              })}
            </div>
          </fieldset>
        </>
      ) : null}
      {question.type === "date" ? (
        <TextField id={id("months")} name="maxAgeMonths" type="number" min={1} step={1} label={t("builder.scoring.maxAgeMonths")} defaultValue={rule?.kind === "max_age" ? String(rule.months) : "12"} />
      ) : null}
      {question.type === "text" || question.type === "evidence" ? (
        <p className="text-xs text-slate-600 md:col-span-4">{t(`builder.scoring.${question.type === "text" ? "nonEmpty" : "evidencePresent"}`)}</p>
      ) : null}
      <div className="md:col-span-4">
        <Button variant="secondary">{t("builder.scoring.save")}</Button>
      </div>
    </Form>
  );
}
