import type {
  ChoiceOption,
  Condition,
  ContextField,
  DateQuestion,
  EvidenceQuestion,
  LocalizedText,
  MultipleChoiceQuestion,
  NumberQuestion,
  SingleChoiceQuestion,
  TextQuestion,
  YesNoQuestion,
} from "../model";

/**
 * Helpers that keep the standard library readable: a severity from REFERENCE §8.0 instead of a
 * weight and a critical flag, and a scoring rule filled in for every scored question. They
 * return plain model objects; the library test runs each template through the schema.
 */

/** REFERENCE §8.0: C 5 (gating), H 4, M 3, L 2, I 0 (scoping only, not scored). */
export type Severity = "critical" | "high" | "medium" | "low" | "info";
const weights: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 0 };

export const t = (nl: string, en: string): LocalizedText => ({ nl, en });

interface Common {
  key: string;
  text: LocalizedText;
  help?: LocalizedText;
  reference: string;
  severity: Severity;
  /** Defaults to true: the standard library asks nothing it does not need. */
  required?: boolean;
  showWhen?: Condition;
}

function common(spec: Common) {
  return {
    key: spec.key,
    text: spec.text,
    ...(spec.help ? { help: spec.help } : {}),
    reference: spec.reference,
    required: spec.required ?? true,
    weight: weights[spec.severity],
    critical: spec.severity === "critical",
    ...(spec.showWhen ? { showWhen: spec.showWhen } : {}),
  };
}

const isScored = (spec: Common) => spec.severity !== "info";

export function yesNo(
  spec: Common & { compliant: "yes" | "no"; allowPartly?: boolean; allowNotApplicable?: boolean },
): YesNoQuestion {
  return {
    ...common(spec),
    type: "yes_no",
    ...(spec.allowPartly ? { allowPartly: true } : {}),
    ...(spec.allowNotApplicable ? { allowNotApplicable: true } : {}),
    ...(isScored(spec) ? { scoring: { kind: "yes_no" as const, compliantAnswer: spec.compliant } } : {}),
  };
}

/** A scoping question with no right answer: weight 0, no rule, used to gate follow-ups. */
export function gate(spec: Omit<Common, "severity">): YesNoQuestion {
  return { ...common({ ...spec, severity: "info" }), type: "yes_no" };
}

export function option(value: string, label: LocalizedText, credit?: number, extra?: { exclusive?: boolean; help?: LocalizedText }): ChoiceOption {
  return {
    value,
    label,
    ...(extra?.help ? { help: extra.help } : {}),
    ...(credit !== undefined ? { credit } : {}),
    ...(extra?.exclusive ? { exclusive: true } : {}),
  };
}

export function singleChoice(spec: Common & { options: ChoiceOption[] }): SingleChoiceQuestion {
  return {
    ...common(spec),
    type: "single_choice",
    options: spec.options,
    ...(isScored(spec) ? { scoring: { kind: "option_credit" as const } } : {}),
  };
}

export function multipleChoice(
  spec: Common & { options: ChoiceOption[]; combine: "sum" | "min"; minSelections?: number; maxSelections?: number },
): MultipleChoiceQuestion {
  return {
    ...common(spec),
    type: "multiple_choice",
    options: spec.options,
    ...(spec.minSelections !== undefined ? { minSelections: spec.minSelections } : {}),
    ...(spec.maxSelections !== undefined ? { maxSelections: spec.maxSelections } : {}),
    ...(isScored(spec) ? { scoring: { kind: "option_credit" as const, combine: spec.combine } } : {}),
  };
}

export function number(
  spec: Common & {
    unit?: LocalizedText;
    min?: number;
    max?: number;
    integer?: boolean;
    /** E.g. at_least [[90, 1], [75, 0.5]]: ≥ 90 full credit, ≥ 75 half. */
    thresholds?: { direction: "at_least" | "at_most"; steps: [value: number, credit: number][] };
  },
): NumberQuestion {
  return {
    ...common(spec),
    type: "number",
    ...(spec.unit ? { unit: spec.unit } : {}),
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(spec.integer ? { integer: true } : {}),
    ...(isScored(spec) && spec.thresholds
      ? {
          scoring: {
            kind: "thresholds" as const,
            direction: spec.thresholds.direction,
            thresholds: spec.thresholds.steps.map(([value, credit]) => ({ value, credit })),
          },
        }
      : {}),
  };
}

export function date(spec: Common & { maxAgeMonths?: number; allowFuture?: boolean }): DateQuestion {
  return {
    ...common(spec),
    type: "date",
    ...(spec.allowFuture ? { allowFuture: true } : {}),
    ...(isScored(spec) && spec.maxAgeMonths ? { scoring: { kind: "max_age" as const, months: spec.maxAgeMonths } } : {}),
  };
}

/** Scored questions earn credit for any non-empty answer; info questions are not scored. */
export function freeText(spec: Common & { multiline?: boolean; maxLength?: number }): TextQuestion {
  return {
    ...common(spec),
    type: "text",
    ...(spec.multiline ? { multiline: true } : {}),
    ...(spec.maxLength ? { maxLength: spec.maxLength } : {}),
    ...(isScored(spec) ? { scoring: { kind: "non_empty" as const } } : {}),
  };
}

export function evidence(
  spec: Common & { requireValidUntil: boolean; minFiles?: number; maxFiles?: number },
): EvidenceQuestion {
  return {
    ...common(spec),
    type: "evidence",
    minFiles: spec.minFiles ?? 1,
    maxFiles: spec.maxFiles ?? 5,
    requireValidUntil: spec.requireValidUntil,
    ...(isScored(spec) ? { scoring: { kind: "evidence_present" as const } } : {}),
  };
}

// Conditions ----------------------------------------------------------------------------------

export const answered = (question: string, value: string | number): Condition => ({ kind: "answer", question, op: "equals", value });
export const includesAnswer = (question: string, value: string): Condition => ({ kind: "answer", question, op: "includes", value });
export const atLeast = (question: string, value: number | string): Condition => ({ kind: "answer", question, op: "at_least", value });
export const contextIncludes = (field: ContextField, value: string): Condition => ({ kind: "context", field, op: "includes", value });
export const allOf = (...conditions: Condition[]): Condition => ({ kind: "all", conditions });
export const anyOf = (...conditions: Condition[]): Condition => ({ kind: "any", conditions });
export const not = (condition: Condition): Condition => ({ kind: "not", condition });

/** "Yes" or "partly": the thing exists, at least in part. */
export const answeredYesOrPartly = (question: string) => anyOf(answered(question, "yes"), answered(question, "partly"));

/** The gate of the telemarketing template: outbound work in the partnership register. */
export const outboundService = contextIncludes("partnership.services", "outbound");
