import { z } from "zod";
import { isCountryCode } from "~/domain/orgs/countries";
import { dataCategoryKinds, riskTiers, serviceKinds } from "~/domain/orgs/inherent-risk";
import { isIsoDate } from "~/utils/calendar-date";
import { templateMessages as m } from "./messages";

/**
 * The content of one template version: sections, questions, options, scoring rules and
 * visibility conditions. The schema is the gate for JSON import and for the builder's saves, so
 * it is strict (unknown fields are refused) and every message is an i18n key (see messages.ts).
 * Envelope data (owner, version number, draft/published) lives with the stored row, not here.
 */

export const questionTypes = [
  "yes_no",
  "single_choice",
  "multiple_choice",
  "number",
  "date",
  "text",
  "evidence",
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** What a yes/no question can be answered with; "partly" and "not_applicable" only when enabled. */
export const yesNoChoices = ["yes", "no", "partly", "not_applicable"] as const;
export type YesNoChoice = (typeof yesNoChoices)[number];

/** Facts about the partnership that conditions may look at (see conditions.ts). */
export const contextFields = [
  "partnership.services",
  "partnership.dataCategories",
  "partnership.countries",
  "partnership.riskTier",
] as const;
export type ContextField = (typeof contextFields)[number];

export const conditionOperators = ["equals", "includes", "at_least", "at_most"] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** When a condition holds; kept as plain JSON so it can be stored and imported. */
export type Condition =
  | { kind: "answer"; question: string; op: ConditionOperator; value: string | number }
  | { kind: "context"; field: ContextField; op: ConditionOperator; value: string | number }
  | { kind: "all"; conditions: Condition[] }
  | { kind: "any"; conditions: Condition[] }
  | { kind: "not"; condition: Condition };

/**
 * REFERENCE §8.7 (our proposal, the one place it is specific): an open critical failure caps the
 * template result at 50%. A template may set its own cap.
 */
export const DEFAULT_CRITICAL_CAP = 50;
/** REFERENCE §8.0: "Partial = 50%". */
export const DEFAULT_PARTLY_CREDIT = 0.5;
/** The scale of REFERENCE §8.0 runs from 0 (info) to 5 (critical); room is left for heavier. */
export const MAX_WEIGHT = 100;

export const LIMITS = {
  keyLength: 120,
  optionValueLength: 60,
  titleLength: 300,
  questionTextLength: 1_000,
  helpLength: 4_000,
  referenceLength: 400,
  sections: 50,
  questionsPerSection: 150,
  options: 50,
  thresholds: 10,
  conditionTerms: 20,
  conditionDepth: 6,
  files: 50,
  maxAgeMonths: 120,
  /** Upper bound on a text answer when the question sets none. */
  textAnswerLength: 20_000,
} as const;

/** Lowercase segments joined by dots, e.g. "avg.dpa.signed": stable across versions. */
const KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
/** Option values are stored in answers, so they are slugs too. */
const OPTION_VALUE_PATTERN = /^[a-z0-9][a-z0-9_]*$/;

/** Turns zod's own issues into our i18n keys; checks with an explicit message keep theirs. */
export const questionnaireErrorMap: z.ZodErrorMap = (issue) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" ? m.required : m.invalidType };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: m.unknownField };
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
      return { message: m.invalidValue };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string") return { message: m.empty };
      return { message: issue.type === "array" ? m.tooFew : m.tooSmall };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: m.tooLong };
      return { message: issue.type === "array" ? m.tooMany : m.tooBig };
    case z.ZodIssueCode.not_finite:
      return { message: m.invalidType };
    default:
      return { message: m.invalid };
  }
};
const withMessages = { errorMap: questionnaireErrorMap };

// Small constructors so that every leaf carries the error map (zod applies a schema's own map
// only to the issues that schema raises, not to its children's).
const strictObject = <T extends z.ZodRawShape>(shape: T) => z.object(shape, withMessages).strict();
const boolean = () => z.boolean(withMessages);
const finiteNumber = () => z.number(withMessages).finite();
const wholeNumber = (min: number, max: number) => finiteNumber().int(m.notInteger).min(min).max(max);
const text = (max: number) => z.string(withMessages).trim().min(1).max(max);
const credit = () => finiteNumber().min(0).max(1);

const localizedText = (max: number) => strictObject({ nl: text(max), en: text(max) });
export type LocalizedText = { nl: string; en: string };

