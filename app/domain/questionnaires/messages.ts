/**
 * Every i18n key the questionnaire validators put in front of a person, in one place so the UI
 * can translate them (namespace "questionnaires", file public/locales/{nl,en}/questionnaires.json).
 * Template keys appear when a builder save or a JSON import is refused; answer keys when a vendor's
 * submission is. Parameters, where given, are listed beside the key.
 */

/** Problems with a template version's content (model.ts). */
export const templateMessages = {
  // Generic field problems, raised by the schema's leaves.
  invalid: "questionnaires:validation.invalid",
  required: "questionnaires:validation.required",
  invalidType: "questionnaires:validation.invalidType",
  invalidValue: "questionnaires:validation.invalidValue",
  unknownField: "questionnaires:validation.unknownField",
  empty: "questionnaires:validation.empty",
  tooLong: "questionnaires:validation.tooLong", // {max}
  tooFew: "questionnaires:validation.tooFew", // {min}
  tooMany: "questionnaires:validation.tooMany", // {max}
  tooSmall: "questionnaires:validation.tooSmall", // {min}
  tooBig: "questionnaires:validation.tooBig", // {max}
  notInteger: "questionnaires:validation.notInteger",
  invalidKey: "questionnaires:validation.invalidKey",
  invalidOptionValue: "questionnaires:validation.invalidOptionValue",
  invalidDate: "questionnaires:validation.invalidDate",
  // Structural rules, raised by the checks over the whole version.
  duplicateSectionKey: "questionnaires:validation.duplicateSectionKey", // {key}
  duplicateQuestionKey: "questionnaires:validation.duplicateQuestionKey", // {key}
  duplicateOptionValue: "questionnaires:validation.duplicateOptionValue", // {value}
  duplicateThreshold: "questionnaires:validation.duplicateThreshold", // {value}
  boundsInverted: "questionnaires:validation.boundsInverted", // {min, max}
  fileBoundsInverted: "questionnaires:validation.fileBoundsInverted", // {min, max}
  selectionBoundsInvalid: "questionnaires:validation.selectionBoundsInvalid", // {min, max, options}
  criticalWithoutScoring: "questionnaires:validation.criticalWithoutScoring", // {key}
  scoringUnreachable: "questionnaires:validation.scoringUnreachable", // {key}
  conditionUnknownQuestion: "questionnaires:validation.conditionUnknownQuestion", // {key}
  conditionForwardReference: "questionnaires:validation.conditionForwardReference", // {key}
  conditionOperatorInvalid: "questionnaires:validation.conditionOperatorInvalid", // {op, target}
  conditionValueInvalid: "questionnaires:validation.conditionValueInvalid", // {value}
  conditionTooDeep: "questionnaires:validation.conditionTooDeep", // {max}
} as const;

/** Machine codes of what can be wrong with one answer (answers.ts). */
export const answerErrorCodes = [
  "required_missing",
  "hidden_question_answered",
  "unknown_question",
  "wrong_type",
  "answer_not_allowed",
  "not_applicable_without_reason",
  "unknown_option",
  "duplicate_option",
  "exclusive_option_combined",
  "too_few_options",
  "too_many_options",
  "out_of_bounds",
  "not_integer",
  "invalid_date",
  "date_in_future",
  "text_too_long",
  "too_few_files",
  "too_many_files",
  "duplicate_file",
  "missing_valid_until",
  "evidence_expired",
] as const;
export type AnswerErrorCode = (typeof answerErrorCodes)[number];

/**
 * The i18n key per answer error. Parameters: out_of_bounds {min?, max?}; text_too_long {max};
 * too_few_options / too_few_files {min}; too_many_options / too_many_files {max};
 * unknown_option / duplicate_option {value}; duplicate_file / missing_valid_until {fileId};
 * evidence_expired {fileId, validUntil}.
 */
export const answerMessages = {
  required_missing: "questionnaires:validation.answer.requiredMissing",
  hidden_question_answered: "questionnaires:validation.answer.hiddenQuestionAnswered",
  unknown_question: "questionnaires:validation.answer.unknownQuestion",
  wrong_type: "questionnaires:validation.answer.wrongType",
  answer_not_allowed: "questionnaires:validation.answer.answerNotAllowed",
  not_applicable_without_reason: "questionnaires:validation.answer.notApplicableWithoutReason",
  unknown_option: "questionnaires:validation.answer.unknownOption",
  duplicate_option: "questionnaires:validation.answer.duplicateOption",
  exclusive_option_combined: "questionnaires:validation.answer.exclusiveOptionCombined",
  too_few_options: "questionnaires:validation.answer.tooFewOptions",
  too_many_options: "questionnaires:validation.answer.tooManyOptions",
  out_of_bounds: "questionnaires:validation.answer.outOfBounds",
  not_integer: "questionnaires:validation.answer.notInteger",
  invalid_date: "questionnaires:validation.answer.invalidDate",
  date_in_future: "questionnaires:validation.answer.dateInFuture",
  text_too_long: "questionnaires:validation.answer.textTooLong",
  too_few_files: "questionnaires:validation.answer.tooFewFiles",
  too_many_files: "questionnaires:validation.answer.tooManyFiles",
  duplicate_file: "questionnaires:validation.answer.duplicateFile",
  missing_valid_until: "questionnaires:validation.answer.missingValidUntil",
  evidence_expired: "questionnaires:validation.answer.evidenceExpired",
} as const satisfies Record<AnswerErrorCode, string>;

/** Every key above, for a test that the locale files hold them all. */
export const allValidationMessageKeys: readonly string[] = [
  ...Object.values(templateMessages),
  ...Object.values(answerMessages),
];
