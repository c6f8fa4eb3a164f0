import { z } from "zod";
import { DESCRIPTION_MAX, FREQUENCY_MONTHS, TEXT_MAX, TITLE_MAX, TRAINING_ROLES, TRAINING_TOPICS } from "./rules";

/**
 * The forms of the training screens, shared by the routes and their tests. Format checks only;
 * the use cases decide everything that needs the database (ownership, scope, dates vs today).
 */

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };
const uuid = z.string(required).uuid("validation.invalidChoice");
const isoDate = z.string(required).regex(/^\d{4}-\d{2}-\d{2}$/, "training:errors.dateInvalid");
const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number({ ...required, invalid_type_error: message }).int(message).min(min, message).max(max, message);
const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

/** The requirement form, for creating and editing. */
export const requirementFields = {
  topic: z.enum(TRAINING_TOPICS, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  title: z.string().trim().max(TITLE_MAX, "training:errors.titleTooLong").optional(),
  description: z.string().trim().max(DESCRIPTION_MAX, "training:errors.descriptionTooLong").optional(),
  frequencyMonths: wholeNumber(FREQUENCY_MONTHS.min, FREQUENCY_MONTHS.max, "training:errors.frequencyInvalid"),
  minimumCoveragePercent: wholeNumber(0, 100, "training:errors.minimumInvalid"),
  appliesToRoles: z
    .array(z.enum(TRAINING_ROLES, { errorMap: () => ({ message: "validation.invalidChoice" }) }), { ...required, required_error: "training:errors.rolesRequired" })
    .min(1, "training:errors.rolesRequired"),
  scope: z.enum(["all", "selected"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  partnershipIds: z.array(uuid).max(500).optional(),
  namesRequired: checkbox,
};

export const requirementSchema = z.object(requirementFields);
export type RequirementInput = z.infer<typeof requirementSchema>;

const lockVersion = z.coerce.number({ invalid_type_error: "validation.number" }).int().min(1);

/** The requirement page: save changes, or archive it. */
export const requirementIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), lockVersion, ...requirementFields }),
  z.object({ intent: z.literal("archive"), lockVersion }),
]);

/** The vendor's attestation form: typed counts, or a roster file that yields them. */
export const attestSchema = z.object({
  mode: z.enum(["counts", "roster"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  periodStart: isoDate,
  periodEnd: isoDate,
  trainingProvider: z.string(required).trim().min(1, "validation.required").max(TEXT_MAX, "training:errors.textTooLong"),
  passMarkPercent: z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(0, 100, "training:errors.passMarkInvalid").optional()),
  attestingOfficerName: z.string(required).trim().min(1, "validation.required").max(TEXT_MAX, "training:errors.textTooLong"),
  attestingOfficerRole: z.string(required).trim().min(1, "validation.required").max(TEXT_MAX, "training:errors.textTooLong"),
  agentsInScope: z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(1, 100_000, "training:errors.countInvalid").optional()),
  agentsTrained: z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(0, 100_000, "training:errors.countInvalid").optional()),
  firstCompletionDate: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
  lastCompletionDate: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
  evidenceId: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
});
export type AttestInput = z.infer<typeof attestSchema>;

/** The text fields of a post (several values for repeated names), to fill a refused form in again. */
export function postedValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key === "appliesToRoles" || key === "partnershipIds" ? all : (all[0] ?? "");
  }
  return values;
}
