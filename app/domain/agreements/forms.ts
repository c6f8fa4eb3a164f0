import { z } from "zod";
import { CLAUSE_LIMITS, MERGE_TEXT_MAX } from "./content";

/**
 * The forms of the agreement screens, shared by routes and tests. Format checks only; the use
 * cases decide what needs the database (ownership, status, the stored hash).
 */
const required = { required_error: "validation.required", invalid_type_error: "validation.required" };
const uuid = z.string(required).uuid("validation.invalidChoice");
const isoDate = z.string(required).regex(/^\d{4}-\d{2}-\d{2}$/, "agreements:errors.dateInvalid");
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional());
const mergeText = z.string().trim().max(MERGE_TEXT_MAX, "agreements:errors.tooLong").default("");
const lockVersion = z.coerce.number({ invalid_type_error: "validation.number" }).int().min(0);

export const COMMENT_MAX = 4_000;
export const REASON_MAX = 2_000;
export const NAME_MAX = 200;

export const sendSchema = z.object({
  partnershipId: uuid,
  templateVersionId: uuid,
  language: z.enum(["nl", "en"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  effectiveDate: isoDate,
  endDate: optionalDate,
  breachNotificationHours: z.coerce
    .number({ invalid_type_error: "validation.number" })
    .int("validation.number")
    .min(1, "agreements:errors.breachHours")
    .max(720, "agreements:errors.breachHours"),
  subprocessorNoticeDays: z.coerce
    .number({ invalid_type_error: "validation.number" })
    .int("validation.number")
    .min(0, "agreements:errors.noticeDays")
    .max(365, "agreements:errors.noticeDays"),
  services: mergeText,
  dataCategories: mergeText,
  dataSubjects: mergeText,
  purposes: mergeText,
  retention: mergeText,
  subprocessors: mergeText,
  countries: mergeText,
  securityAnnex: mergeText,
  /** The agreement this one replaces, when issuing a new version. */
  supersedesAgreementId: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
});

export type SendForm = z.infer<typeof sendSchema>;

const signature = {
  fullName: z.string(required).trim().min(2, "agreements:errors.fullName").max(NAME_MAX, "agreements:errors.tooLong"),
  jobTitle: z.string(required).trim().min(2, "agreements:errors.jobTitle").max(NAME_MAX, "agreements:errors.tooLong"),
  consent: z.literal("on", { errorMap: () => ({ message: "agreements:errors.consent" }) }),
  documentHash: z.string(required).regex(/^[0-9a-f]{64}$/, "agreements:errors.hashMismatch"),
};

const comment = z.object({
  intent: z.literal("comment"),
  body: z.string(required).trim().min(1, "validation.required").max(COMMENT_MAX, "agreements:errors.tooLong"),
  requestsChanges: z.literal("on").optional(),
});

export const vendorIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sign"), ...signature }),
  comment,
  z.object({ intent: z.literal("attach"), evidenceId: uuid }),
  z.object({ intent: z.literal("detach"), evidenceId: uuid }),
]);

export const clientIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("countersign"), ...signature }),
  comment,
  z.object({
    intent: z.literal("terminate"),
    reason: z.string(required).trim().min(3, "agreements:errors.reason").max(REASON_MAX, "agreements:errors.tooLong"),
    lockVersion,
  }),
]);

/** The template editor: the whole draft at once, clauses as parallel arrays. */
export const draftSchema = z.object({
  intent: z.literal("save"),
  lockVersion,
  nameNl: z.string(required).max(CLAUSE_LIMITS.nameMax, "agreements:errors.tooLong"),
  nameEn: z.string(required).max(CLAUSE_LIMITS.nameMax, "agreements:errors.tooLong"),
  clauseKey: z.array(z.string()).default([]),
  headingNl: z.array(z.string()).default([]),
  headingEn: z.array(z.string()).default([]),
  bodyNl: z.array(z.string()).default([]),
  bodyEn: z.array(z.string()).default([]),
  /** Indexes of clauses to drop on saving. */
  remove: z.array(z.string().max(10)).max(CLAUSE_LIMITS.maxClauses).default([]),
  /** "new" adds an empty clause at the end. */
  change: z.literal("new").optional(),
});

export const templateIntentSchema = z.discriminatedUnion("intent", [
  draftSchema,
  z.object({ intent: z.literal("publish"), lockVersion }),
  z.object({ intent: z.literal("new-draft") }),
]);

/** A pasted hash on /verify: 64 hex digits, spaces and case forgiven. */
export function normalizeHash(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const hash = value.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}
