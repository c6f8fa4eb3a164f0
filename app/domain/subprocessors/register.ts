import { z } from "zod";
import { isCountryCode } from "~/domain/orgs/countries";
import { EEA } from "~/domain/orgs/inherent-risk";
import { addDays, daysBetween, type IsoDate } from "~/utils/calendar-date";

/**
 * The rules of the sub-processor register (AVG art. 28(2) and (4)). The portal follows the
 * general-authorisation model: the vendor informs the client of an intended addition, the client
 * may object within the notice period of the agreement in force, and silence counts as approval.
 * Approved entries are not edited: a changed sub-processor is removed and proposed again, so what
 * the client approved is exactly what the register shows.
 */

export const subprocessorStatuses = ["proposed", "approved", "objected", "withdrawn", "removed"] as const;
export type SubprocessorStatus = (typeof subprocessorStatuses)[number];

export const subprocessorEventKinds = ["proposed", "edited", "approved", "objected", "withdrawn", "removed", "approved_by_lapse"] as const;
export type SubprocessorEventKind = (typeof subprocessorEventKinds)[number];

/** Without an agreement in force (or without a period in it), the client has this many days. */
export const DEFAULT_NOTICE_DAYS = 30;

export const NAME_MAX = 200;
export const SERVICE_MAX = 500;
export const DATA_ACCESSED_MAX = 1000;
export const MECHANISM_OTHER_MAX = 500;
export const COMMENT_MAX = 2000;

/** The stored codes of the transfer mechanisms (Arts. 45–47 AVG); "other" stores its description. */
export const transferMechanisms = ["adequacy_decision", "eu_scc_2021_914", "binding_corporate_rules", "other"] as const;
export type TransferMechanism = (typeof transferMechanisms)[number];
const knownMechanisms = new Set<string>(transferMechanisms.filter((m) => m !== "other"));

/** In the EEA (EU plus Iceland, Liechtenstein, Norway): no Chapter V transfer, no mechanism needed. */
export function isInEea(country: string): boolean {
  return EEA.has(country.toUpperCase());
}

/** Whether the register must name a transfer mechanism for this country. */
export function needsTransferMechanism(country: string): boolean {
  return !isInEea(country);
}

/**
 * What the `transferMechanism` column holds: a known code, or the vendor's own description when
 * the choice was "other". Null inside the EEA.
 */
export function storedTransferMechanism(country: string, mechanism: TransferMechanism | undefined, otherDescription: string | undefined): string | null {
  if (!needsTransferMechanism(country) || !mechanism) return null;
  if (mechanism === "other") return otherDescription?.trim() || null;
  return mechanism;
}

/** The stored value read back as a choice and, for "other", its description. */
export function parseTransferMechanism(stored: string | null): { mechanism: TransferMechanism; description: string | null } | null {
  if (!stored) return null;
  if (knownMechanisms.has(stored)) return { mechanism: stored as TransferMechanism, description: null };
  return { mechanism: "other", description: stored };
}

/** The notice period: the agreement's, when one is in force, else the default. */
export function noticeDaysFrom(agreementNoticeDays: number | null | undefined): number {
  return typeof agreementNoticeDays === "number" && Number.isInteger(agreementNoticeDays) && agreementNoticeDays >= 0
    ? agreementNoticeDays
    : DEFAULT_NOTICE_DAYS;
}

/** The last day the client may object: the proposal's day plus the notice period. */
export function objectionDeadline(proposedOn: IsoDate, noticeDays: number): IsoDate {
  return addDays(proposedOn, noticeDays);
}

/** Days left to decide (0 on the deadline itself, negative after it). */
export function daysLeft(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}

export type DecisionCheck = "ok" | "not_pending" | "deadline_passed";

/** Whether the client may still approve or object today; the deadline day itself still counts. */
export function checkDecision(status: SubprocessorStatus, deadline: IsoDate | null, today: IsoDate): DecisionCheck {
  if (status !== "proposed") return "not_pending";
  if (deadline !== null && today > deadline) return "deadline_passed";
  return "ok";
}

/** A proposal nobody decided on before its deadline: the daily job approves it by lapse. */
export function hasLapsed(status: SubprocessorStatus, deadline: IsoDate | null, today: IsoDate): boolean {
  return status === "proposed" && deadline !== null && today > deadline;
}