const questionKey = z.string(withMessages).max(LIMITS.keyLength).regex(KEY_PATTERN, m.invalidKey);
const optionValue = z.string(withMessages).max(LIMITS.optionValueLength).regex(OPTION_VALUE_PATTERN, m.invalidOptionValue);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion(
    "kind",
    [
      strictObject({
        kind: z.literal("answer", withMessages),
        question: questionKey,
        op: z.enum(conditionOperators, withMessages),
        value: z.union([z.string(withMessages).max(LIMITS.optionValueLength), finiteNumber()], withMessages),
      }),
      strictObject({
        kind: z.literal("context", withMessages),
        field: z.enum(contextFields, withMessages),
        op: z.enum(conditionOperators, withMessages),
        value: z.union([z.string(withMessages).max(LIMITS.optionValueLength), finiteNumber()], withMessages),
      }),
      strictObject({
        kind: z.literal("all", withMessages),
        conditions: z.array(conditionSchema, withMessages).min(1).max(LIMITS.conditionTerms),
      }),
      strictObject({
        kind: z.literal("any", withMessages),
        conditions: z.array(conditionSchema, withMessages).min(1).max(LIMITS.conditionTerms),
      }),
      strictObject({ kind: z.literal("not", withMessages), condition: conditionSchema }),
    ],
    withMessages,
  ),
);

/** Fields every question has, whatever its type. */
const questionCommon = {
  key: questionKey,
  text: localizedText(LIMITS.questionTextLength),
  help: localizedText(LIMITS.helpLength).optional(),
  /** The law, standard or guidance the question traces to, e.g. "AVG art. 28 lid 3 sub h". */
  reference: text(LIMITS.referenceLength).optional(),
  required: boolean(),
  weight: finiteNumber().min(0).max(MAX_WEIGHT),
  /** A gating control: failing it caps the whole template's score. */
  critical: boolean(),
  showWhen: conditionSchema.optional(),
};

const choiceOptionSchema = strictObject({
  value: optionValue,
  label: localizedText(LIMITS.titleLength),
  help: localizedText(LIMITS.helpLength).optional(),
  /** Share of the question's weight this option earns (0..1); absent means 0. */
  credit: credit().optional(),
  /** "None of these": may not be combined with another option in a multiple choice. */
  exclusive: boolean().optional(),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const choiceOptions = () => z.array(choiceOptionSchema, withMessages).min(2).max(LIMITS.options);

const yesNoQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("yes_no", withMessages),
  allowPartly: boolean().optional(),
  /** "Not applicable" leaves the question out of the score and needs a reason. */
  allowNotApplicable: boolean().optional(),
  scoring: strictObject({
    kind: z.literal("yes_no", withMessages),
    /** Usually "yes"; "no" for questions like "were you fined in the last 36 months?". */
    compliantAnswer: z.enum(["yes", "no"], withMessages),
    partlyCredit: credit().optional(),
  }).optional(),
});

const singleChoiceQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("single_choice", withMessages),
  options: choiceOptions(),
  scoring: strictObject({ kind: z.literal("option_credit", withMessages) }).optional(),
});

const multipleChoiceQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("multiple_choice", withMessages),
  options: choiceOptions(),
  minSelections: wholeNumber(0, LIMITS.options).optional(),
  maxSelections: wholeNumber(1, LIMITS.options).optional(),
  scoring: strictObject({
    kind: z.literal("option_credit", withMessages),
    /**
     * "sum": coverage, the chosen options' credits add up (at most 1), e.g. curriculum topics.
     * "min": the weakest choice decides, e.g. one call list without a legal basis fails it.
     */
    combine: z.enum(["sum", "min"], withMessages),
  }).optional(),
});

const thresholdSchema = strictObject({ value: finiteNumber(), credit: credit() });

const numberQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("number", withMessages),
  unit: localizedText(LIMITS.titleLength).optional(),
  min: finiteNumber().optional(),
  max: finiteNumber().optional(),
  integer: boolean().optional(),
  scoring: strictObject({
    kind: z.literal("thresholds", withMessages),
    /** "at_least": higher is better (>= 90 full, >= 75 half); "at_most": lower is better. */
    direction: z.enum(["at_least", "at_most"], withMessages),
    thresholds: z.array(thresholdSchema, withMessages).min(1).max(LIMITS.thresholds),
  }).optional(),
});

const dateQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("date", withMessages),
  /** Most dates are of things done (last test, last review); a plan may lie ahead. */
  allowFuture: boolean().optional(),
  scoring: strictObject({
    kind: z.literal("max_age", withMessages),
    /** Full credit when the date is not older than this many months before "today". */
    months: wholeNumber(1, LIMITS.maxAgeMonths),
  }).optional(),
});

const textQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("text", withMessages),
  multiline: boolean().optional(),
  maxLength: wholeNumber(1, LIMITS.textAnswerLength).optional(),
  /** Free text is not scored unless this says that any non-empty answer earns credit. */
  scoring: strictObject({ kind: z.literal("non_empty", withMessages) }).optional(),
});

const evidenceQuestionSchema = strictObject({
  ...questionCommon,
  type: z.literal("evidence", withMessages),
  minFiles: wholeNumber(1, LIMITS.files),
  maxFiles: wholeNumber(1, LIMITS.files),
  /** Certificates and reports expire; the vendor must then give the date each file is valid until. */
  requireValidUntil: boolean(),
  /** Credit when enough files are present and not expired on "today". */
  scoring: strictObject({ kind: z.literal("evidence_present", withMessages) }).optional(),
});

export const questionSchema = z.discriminatedUnion(
  "type",
  [
    yesNoQuestionSchema,
    singleChoiceQuestionSchema,
    multipleChoiceQuestionSchema,
    numberQuestionSchema,
    dateQuestionSchema,
    textQuestionSchema,
    evidenceQuestionSchema,
  ],
  withMessages,
);

export type Question = z.infer<typeof questionSchema>;
export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>;
export type YesNoQuestion = QuestionOfType<"yes_no">;
export type SingleChoiceQuestion = QuestionOfType<"single_choice">;
export type MultipleChoiceQuestion = QuestionOfType<"multiple_choice">;
export type NumberQuestion = QuestionOfType<"number">;
export type DateQuestion = QuestionOfType<"date">;
export type TextQuestion = QuestionOfType<"text">;
export type EvidenceQuestion = QuestionOfType<"evidence">;
export type ScoringRule = NonNullable<Question["scoring"]>;

const sectionSchema = strictObject({
  key: questionKey,
  title: localizedText(LIMITS.titleLength),
  description: localizedText(LIMITS.helpLength).optional(),
  /** An applicability gate for the whole section, e.g. telemarketing only for outbound work. */
  showWhen: conditionSchema.optional(),
  questions: z.array(questionSchema, withMessages).min(1).max(LIMITS.questionsPerSection),
});
export type Section = z.infer<typeof sectionSchema>;

const templateContentShape = strictObject({
  title: localizedText(LIMITS.titleLength),
  description: localizedText(LIMITS.helpLength).optional(),
  /** Highest score (0..100) while a critical question fails; default {@link DEFAULT_CRITICAL_CAP}. */
  criticalCap: wholeNumber(0, 100).optional(),
  sections: z.array(sectionSchema, withMessages).min(1).max(LIMITS.sections),
});
export type TemplateContent = z.infer<typeof templateContentShape>;

/** The content of a template version, fields and structure both checked. */
export const templateContentSchema = templateContentShape.superRefine(checkStructure);

/** Parses untrusted content (JSON import, builder save); issues carry i18n keys and paths. */
export function parseTemplateContent(input: unknown) {
  return templateContentSchema.safeParse(input);
}

/** Every question of a version in document order, with the section it sits in. */
export function questionsOf(content: Pick<TemplateContent, "sections">): { section: Section; question: Question }[] {
  return content.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

// ---------------------------------------------------------------------------------------------
// Structural rules that a field-by-field schema cannot see.

type Path = (string | number)[];
type Report = (path: Path, message: string, params?: Record<string, string | number>) => void;

function checkStructure(content: TemplateContent, ctx: z.RefinementCtx) {
  const report: Report = (path, message, params) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message, params });

  const allKeys = new Set(questionsOf(content).map(({ question }) => question.key));
  const earlier = new Map<string, Question>();
  const sectionKeys = new Set<string>();
  const questionKeys = new Set<string>();

  content.sections.forEach((section, s) => {
    const sectionPath: Path = ["sections", s];
    if (sectionKeys.has(section.key)) report([...sectionPath, "key"], m.duplicateSectionKey, { key: section.key });
    sectionKeys.add(section.key);
    // A section's gate may only look at questions of earlier sections: its own come after it.
    if (section.showWhen) checkCondition(section.showWhen, [...sectionPath, "showWhen"], earlier, allKeys, report);

    section.questions.forEach((question, q) => {
      const path: Path = [...sectionPath, "questions", q];
      if (questionKeys.has(question.key)) report([...path, "key"], m.duplicateQuestionKey, { key: question.key });
      questionKeys.add(question.key);
      // Only earlier questions: this rules out cycles and lets visibility be worked out in one pass.
      if (question.showWhen) checkCondition(question.showWhen, [...path, "showWhen"], earlier, allKeys, report);
      checkQuestion(question, path, report);
      if (!earlier.has(question.key)) earlier.set(question.key, question);
    });
  });
}