/** What the vendor may do with an entry in each status. */
export function vendorActions(status: SubprocessorStatus): Array<"edit" | "withdraw" | "remove"> {
  if (status === "proposed") return ["edit", "withdraw"];
  if (status === "approved") return ["remove"];
  return [];
}

/** Pending proposals first (earliest deadline first), then approved, then the closed ones. */
export function registerOrder<T extends { status: SubprocessorStatus; objectionDeadline: string | null; name: string }>(entries: T[]): T[] {
  const rank: Record<SubprocessorStatus, number> = { proposed: 0, approved: 1, objected: 2, withdrawn: 3, removed: 4 };
  return [...entries].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === "proposed" ? (a.objectionDeadline ?? "").localeCompare(b.objectionDeadline ?? "") : 0) ||
      a.name.localeCompare(b.name),
  );
}

// ---------------------------------------------------------------------------------------------
// Forms: format checks here (shared by page and server), business checks in the use cases.

const requiredText = (max: number) =>
  z
    .string({ required_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, "subprocessors:errors.tooLong");

const lockVersion = z.number({ required_error: "validation.required", invalid_type_error: "validation.number" }).int().min(1);

const entryFields = {
  name: requiredText(NAME_MAX),
  service: requiredText(SERVICE_MAX),
  country: z
    .string({ required_error: "validation.required" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "subprocessors:errors.countryInvalid"),
  dataAccessed: requiredText(DATA_ACCESSED_MAX),
  transferMechanism: z.enum(transferMechanisms, { errorMap: () => ({ message: "validation.invalidChoice" }) }).optional(),
  transferOther: z.string().trim().max(MECHANISM_OTHER_MAX, "subprocessors:errors.tooLong").optional(),
};

type EntryValues = { country: string; transferMechanism?: TransferMechanism; transferOther?: string };

function requireMechanism(value: EntryValues, ctx: z.RefinementCtx) {
  if (!needsTransferMechanism(value.country)) return;
  if (!value.transferMechanism) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["transferMechanism"], message: "subprocessors:errors.mechanismRequired" });
  } else if (value.transferMechanism === "other" && !value.transferOther) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["transferOther"], message: "subprocessors:errors.mechanismOtherRequired" });
  }
}

export const proposeSchema = z.object({ intent: z.literal("propose"), ...entryFields }).superRefine(requireMechanism);

export const editSchema = z
  .object({ intent: z.literal("edit"), subprocessorId: z.string().uuid(), lockVersion, ...entryFields })
  .superRefine(requireMechanism);

/** Withdrawing a proposal or removing an approved entry; the comment is optional. */
export const closeSchema = z.object({
  intent: z.enum(["withdraw", "remove"]),
  subprocessorId: z.string().uuid(),
  lockVersion,
  comment: z.string().trim().max(COMMENT_MAX, "subprocessors:errors.tooLong").optional(),
});

/** The client's decision; an objection must say why. */
export const decideSchema = z
  .object({
    intent: z.enum(["approve", "object"]),
    subprocessorId: z.string().uuid(),
    lockVersion,
    comment: z.string().trim().max(COMMENT_MAX, "subprocessors:errors.tooLong").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "object" && !value.comment) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["comment"], message: "subprocessors:errors.reasonRequired" });
    }
  });

export interface EntryInput {
  name: string;
  service: string;
  country: string;
  dataAccessed: string;
  transferMechanism: string | null;
}

/** The register's columns from a parsed form. */
export function entryInput(value: z.infer<typeof proposeSchema> | z.infer<typeof editSchema>): EntryInput {
  return {
    name: value.name,
    service: value.service,
    country: value.country,
    dataAccessed: value.dataAccessed,
    transferMechanism: storedTransferMechanism(value.country, value.transferMechanism, value.transferOther),
  };
}

/** The fields an edit changed, for the history and the audit trail. */
export function changedFields(before: EntryInput, after: EntryInput): Array<keyof EntryInput> {
  return (Object.keys(after) as Array<keyof EntryInput>).filter((k) => before[k] !== after[k]);
}