function checkQuestion(question: Question, path: Path, report: Report) {
  if (question.critical && !question.scoring) report([...path, "scoring"], m.criticalWithoutScoring, { key: question.key });

  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      const seen = new Set<string>();
      question.options.forEach((option, o) => {
        if (seen.has(option.value)) report([...path, "options", o, "value"], m.duplicateOptionValue, { value: option.value });
        seen.add(option.value);
      });
      if (question.scoring && !question.options.some((option) => (option.credit ?? 0) > 0)) {
        report([...path, "scoring"], m.scoringUnreachable, { key: question.key });
      }
      if (question.type === "multiple_choice") {
        const min = question.minSelections ?? 0;
        const max = question.maxSelections ?? question.options.length;
        if (min > max || max > question.options.length) {
          report([...path, "maxSelections"], m.selectionBoundsInvalid, { min, max, options: question.options.length });
        }
      }
      return;
    }
    case "number": {
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
        report([...path, "max"], m.boundsInverted, { min: question.min, max: question.max });
      }
      if (question.scoring) {
        const seen = new Set<number>();
        question.scoring.thresholds.forEach((threshold, t) => {
          if (seen.has(threshold.value)) {
            report([...path, "scoring", "thresholds", t, "value"], m.duplicateThreshold, { value: threshold.value });
          }
          seen.add(threshold.value);
        });
        if (!question.scoring.thresholds.some((threshold) => threshold.credit > 0)) {
          report([...path, "scoring"], m.scoringUnreachable, { key: question.key });
        }
      }
      return;
    }
    case "evidence":
      if (question.minFiles > question.maxFiles) {
        report([...path, "maxFiles"], m.fileBoundsInverted, { min: question.minFiles, max: question.maxFiles });
      }
      return;
    default:
      return;
  }
}

/** Which operators make sense for each kind of referenced question or context field. */
const operatorsByQuestionType: Record<QuestionType, readonly ConditionOperator[]> = {
  yes_no: ["equals"],
  single_choice: ["equals"],
  multiple_choice: ["includes"],
  number: ["equals", "at_least", "at_most"],
  date: ["equals", "at_least", "at_most"],
  text: ["equals"],
  evidence: [],
};

const contextRules: Record<ContextField, { ops: readonly ConditionOperator[]; isValue: (value: unknown) => boolean }> = {
  "partnership.services": { ops: ["includes"], isValue: (v) => (serviceKinds as readonly unknown[]).includes(v) },
  "partnership.dataCategories": { ops: ["includes"], isValue: (v) => (dataCategoryKinds as readonly unknown[]).includes(v) },
  "partnership.countries": { ops: ["includes"], isValue: (v) => isCountryCode(v) },
  "partnership.riskTier": { ops: ["equals", "at_least", "at_most"], isValue: (v) => (riskTiers as readonly unknown[]).includes(v) },
};

function isValidAnswerConditionValue(question: Question, value: string | number): boolean {
  switch (question.type) {
    case "yes_no":
      return (yesNoChoices as readonly unknown[]).includes(value);
    case "single_choice":
    case "multiple_choice":
      return question.options.some((option) => option.value === value);
    case "number":
      return typeof value === "number";
    case "date":
      return isIsoDate(value);
    case "text":
      return typeof value === "string";
    case "evidence":
      return false;
  }
}

function checkCondition(
  condition: Condition,
  path: Path,
  earlier: ReadonlyMap<string, Question>,
  allKeys: ReadonlySet<string>,
  report: Report,
  depth = 1,
) {
  if (depth > LIMITS.conditionDepth) {
    report(path, m.conditionTooDeep, { max: LIMITS.conditionDepth });
    return;
  }
  switch (condition.kind) {
    case "all":
    case "any":
      condition.conditions.forEach((inner, i) =>
        checkCondition(inner, [...path, "conditions", i], earlier, allKeys, report, depth + 1),
      );
      return;
    case "not":
      checkCondition(condition.condition, [...path, "condition"], earlier, allKeys, report, depth + 1);
      return;
    case "context": {
      const rule = contextRules[condition.field];
      if (!rule.ops.includes(condition.op)) {
        report([...path, "op"], m.conditionOperatorInvalid, { op: condition.op, target: condition.field });
      } else if (!rule.isValue(condition.value)) {
        report([...path, "value"], m.conditionValueInvalid, { value: String(condition.value) });
      }
      return;
    }
    case "answer": {
      const target = earlier.get(condition.question);
      if (!target) {
        const message = allKeys.has(condition.question) ? m.conditionForwardReference : m.conditionUnknownQuestion;
        report([...path, "question"], message, { key: condition.question });
        return;
      }
      if (!operatorsByQuestionType[target.type].includes(condition.op)) {
        report([...path, "op"], m.conditionOperatorInvalid, { op: condition.op, target: target.type });
      } else if (!isValidAnswerConditionValue(target, condition.value)) {
        report([...path, "value"], m.conditionValueInvalid, { value: String(condition.value) });
      }
      return;
    }
  }
}
